package org.kora.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.kora.domain.CalendarEntry;
import org.kora.domain.CalendarFilter;
import org.kora.domain.Department;
import org.kora.domain.Messages;
import org.kora.service.CalendarData;
import org.kora.service.InvalidInputException;
import org.kora.report.BlockSelection;
import org.kora.report.CalendarGrouping;
import org.kora.report.CalendarOptions;
import org.kora.report.FontFiles;
import org.kora.report.IcsCalendarExport;
import org.kora.report.PageSetup;
import org.kora.report.Paper;
import org.kora.report.PdfPainter;
import org.kora.report.PrintFonts;
import org.kora.report.RotationCalendarLayout;
import org.kora.report.XlsxCalendarExport;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kora export calendar [--cohort C] [--department D] [--from YYYY-MM --to YYYY-MM]
 * --pdf|--ics|--xlsx FILE --user NAME}: the rotation calendar of the rotations that pass the
 * filter, as a PDF print (A4 landscape), an iCalendar file or an Excel workbook. Without months,
 * the months of the rotations chosen. Exit 0 done; 1 refused (unknown cohort or department,
 * nothing to export, a file that cannot be written, wrong password, not allowed); 2 usage.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports the rotation calendar as PDF, iCalendar (.ics) or Excel (.xlsx).")
final class ExportCommand implements Callable<Integer> {
    private final KoraCommand root;
    private final Backend backend;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "calendar", description = "What to export: calendar.")
    String what;

    @Option(names = "--cohort", paramLabel = "C", description = "Only this cohort (its name).")
    String cohort;

    @Option(names = "--department", paramLabel = "D",
            description = "Only trainees of this home department: its name, or \"name (hospital)\".")
    String department;

    @Option(names = "--from", paramLabel = "YYYY-MM", converter = MonthConverter.class,
            description = "The first month.")
    YearMonth from;

    @Option(names = "--to", paramLabel = "YYYY-MM", converter = MonthConverter.class, description = "The last month.")
    YearMonth to;

    @Option(names = "--by", paramLabel = "cohort|department", converter = GroupingConverter.class,
            defaultValue = "cohort", description = "Group the rows by cohort (default) or by home department.")
    CalendarGrouping grouping;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--user", paramLabel = "NAME", required = true,
            description = "The account to export as (password from KORA_PASSWORD, else asked).")
    String user;

    /** Exactly one of the three files. */
    static final class Target {
        @Option(names = "--pdf", paramLabel = "FILE", required = true, description = "Write a PDF print.")
        Path pdf;

        @Option(names = "--ics", paramLabel = "FILE", required = true, description = "Write an iCalendar file.")
        Path ics;

        @Option(names = "--xlsx", paramLabel = "FILE", required = true, description = "Write an Excel workbook.")
        Path xlsx;
    }

    ExportCommand(KoraCommand root, Backend backend, Clock clock) {
        this.root = root;
        this.backend = backend;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        var messages = root.messages();
        if (!"calendar".equals(what)) {
            throw new CommandLine.ParameterException(spec.commandLine(), messages.format("cli.export.what", what));
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new CommandLine.ParameterException(spec.commandLine(), messages.format("cli.export.months", from, to));
        }
        var out = spec.commandLine().getOut();
        return Credentials.signedIn(root, backend, spec, user, (services, session) -> {
            var data = services.calendar().load(session);
            var filter = new CalendarFilter(departments(data), cohortId(data), from, to, "");
            var entries = data.entries().stream().filter(filter::test).toList();
            var planned = entries.stream().filter(CalendarEntry::planned).toList();
            if (planned.isEmpty()) {
                throw new InvalidInputException("cli.export.nothing");
            }
            var first = from != null ? from : planned.stream().map(entry -> YearMonth.from(entry.offSite().from()))
                    .min(Comparator.naturalOrder()).orElseThrow();
            var last = to != null ? to : planned.stream().map(entry -> YearMonth.from(entry.onSite().to()))
                    .max(Comparator.naturalOrder()).orElseThrow();
            Path file;
            String kind;
            if (target.xlsx != null) {
                file = target.xlsx;
                kind = "calendar-xlsx";
                new XlsxCalendarExport(messages).write(entries, grouping, first, last, file);
            } else if (target.ics != null) {
                file = target.ics;
                kind = "calendar-ics";
                new IcsCalendarExport(messages, data.databaseId(), clock).write(planned, BlockSelection.all(), file);
            } else {
                file = target.pdf;
                kind = "calendar-pdf";
                writePdf(messages, entries, first, last, file);
            }
            services.audit().recordExport(session, kind + " command-line", file);
            out.println(messages.format("cli.export.done", entries.size(), file.toAbsolutePath()));
            return 0;
        });
    }

    private void writePdf(Messages messages, List<CalendarEntry> entries, YearMonth first, YearMonth last, Path file) {
        try (var fonts = PrintFonts.load(FontFiles.find())) {
            var title = messages.format("print.calendar.title", first.toString(), last.toString());
            var document = new RotationCalendarLayout(messages, fonts.measure()).layout(entries,
                    new CalendarOptions(new PageSetup(title, Paper.A4_LANDSCAPE, LocalDate.now(clock)), grouping, first, last));
            new PdfPainter(fonts).write(document, file);
        }
    }

    private Long cohortId(CalendarData data) {
        if (cohort == null) {
            return null;
        }
        return data.cohorts().stream().filter(item -> item.name().equals(cohort.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("cohort.notFound", cohort)).id();
    }

    private Set<Long> departments(CalendarData data) {
        if (department == null) {
            return null;
        }
        var wanted = department.strip();
        var found = data.homeDepartments().stream()
                .filter(item -> item.name().equals(wanted) || data.departmentLabel(item).equals(wanted))
                .map(Department::id).collect(Collectors.toSet());
        if (found.isEmpty()) {
            throw new InvalidInputException("cli.export.noDepartment", department);
        }
        return found;
    }

    /** Reads {@code YYYY-MM}. */
    static final class MonthConverter implements CommandLine.ITypeConverter<YearMonth> {
        @Override
        public YearMonth convert(String value) {
            try {
                return YearMonth.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("expected a month as YYYY-MM, such as 2027-03, not " + value);
            }
        }
    }

    /** Reads {@code cohort} or {@code department}. */
    static final class GroupingConverter implements CommandLine.ITypeConverter<CalendarGrouping> {
        @Override
        public CalendarGrouping convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "cohort" -> CalendarGrouping.COHORT;
                case "department" -> CalendarGrouping.HOME_DEPARTMENT;
                default -> throw new CommandLine.TypeConversionException("expected cohort or department, not " + value);
            };
        }
    }
}
