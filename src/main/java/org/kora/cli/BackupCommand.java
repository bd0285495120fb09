package org.kora.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kora backup FILE --user NAME}: writes a consistent backup of the database to FILE (a zip,
 * which must not exist yet). Exit 0 done; 1 refused (wrong password, not an administrator, the file
 * exists); 2 usage.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Writes a backup of the database to FILE (a zip archive that kora restore reads; name it .korabackup for a double-click to open it in Kora).")
final class BackupCommand implements Callable<Integer> {
    private final KoraCommand root;
    private final Backend backend;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup to write; must not exist yet.")
    Path file;

    @Option(names = "--user", paramLabel = "NAME", required = true,
            description = "An administrator's account (password from KORA_PASSWORD, else asked).")
    String user;

    BackupCommand(KoraCommand root, Backend backend) {
        this.root = root;
        this.backend = backend;
    }

    @Override
    public Integer call() {
        var messages = root.messages();
        return Credentials.signedIn(root, backend, spec, user, (services, session) -> {
            services.backups().backUpTo(session, file);
            spec.commandLine().getOut().println(messages.format("backup.written", file.toAbsolutePath().normalize(),
                    services.databaseName()));
            return 0;
        });
    }
}
