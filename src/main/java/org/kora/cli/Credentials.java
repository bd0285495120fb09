package org.kora.cli;

import java.util.Arrays;

import org.kora.domain.Messages;
import org.kora.service.Services;
import org.kora.service.Session;

import picocli.CommandLine.Model.CommandSpec;

/**
 * Signing a command-line user in: the password from the KORA_PASSWORD variable, else asked on
 * the terminal; the database of {@code --db}, else the default one, and if it is encrypted its
 * passphrase (see {@link Passphrases}).
 */
final class Credentials {
    static final String PASSWORD_VARIABLE = "KORA_PASSWORD";

    /** What a command does once its user is signed in; returns the exit code. */
    @FunctionalInterface
    interface SignedInWork {
        int run(Services services, Session session);
    }

    private Credentials() {
    }

    /**
     * Opens the command's database, signs {@code user} in and runs {@code work}; exit 1 with a
     * message if there is no password to be had. The password is wiped afterwards.
     */
    static int signedIn(KoraCommand root, Backend backend, CommandSpec spec, String user, SignedInWork work) {
        var messages = root.messages();
        var password = password(backend, messages, user);
        if (password == null) {
            spec.commandLine().getErr().println(messages.get("cli.password.missing"));
            return 1;
        }
        var database = root.database != null ? root.database : backend.defaultDatabase();
        char[] passphrase = null;
        if (backend.isEncrypted(database)) {
            passphrase = Passphrases.existing(backend, messages, database);
            if (passphrase == null) {
                Arrays.fill(password, '\0');
                spec.commandLine().getErr().println(messages.get("cli.passphrase.missing"));
                return 1;
            }
        }
        try (var services = backend.open(database, passphrase)) {
            return work.run(services, services.auth().signIn(user, password));
        } finally {
            Arrays.fill(password, '\0');
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    private static char[] password(Backend backend, Messages messages, String user) {
        var variable = backend.environment(PASSWORD_VARIABLE);
        if (variable != null) {
            return variable.toCharArray();
        }
        var console = System.console();
        return console == null ? null : console.readPassword("%s", messages.format("cli.password.prompt", user));
    }
}
