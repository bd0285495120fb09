package org.kora.ui.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.CalendarEntry;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.service.Services;
import org.kora.ui.SameThreadTaskExecutor;
import org.kora.ui.TestWorkspace;
import org.kora.ui.calendar.CalendarViewModel.Grouping;
import org.kora.ui.calendar.CalendarViewModel.Line;

class CalendarViewModelTest {
    @TempDir
    Path folder;

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
    }

    private CalendarViewModel open(String user) {
        var session = services.auth().signIn(user, "demo".toCharArray());
        var viewModel = new CalendarViewModel(services.calendar(), session, new SameThreadTaskExecutor(), new Messages(Language.EN));
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

        viewModel.groupingProperty().set(Grouping.DEPARTMENT);
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
}
