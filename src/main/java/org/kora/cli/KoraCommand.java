package org.kora.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.kora.domain.KoraException;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.service.BackupFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code kora}: without a subcommand it opens the window (with a backup file, the one a double-click
 * passes, it offers to restore it: docs/decisions/0022-backup-files-open-kora.md); with one it works in
 * the shell. Exit codes: 0 done, 1 the input was refused (the message says what and where), 2 usage error.
 */
@Command(name = "kora", mixinStandardHelpOptions = true,
        description = "Plans and tracks 3+3 trainee rotations. Without a command, opens the window.",
        subcommands = {DemoCommand.class, CheckCommand.class, PlanCommand.class, ImportCommand.class, ExportCommand.class,
                AuditCommand.class, BackupCommand.class, RestoreCommand.class})
public final class KoraCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(KoraCommand.class);

    private final Backend backend;

    @Option(names = "--db", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "The database file (default: the one in the user's data folder).")
    Path database;

    @Option(names = "--lang", paramLabel = "zh|en", scope = ScopeType.INHERIT,
            converter = LanguageConverter.class, description = "The language of the window and of messages.")
    Language language;

    @Parameters(arity = "0..1", paramLabel = "BACKUP", converter = BackupArgument.class,
            description = "A Kora backup (.korabackup) that the window offers to restore once an administrator signs in: "
                    + "what a double-clicked backup opens.")
    Path backup;

    KoraCommand(Backend backend) {
        this.backend = backend;
    }

    /** The command line, ready to {@code execute(args)}. */
    public static CommandLine commandLine(Backend backend, String version) {
        var root = new KoraCommand(backend);
        var commandLine = new CommandLine(root, new CommandFactory(root, backend));
        commandLine.getCommandSpec().version("Kora " + version);
        commandLine.setExecutionExceptionHandler((failure, command, parseResult) ->
                report(failure, root.messages(), command.getErr()));
        return commandLine;
    }

    /**
     * Tells the user why {@code kora [--db PATH] [--lang zh|en]} could not open the window when it
     * was opened without building the command line (for example, no display), and returns exit code 1.
     */
    public static int failed(Backend backend, Language language, Exception failure) {
        var err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        return report(failure, new Messages(language != null ? language : backend.defaultLanguage()), err);
    }

    private static int report(Exception failure, Messages messages, PrintWriter err) {
        if (failure instanceof KoraException refusal) {
            err.println(messages.format(refusal));
        } else {
            LOG.error("Command failed", failure);
            err.println(messages.format("error.unexpected", String.valueOf(failure.getMessage())));
        }
        return 1;
    }

    Messages messages() {
        return new Messages(language != null ? language : backend.defaultLanguage());
    }

    @Override
    public Integer call() {
        backend.openWindow(database, language, backup);
        return 0;
    }

    /** Reads {@code --lang zh|en}. */
    static final class LanguageConverter implements CommandLine.ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            try {
                return Language.fromCode(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads the window's BACKUP: a file named as a Kora backup, so that a mistyped command is not taken for one. */
    static final class BackupArgument implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (!BackupFile.isBackupName(value)) {
                throw new CommandLine.TypeConversionException("not a command, and not a Kora backup (."
                        + BackupFile.EXTENSION + "): " + value);
            }
            return Path.of(value);
        }
    }

    /** Gives subcommands the root command and the backend. */
    private record CommandFactory(KoraCommand root, Backend backend) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == DemoCommand.class) {
                return type.cast(new DemoCommand(root, backend));
            }
            if (type == CheckCommand.class) {
                return type.cast(new CheckCommand(root));
            }
            if (type == PlanCommand.class) {
                return type.cast(new PlanCommand(root, backend));
            }
            if (type == ImportCommand.class) {
                return type.cast(new ImportCommand(root, backend));
            }
            if (type == AuditCommand.class) {
                return type.cast(new AuditCommand());
            }
            if (type == AuditCommand.Verify.class) {
                return type.cast(new AuditCommand.Verify(root, backend));
            }
            if (type == BackupCommand.class) {
                return type.cast(new BackupCommand(root, backend));
            }
            if (type == RestoreCommand.class) {
                return type.cast(new RestoreCommand(root, backend));
            }
            if (type == ExportCommand.class) {
                return type.cast(new ExportCommand(root, backend, Clock.systemDefaultZone()));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
