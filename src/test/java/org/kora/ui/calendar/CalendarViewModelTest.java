package org.kora.ui.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.CalendarEntry;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.report.CalendarGrouping;
import org.kora.report.PageItem;
import org.kora.report.Paper;
import org.kora.report.PrintDocument;
import org.kora.service.Services;
import org.kora.store.AuditDao;
import org.kora.store.AuditEntry;
import org.kora.ui.PrintResources;
import org.kora.ui.SameThreadTaskExecutor;
import org.kora.ui.TestWorkspace;
import org.kora.ui.calendar.CalendarViewModel.IcsScope;
import org.kora.ui.calendar.CalendarViewModel.PrintKind;
import org.kora.ui.calendar.CalendarViewModel.Line;

class CalendarViewModelTest {
    @TempDir
    Path folder;

    private final PrintResources prints = new PrintResources();
    private TestWorkspace workspace;
    private Services services;

    @BeforeEach
    void openTheDemo() {
        workspace = new TestWorkspace(folder);
        services = workspace.create(workspace.demoDatabase());
        services.demo().populate();
    }

    @AfterEach
    void tearDown() {
        workspace.close();
        prints.close();
    }

    private CalendarViewModel open(String user) {
        var session = services.auth().signIn(user, "demo".toCharArray());
        var viewModel = new CalendarViewModel(services.calendar(), services.signOffs(), services.audit(), session,
                new SameThreadTaskExecutor(), new Messages(Language.EN), prints);
        viewModel.load();
        return viewModel;
    }

    private static CalendarEntry firstMovable(CalendarViewModel viewModel) {
        return viewModel.linesProperty().get().stream().map(Line::entry)
                .filter(entry -> entry != null && viewModel.moveRefusal(entry) == null).findFirst().orElseThrow();
    }

    private static CalendarEntry shown(CalendarViewModel viewModel, long rotationId) {
        return viewModel.shownEntries().stream().filter(entry -> entry.rotationId() == rotationId).findFirst().orElseThrow();
    }

    @Test
    void linesAreGroupedByCohortOrDepartmentAndFilteredToOneDepartmentWithItsAwayList() {
        var viewModel = open("manager");
        var lines = viewModel.linesProperty().get();
        assertThat(lines.get(0).isHeading()).isTrue();
        assertThat(lines.stream().filter(line -> !line.isHeading()).map(line -> line.entry().cohortName()).distinct())
                .hasSameSizeAs(lines.stream().filter(Line::isHeading).toList());

        viewModel.groupingProperty().set(CalendarGrouping.HOME_DEPARTMENT);
        assertThat(viewModel.away()).isEmpty();
        viewModel.awayShownProperty().set(true);
        var department = viewModel.departments().get(1);
        viewModel.departmentProperty().set(department);

        var entries = viewModel.linesProperty().get().stream().filter(line -> !line.isHeading()).map(Line::entry).toList();
        assertThat(entries).isNotEmpty().allMatch(entry -> entry.homeDepartmentId() == department.id());
        assertThat(viewModel.linesProperty().get().stream().filter(Line::isHeading)).hasSize(1);
        assertThat(viewModel.away()).isNotEmpty().allMatch(line -> line.departmentId() == department.id());
    }

    @Test
    void aManagerTriesAMoveSeesItsConflictUndoesAndRedoesItButCannotSaveIt() {
        var viewModel = open("manager");
        assertThat(viewModel.maySave()).isFalse();
        var entry = firstMovable(viewModel);
        viewModel.select(entry);

        var moved = viewModel.dragTo(entry, entry.offSite().from().plusMonths(24).plusDays(9));
        viewModel.drop(entry);

        assertThat(moved.offSite().from()).isEqualTo(entry.offSite().from().plusMonths(24));
        assertThat(shown(viewModel, entry.rotationId()).onSite().to()).isEqualTo(moved.onSite().to());
        assertThat(shown(viewModel, entry.rotationId()).inConflict()).isTrue();
        assertThat(viewModel.selectedTextProperty().get()).contains("⚠");
        assertThat(viewModel.dirtyProperty().get()).isTrue();
        assertThat(viewModel.movesTextProperty().get()).contains("only planners save moves");

        viewModel.undo();
        assertThat(shown(viewModel, entry.rotationId()).offSite()).isEqualTo(entry.offSite());
        assertThat(shown(viewModel, entry.rotationId()).inConflict()).isFalse();
        assertThat(viewModel.dirtyProperty().get()).isFalse();
        viewModel.redo();
        assertThat(shown(viewModel, entry.rotationId()).offSite().from()).isEqualTo(moved.offSite().from());

        viewModel.save();
        assertThat(viewModel.work().errorProperty().get()).isNotEmpty();
        assertThat(shown(open("manager"), entry.rotationId()).offSite()).isEqualTo(entry.offSite());
    }

    @Test
    void aStartedRotationCannotBeMovedAndSaysWhy() {
        var viewModel = open("hr");
        var started = viewModel.shownEntries().stream()
                .filter(entry -> entry.planned() && !entry.offSite().from().isAfter(viewModel.today())).findFirst().orElseThrow();
        assertThat(viewModel.moveRefusal(started)).contains(started.traineeName());
    }

