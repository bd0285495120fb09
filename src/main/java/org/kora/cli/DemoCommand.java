package org.kora.cli;

import java.util.concurrent.Callable;

import org.kora.service.DemoService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kora demo [--db PATH]}: creates the demo database. */
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

    @Override
    public Integer call() {
        var path = root.database != null ? root.database : backend.demoDatabase();
        try (var services = backend.create(path)) {
            services.demo().populate();
            var messages = root.messages();
            spec.commandLine().getOut().println(messages.format("cli.demo.created", services.databaseName()));
            spec.commandLine().getOut().println(DemoService.accountsText(messages));
        }
        return 0;
    }
}
