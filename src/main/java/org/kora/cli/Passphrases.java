package org.kora.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Arrays;

import org.kora.domain.Messages;

/**
 * An encrypted database's passphrase on the command line: from the KORA_PASSPHRASE variable, else
 * asked on the terminal (twice for a new database, so that a typing slip does not lock it for good).
 * An encrypted backup's, to restore it: KORA_BACKUP_PASSPHRASE first.
 */
final class Passphrases {
    static final String VARIABLE = "KORA_PASSPHRASE";
    /** The passphrase of a backup to restore, when it differs from the database's. */
    static final String BACKUP_VARIABLE = "KORA_BACKUP_PASSPHRASE";

    private Passphrases() {
    }

    /** The passphrase of an existing database, or null if there is none to be had. */
    static char[] existing(Backend backend, Messages messages, Object database) {
        var variable = backend.environment(VARIABLE);
        if (variable != null) {
            return variable.toCharArray();
        }
        var console = System.console();
        return console == null ? null : console.readPassword("%s", messages.format("cli.passphrase.prompt", database));
    }

    /**
     * The passphrase of an encrypted backup to restore, or null if there is none to be had: from
     * KORA_BACKUP_PASSPHRASE, else KORA_PASSPHRASE (a backup of the same database has the same
     * passphrase), else asked on the terminal.
     */
    static char[] ofBackup(Backend backend, Messages messages, Object backup) {
        for (var name : new String[] {BACKUP_VARIABLE, VARIABLE}) {
            var variable = backend.environment(name);
            if (variable != null) {
                return variable.toCharArray();
            }
        }
        var console = System.console();
        return console == null ? null : console.readPassword("%s", messages.format("cli.passphrase.backupPrompt", backup));
    }

    /**
     * A new database's passphrase, or null if there is none to be had or the two typed differ
     * (said on the error stream).
     */
    static char[] fresh(Backend backend, Messages messages, Object database, PrintWriter err) {
        var variable = backend.environment(VARIABLE);
        if (variable != null) {
            return variable.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            err.println(messages.get("cli.passphrase.missing"));
            return null;
        }
        var first = console.readPassword("%s", messages.format("cli.passphrase.prompt", database));
        var second = console.readPassword("%s", messages.get("cli.passphrase.repeat"));
        if (first == null || !Arrays.equals(first, second)) {
            err.println(messages.get("encryption.passphraseMismatch"));
            return null;
        }
        Arrays.fill(second, '\0');
        return first;
    }
}