    @Test
    void aPlannerSavesMovesAndTheCalendarIsReadAnew() {
        var viewModel = open("hr");
        var entry = firstMovable(viewModel);
        viewModel.select(entry);
        viewModel.nudge(1);
        assertThat(viewModel.dirtyProperty().get()).isTrue();

        viewModel.save();

        assertThat(viewModel.dirtyProperty().get()).isFalse();
        assertThat(viewModel.work().statusProperty().get()).isEqualTo("The moves are saved.");
        assertThat(shown(open("manager"), entry.rotationId()).offSite().from()).isEqualTo(entry.offSite().from().plusMonths(1));
    }

    @Test
    void findingATraineeInTibetanScriptSelectsTheirLine() {
        var viewModel = open("manager");
        var tibetan = viewModel.shownEntries().stream().filter(entry -> entry.traineeName().codePoints()
                .anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.TIBETAN)).findFirst().orElseThrow();
        viewModel.findProperty().set(tibetan.traineeName());

        var index = viewModel.findNext();

        assertThat(index).isNotNegative();
        assertThat(viewModel.linesProperty().get().get(index).entry().rotationId()).isEqualTo(tibetan.rotationId());
        assertThat(viewModel.selectedProperty().get().rotationId()).isEqualTo(tibetan.rotationId());
    }

    private static String text(PrintDocument document) {
        return document.pages().stream().flatMap(page -> page.items().stream())
                .filter(item -> item instanceof PageItem.TextRun).map(item -> ((PageItem.TextRun) item).text())
                .collect(Collectors.joining(" "));
    }

    @Test
    void theCalendarTheAwayListAndARecordAreLaidOutAndSavedAsPdf() throws Exception {
        var viewModel = open("manager");
        viewModel.layOut();
        var calendar = viewModel.documentProperty().get();
        assertThat(calendar.pages()).isNotEmpty();
        assertThat(text(calendar)).contains("Rotation calendar").contains(viewModel.shownEntries().get(0).traineeName());

        viewModel.printKindProperty().set(PrintKind.RECORD);
        viewModel.layOut();
        assertThat(viewModel.work().statusProperty().get()).isEqualTo("Choose a trainee on the calendar first.");

        var trainee = viewModel.shownEntries().get(0);
        viewModel.select(trainee);
        viewModel.layOut();
        assertThat(text(viewModel.documentProperty().get())).contains("Trainee record: " + trainee.traineeName());

        var year = viewModel.today().getYear();
        viewModel.printKindProperty().set(PrintKind.CALENDAR);
        viewModel.printYearProperty().set(year);
        viewModel.layOut();
        assertThat(text(viewModel.documentProperty().get())).contains("Rotation calendar " + year + "-01 – " + year + "-12");

        viewModel.printKindProperty().set(PrintKind.AWAY_LIST);
        viewModel.paperProperty().set(Paper.A3_PORTRAIT);
        viewModel.layOut();
        assertThat(viewModel.documentProperty().get().paper()).isEqualTo(Paper.A3_PORTRAIT);
        var pdf = folder.resolve("away.pdf");
        viewModel.savePdf(pdf);
        assertThat(Files.readString(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF");
        assertThat(viewModel.work().statusProperty().get()).isEqualTo("Saved " + pdf + ".");
    }

    @Test
    void theShownRotationsAreExportedToExcelAndTheSelectedTraineeToIcalendar() {
        var viewModel = open("mentor");
        var xlsx = folder.resolve("calendar.xlsx");
        viewModel.exportXlsx(xlsx);
        assertThat(xlsx).isNotEmptyFile();

        assertThat(viewModel.canExport(IcsScope.TRAINEE)).isFalse();
        var trainee = viewModel.shownEntries().stream().filter(CalendarEntry::planned).findFirst().orElseThrow();
        viewModel.select(trainee);
        var ics = folder.resolve("trainee.ics");
        viewModel.exportIcs(IcsScope.TRAINEE, ics);
        assertThat(ics).content(StandardCharsets.UTF_8).contains("BEGIN:VEVENT").contains("@kora");
    }

    private List<AuditEntry> audit() {
        return services.store().inTransaction(tx -> tx.dao(AuditDao.class).list());
    }

    @Test
    void everyExportIsAuditedWithTheFile() {
        var viewModel = open("manager");
        var xlsx = folder.resolve("calendar.xlsx");
        viewModel.exportXlsx(xlsx);
        var ics = folder.resolve("shown.ics");
        viewModel.exportIcs(IcsScope.SHOWN, ics);
        viewModel.layOut();
        var pdf = folder.resolve("calendar.pdf");
        viewModel.savePdf(pdf);

        assertThat(audit()).filteredOn(entry -> entry.action().equals("EXPORTED"))
                .extracting(AuditEntry::username, AuditEntry::detail).containsExactly(
                        tuple("manager", "what=calendar-xlsx file=" + xlsx.toAbsolutePath()),
                        tuple("manager", "what=calendar-ics-shown file=" + ics.toAbsolutePath()),
                        tuple("manager", "what=calendar-pdf file=" + pdf.toAbsolutePath()));
    }

    @Test
    void aPrintIsAuditedWithItsPages() {
        var viewModel = open("manager");
        viewModel.printed(3);
        assertThat(audit()).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("PRINTED");
            assertThat(entry.detail()).isEqualTo("what=calendar pages=3");
        });
        assertThat(viewModel.work().statusProperty().get()).contains("3");
    }
}
