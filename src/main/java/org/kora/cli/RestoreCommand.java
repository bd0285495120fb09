package org.kora.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kora restore FILE --user NAME}: checks the backup FILE and puts it in place of the database
 * ({@code --db}, else the default one), which is kept aside with its key file. An encrypted backup
 * needs its passphrase (see {@link Passphrases#ofBackup}) and brings its key file. Exit 0 done;
 * 1 refused (the backup is damaged, not Kora's, newer, its chain broken; its passphrase wrong or
 * missing; wrong password, not an administrator), the database untouched; 2 usage.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Checks the backup FILE and restores it over the database, keeping the current file aside.",
                "An encrypted backup needs its passphrase: from KORA_BACKUP_PASSPHRASE, else KORA_PASSPHRASE, else asked."})
final class RestoreCommand implements Callable<Integer> {
    private final KoraCommand root;
    private final Backend backend;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A backup made by Kora (kora-….korabackup, or a .zip of an earlier version).")
    Path file;

    @Option(names = "--user", paramLabel = "NAME", required = true,
            description = "An administrator's account in the current database (password from KORA_PASSWORD, else asked).")
    String user;

    RestoreCommand(KoraCommand root, Backend backend) {
        this.root = root;
        this.backend = backend;
    }

    @Override
    public Integer call() {
        var messages = root.messages();
        return Credentials.signedIn(root, backend, spec, user, (services, session) -> {
            var database = services.databaseName();
            var wasEncrypted = services.backups().databaseEncrypted();
            char[] passphrase = null;
            if (services.backups().needsPassphrase(session, file)) {
                passphrase = Passphrases.ofBackup(backend, messages, file.toAbsolutePath().normalize());
                if (passphrase == null) {
                    spec.commandLine().getErr().println(messages.get("cli.passphrase.missing"));
                    return 1;
                }
            }
            try {
                var restored = services.backups().restore(session, file, passphrase);
                var said = restored.encrypted() ? "backup.restoredEncrypted"
                        : wasEncrypted ? "backup.restoredUnencrypted" : "backup.restored";
                spec.commandLine().getOut().println(messages.format(said, file.toAbsolutePath().normalize(), database,
                        restored.schemaVersion(), restored.signOffs(), String.valueOf(restored.keptAside()),
                        String.valueOf(restored.keyKeptAside())));
                return 0;
            } finally {
                if (passphrase != null) {
                    Arrays.fill(passphrase, '\0');
                }
            }
        });
    }
}
