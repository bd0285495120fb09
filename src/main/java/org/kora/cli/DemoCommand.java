package org.kora.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;

import org.kora.service.DemoService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kora demo [--db PATH] [--encrypt]}: creates the demo database, encrypted if asked. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Creates the demo database (accounts admin, hr, manager, mentor; password demo).")
final class DemoCommand implements Callable<Integer> {
    private final KoraCommand root;
    private final Backend backend;

    @Spec
    CommandSpec spec;

    DemoCommand(KoraCommand root, Backend backend) {
        this.root = root;
        this.backend = backend;
    }

    @Option(names = "--encrypt",
            description = "Encrypts the database with a passphrase, from KORA_PASSPHRASE or asked twice (at least 12 characters).")
    boolean encrypt;

    @Override
    public Integer call() {
        var path = root.database != null ? root.database : backend.demoDatabase();
        var messages = root.messages();
        char[] passphrase = null;
        if (encrypt) {
            passphrase = Passphrases.fresh(backend, messages, path, spec.commandLine().getErr());
            if (passphrase == null) {
                return 1;
            }
        }
        try (var services = backend.create(path, passphrase)) {
            services.demo().populate();
            spec.commandLine().getOut().println(messages.format("cli.demo.created", services.databaseName()));
            if (encrypt) {
                spec.commandLine().getOut().println(messages.get("cli.demo.encrypted"));
            }
            spec.commandLine().getOut().println(DemoService.accountsText(messages));
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
        return 0;
    }
}
