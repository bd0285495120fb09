package org.kora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.app.ServiceFactory;
import org.kora.store.AuditDao;
import org.kora.store.AuditEntry;
import org.kora.store.DatabaseFile;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;

class ExportCommandTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 23).atTime(9, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ServiceFactory factory = new ServiceFactory(CLOCK);
    private final Map<String, String> environment = new HashMap<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path database;

    @BeforeEach
    void createTheDemo() {
        database = dir.resolve("kora");
        try (var services = factory.create(DatabaseFile.of(database))) {
            services.demo().populate();
        }
        environment.put("KORA_PASSWORD", "demo");
    }

    private int kora(String... args) {
        var commandLine = KoraCommand.commandLine(new FileBackend(factory, database, environment), "test");
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void aManagerExportsTheYearAsPdfWithChineseNamesAndPageNumbers() throws Exception {
        var pdf = dir.resolve("calendar.pdf");
        assertThat(kora("export", "calendar", "--user", "manager", "--from", "2026-01", "--to", "2026-12", "--pdf",
                pdf.toString())).isEqualTo(0);
        assertThat(out.toString()).startsWith("Exported ");
        try (var document = Loader.loadPDF(pdf.toFile())) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Rotation calendar 2026-01 – 2026-12").contains("2026年第1批")
                    .contains("Page 1 of " + document.getNumberOfPages());
        }
    }

    @Test
    void oneDepartmentAsIcalendarParsesAndHoldsOnlyItsTrainees() throws Exception {
        var ics = dir.resolve("anaesthesia.ics");
        assertThat(kora("export", "calendar", "--user", "hr", "--department", "麻醉科", "--ics", ics.toString())).isEqualTo(0);
        try (var in = Files.newInputStream(ics)) {
            var calendar = new CalendarBuilder().build(in);
            assertThat(calendar.<VEvent>getComponents("VEVENT")).isNotEmpty();
        }
    }

    @Test
    void anExcelWorkbookIsWrittenForOneCohort() {
        var xlsx = dir.resolve("cohort.xlsx");
        assertThat(kora("export", "calendar", "--user", "manager", "--cohort", "2026年第1批", "--xlsx", xlsx.toString()))
                .isEqualTo(0);
        assertThat(xlsx).isNotEmptyFile();
    }

    private List<AuditEntry> audit() {
        try (var services = factory.open(DatabaseFile.of(database))) {
            return services.store().inTransaction(tx -> tx.dao(AuditDao.class).list());
        }
    }

    @Test
    void theExportIsAuditedWithWhoWhatAndWhichFile() {
        var xlsx = dir.resolve("cohort.xlsx");
        kora("export", "calendar", "--user", "manager", "--cohort", "2026年第1批", "--xlsx", xlsx.toString());
        assertThat(audit()).last().satisfies(entry -> {
            assertThat(entry.username()).isEqualTo("manager");
            assertThat(entry.action()).isEqualTo("EXPORTED");
            assertThat(entry.detail()).isEqualTo("what=calendar-xlsx command-line file=" + xlsx.toAbsolutePath());
        });
    }

    @Test
    void theCommandLineObeysTheLockout() {
        environment.put("KORA_PASSWORD", "wrong");
        var file = dir.resolve("locked.xlsx");
        for (var i = 0; i < 2; i++) {
            assertThat(kora("export", "calendar", "--user", "manager", "--xlsx", file.toString())).isEqualTo(1);
        }
        assertThat(kora("export", "calendar", "--user", "manager", "--xlsx", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Wrong user name or password. Try again in 30 seconds.");
        environment.put("KORA_PASSWORD", "demo");
        assertThat(kora("export", "calendar", "--user", "manager", "--xlsx", file.toString())).isEqualTo(1);
        assertThat(err.toString()).containsPattern("Too many wrong passwords\\. Try again in \\d+ seconds\\.");
        assertThat(file).doesNotExist();
    }

    @Test
    void anUnknownCohortOrDepartmentIsRefusedAndNothingIsWritten() {
        var file = dir.resolve("none.xlsx");
        assertThat(kora("export", "calendar", "--user", "manager", "--department", "Nope", "--xlsx", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("There is no home department named Nope");
        assertThat(kora("export", "calendar", "--user", "manager", "--cohort", "Nope", "--xlsx", file.toString())).isEqualTo(1);
        assertThat(file).doesNotExist();
    }

    @Test
    void badMonthsAndTwoFormatsAreUsageErrors() {
        assertThat(kora("export", "calendar", "--user", "manager", "--from", "2027-13", "--pdf", "x.pdf")).isEqualTo(2);
        assertThat(kora("export", "calendar", "--user", "manager", "--from", "2027-05", "--to", "2027-01", "--pdf", "x.pdf"))
                .isEqualTo(2);
        assertThat(kora("export", "calendar", "--user", "manager", "--pdf", "x.pdf", "--ics", "x.ics")).isEqualTo(2);
        assertThat(kora("export", "rotas", "--user", "manager", "--pdf", "x.pdf")).isEqualTo(2);
    }
}
