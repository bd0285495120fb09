package org.kora.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.kora.domain.Messages;
import org.kora.service.ImportIssue;
import org.kora.service.ImportKind;
import org.kora.service.ImportProgress;
import org.kora.service.ImportReport;
import org.kora.service.ImportService;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kora import trainees|mentors|departments|competencies FILE [--dry-run] --user NAME}: previews the file,
 * lists every bad row, and imports it when no row is bad (unless it is a dry run). Exit 0 done;
 * 1 refused (bad rows, wrong password, not allowed); 2 usage.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports departments, trainees, mentors or competencies (curricula) from a CSV or .xlsx file; "
                + "every bad row is reported "
                + "and a file with any bad row imports nothing.")
final class ImportCommand implements Callable<Integer> {
    private final KoraCommand root;
    private final Backend backend;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "trainees|mentors|departments|competencies",
            converter = KindConverter.class,
            description = "What the file holds.")
    ImportKind kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "The .csv or .xlsx file.")
    Path file;

    @Option(names = "--dry-run", description = "Check the file and report; save nothing.")
    boolean dryRun;

    @Option(names = "--user", paramLabel = "NAME", required = true,
            description = "The account to import as (password from KORA_PASSWORD, else asked).")
    String user;

    ImportCommand(KoraCommand root, Backend backend) {
        this.root = root;
        this.backend = backend;
    }

    @Override
    public Integer call() {
        var messages = root.messages();
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return Credentials.signedIn(root, backend, spec, user, (services, session) -> {
            var imports = services.imports();
            var preview = imports.preview(session, kind, file, ImportProgress.NONE);
            print(preview, messages, out);
            if (preview.hasBadRows()) {
                err.println(messages.get("cli.import.refused"));
                return 1;
            }
            if (dryRun) {
                out.println(messages.get("cli.import.dryRun"));
                return 0;
            }
            var applied = imports.apply(session, kind, file, ImportProgress.NONE);
            if (!applied.applied()) {
                // the file changed between the two readings
                print(applied, messages, out);
                err.println(messages.get("cli.import.refused"));
                return 1;
            }
            out.println(messages.get("cli.import.applied"));
            return 0;
        });
    }

    private static void print(ImportReport report, Messages messages, PrintWriter out) {
        out.println(messages.format("cli.import.summary", report.file(), report.rows(), report.encoding(),
                report.newRows(), report.changedRows(), report.unchangedRows(), report.badRowCount()));
        for (var warning : report.warnings()) {
            out.println(line(messages, "cli.import.warning", warning));
        }
        for (var bad : report.badRows()) {
            out.println(line(messages, "cli.import.badRow", bad));
        }
        if (report.badRows().size() == ImportService.MAX_LISTED || report.warnings().size() == ImportService.MAX_LISTED) {
            out.println(messages.format("cli.import.moreIssues", ImportService.MAX_LISTED));
        }
    }

    private static String line(Messages messages, String key, ImportIssue issue) {
        return messages.format(key, String.valueOf(issue.line()), issue.column(), messages.format(issue.reason()));
    }

    /** Reads {@code trainees}, {@code mentors}, {@code departments} or {@code competencies}. */
    static final class KindConverter implements CommandLine.ITypeConverter<ImportKind> {
        @Override
        public ImportKind convert(String value) {
            try {
                return ImportKind.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected trainees, mentors, departments or competencies, not "
                        + value);
            }
        }
    }
}
