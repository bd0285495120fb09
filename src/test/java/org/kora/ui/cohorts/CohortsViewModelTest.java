package org.kora.ui.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Cohort;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.service.Services;
import org.kora.ui.SameThreadTaskExecutor;
import org.kora.ui.TestWorkspace;
import org.kora.ui.cohorts.CohortsViewModel.Row;

class CohortsViewModelTest {
    @TempDir
    Path folder;

    private TestWorkspace workspace;
    private Services services;
    private CohortsViewModel viewModel;

    @BeforeEach
    void openDemoAsHr() {
        workspace = new TestWorkspace(folder);
        services = workspace.create(workspace.demoDatabase());
        services.demo().populate();
        var session = services.auth().signIn("hr", "demo".toCharArray());
        viewModel = new CohortsViewModel(services.cohorts(), services.people(), session, new SameThreadTaskExecutor(),
                new Messages(Language.EN));
        viewModel.load();
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    private Row row(String trainee) {
        return viewModel.rows().stream().filter(r -> r.trainee().equals(trainee)).findFirst().orElseThrow();
    }

    @Test
    void theNewestCohortIsShownWithItsTraineesWaitingToBePlanned() {
        var names = viewModel.cohorts().stream().map(Cohort::name).toList();
        assertThat(viewModel.selectedProperty().get().name()).isEqualTo(names.get(names.size() - 1));
        assertThat(viewModel.rows()).isNotEmpty()
                .allSatisfy(row -> assertThat(row.status()).isEqualTo("Not planned"))
                .allSatisfy(row -> assertThat(row.offSite()).isEmpty());
        assertThat(viewModel.summaryProperty().get())
                .isEqualTo(viewModel.rows().size() + " trainees: 0 planned, " + viewModel.rows().size()
                        + " not planned; 0 conflicts");
        assertThat(viewModel.templateProperty().get()).startsWith("3 months off site, 3 months on site");
        assertThat(viewModel.problems()).isEmpty();
    }

    @Test
    void planApplyAndUndo() {
        var count = viewModel.rows().size();

        viewModel.planAfresh();

        assertThat(viewModel.previewShownProperty().get()).isTrue();
        assertThat(viewModel.progress().runningProperty().get()).isFalse();
        assertThat(viewModel.rows()).hasSize(count)
                .allSatisfy(row -> assertThat(row.status()).isEqualTo("New"))
                .allSatisfy(row -> assertThat(row.offSite()).matches("\\d{4}-\\d\\d-01 – \\d{4}-\\d\\d-\\d\\d"))
                .allSatisfy(row -> assertThat(row.changed()).isTrue());
        assertThat(viewModel.summaryProperty().get()).startsWith(count + " new · 0 moved");

        viewModel.applyPreview();

        assertThat(viewModel.previewShownProperty().get()).isFalse();
        assertThat(viewModel.rows()).allSatisfy(row -> assertThat(row.status()).isEqualTo("Planned"));
        assertThat(viewModel.work().statusProperty().get()).isEqualTo("The plan is saved.");
        assertThat(viewModel.undoableProperty().get()).isTrue();
        assertThat(viewModel.undoTextProperty().get()).contains(viewModel.selectedProperty().get().name());

        viewModel.undoApply();

        assertThat(viewModel.undoableProperty().get()).isFalse();
        assertThat(viewModel.rows()).allSatisfy(row -> assertThat(row.status()).isEqualTo("Not planned"));
    }

    @Test
    void discardingAPreviewShowsTheCohortAsSaved() {
        viewModel.rePlan();
        assertThat(viewModel.previewShownProperty().get()).isTrue();

        viewModel.discardPreview();

        assertThat(viewModel.previewShownProperty().get()).isFalse();
        assertThat(viewModel.rows()).allSatisfy(row -> assertThat(row.status()).isEqualTo("Not planned"));
    }

    @Test
    void aNewCohortNeedsANameAndIsSelectedOnceCreated() {
        viewModel.createCohort();
        assertThat(viewModel.newCohortErrorProperty().get()).isEqualTo("A cohort needs a name.");

        viewModel.newNameProperty().set("2030年试点批");
        viewModel.travelDaysProperty().set(3);
        viewModel.createCohort();

        assertThat(viewModel.newCohortErrorProperty().get()).isEmpty();
        assertThat(viewModel.selectedProperty().get().name()).isEqualTo("2030年试点批");
        assertThat(viewModel.selectedProperty().get().travelDays()).isEqualTo(3);
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.newNameProperty().get()).isEmpty();

        viewModel.newNameProperty().set("2030年试点批");
        viewModel.createCohort();
        assertThat(viewModel.newCohortErrorProperty().get()).isEqualTo("There is a cohort named 2030年试点批 already.");
    }

    @Test
    void aTraineeIsAddedWithAPartnerDepartmentAndTakenOutAgain() {
        viewModel.newNameProperty().set("Pilot");
        viewModel.createCohort();
        viewModel.addTrainee();
        assertThat(viewModel.addErrorProperty().get()).isEqualTo("Choose a trainee and a partner department.");

        var trainee = viewModel.traineeChoices().get(0);
        viewModel.traineeProperty().set(trainee);
        viewModel.partnerProperty().set(viewModel.partnerChoices().get(0));
        viewModel.earliestStartProperty().set(LocalDate.now().plusYears(1));
        viewModel.latestEndProperty().set(LocalDate.now());
        viewModel.addTrainee();
        assertThat(viewModel.addErrorProperty().get()).isEqualTo("The latest end is before the earliest start.");

        viewModel.latestEndProperty().set(null);
        viewModel.addTrainee();

        assertThat(viewModel.addErrorProperty().get()).isEmpty();
        assertThat(viewModel.rows()).singleElement().satisfies(row -> {
            assertThat(trainee.label()).startsWith(row.trainee());
            assertThat(row.partner()).isEqualTo(viewModel.partnerChoices().get(0).label());
            assertThat(row.status()).isEqualTo("Not planned");
        });
        assertThat(viewModel.removeQuestion(viewModel.rows().get(0))).contains("Pilot");

        viewModel.remove(viewModel.rows().get(0));

        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.work().statusProperty().get()).isEqualTo("The trainee is taken out of the cohort.");
    }

    @Test
    void theChosenTraineesLeaveIsListedAddedAndRemoved() {
        assertThat(viewModel.leaveEditableProperty().get()).isFalse();
        var first = viewModel.rows().get(0);
        viewModel.chosenRowProperty().set(first);
        assertThat(viewModel.leaveTitleProperty().get()).isEqualTo("Leave of " + first.trainee());
        var before = viewModel.leave().size();

        viewModel.leaveFromProperty().set(LocalDate.of(2028, 3, 10));
        viewModel.leaveToProperty().set(LocalDate.of(2028, 3, 1));
        viewModel.addLeave();
        assertThat(viewModel.leaveErrorProperty().get()).isEqualTo("The last day is before the first.");

        viewModel.leaveToProperty().set(LocalDate.of(2028, 3, 20));
        viewModel.leaveReasonProperty().set("婚假");
        viewModel.addLeave();

        assertThat(viewModel.leaveErrorProperty().get()).isEmpty();
        assertThat(viewModel.leave()).hasSize(before + 1);
        var added = viewModel.leave().stream().filter(l -> "婚假".equals(l.reason())).findFirst().orElseThrow();
        assertThat(viewModel.leaveText(added)).isEqualTo("2028-03-10 – 2028-03-20  婚假");

        viewModel.removeLeave(added);

        assertThat(viewModel.leave()).hasSize(before);
    }

    @Test
    void aConflictOfTheSavedBlocksIsExplainedAndMarked() {
        viewModel.planAfresh();
        viewModel.applyPreview();
        var planned = viewModel.rows().get(0);
        // the trainee takes leave across their off-site block: the saved plan now breaks a rule
        viewModel.chosenRowProperty().set(planned);
        var start = LocalDate.parse(planned.offSite().substring(0, 10));
        viewModel.leaveFromProperty().set(start.plusDays(5));
        viewModel.leaveToProperty().set(start.plusDays(9));
        viewModel.addLeave();

        assertThat(row(planned.trainee()).conflict()).isTrue();
        assertThat(viewModel.problems()).singleElement().asString()
                .startsWith(planned.trainee() + " is on leave from " + start.plusDays(5));
        assertThat(viewModel.problemsTitle(viewModel.problems().size())).isEqualTo("Conflicts and reasons (1)");

        viewModel.rePlan();

        assertThat(row(planned.trainee()).status()).isEqualTo("Moved (was " + start + ")");
        assertThat(viewModel.problems()).isEmpty();
        assertThat(viewModel.rows()).filteredOn(row -> !row.trainee().equals(planned.trainee()))
                .allSatisfy(row -> assertThat(row.status()).isEqualTo("Unchanged"));
    }

    @Test
    void aHandMoveIsCheckedAtOnceTakenBackAndApplied() {
        viewModel.planAfresh();
        viewModel.applyPreview();
        var planned = viewModel.rows().get(0);
        viewModel.chosenRowProperty().set(planned);
        assertThat(viewModel.movableProperty().get()).isTrue();
        assertThat(viewModel.moveTitleProperty().get()).isEqualTo("Move the rotation of " + planned.trainee());
        var start = viewModel.moveStartProperty().get();
        assertThat(start.toString()).isEqualTo(planned.offSite().substring(0, 10));
        assertThat(viewModel.moveMentorProperty().get().label()).isEqualTo(planned.mentor());

        // the 15th breaks the month-start rule: the live check says so at once
        viewModel.moveStartProperty().set(start.plusDays(14));
        viewModel.moveChosen();

        assertThat(viewModel.previewShownProperty().get()).isTrue();
        assertThat(row(planned.trainee()).conflict()).isTrue();
        assertThat(row(planned.trainee()).status()).isEqualTo("Moved (was " + start + ")");
        assertThat(viewModel.problems()).anySatisfy(problem -> assertThat(problem)
                .contains("off-site blocks start on the 1st of a month"));
        assertThat(viewModel.applyQuestion()).hasValueSatisfying(question -> assertThat(question).contains("Save it anyway?"));

        viewModel.undoMove();

        assertThat(row(planned.trainee()).status()).isEqualTo("Unchanged");
        assertThat(viewModel.problems()).isEmpty();
        assertThat(viewModel.applyQuestion()).isEmpty();
        assertThat(viewModel.moveUndoableProperty().get()).isFalse();

        viewModel.chosenRowProperty().set(row(planned.trainee()));
        viewModel.moveStartProperty().set(start.plusYears(1));
        viewModel.moveChosen();
        var moved = row(planned.trainee());
        viewModel.applyPreview();

        assertThat(viewModel.previewShownProperty().get()).isFalse();
        assertThat(row(planned.trainee()).offSite()).isEqualTo(moved.offSite()).startsWith(start.plusYears(1).toString());
    }

    @Test
    void aTraineeNotPlannedCannotBeMovedByHand() {
        viewModel.chosenRowProperty().set(viewModel.rows().get(0));

        assertThat(viewModel.movableProperty().get()).isFalse();
        assertThat(viewModel.moveTitleProperty().get()).contains("cannot be moved by hand");
        viewModel.moveChosen();
        assertThat(viewModel.previewShownProperty().get()).isFalse();
    }

    @Test
    void aConfirmedRotationCannotBeMovedByHandUntilTheConfirmationIsTakenBack() {
        viewModel.planAfresh();
        viewModel.applyPreview();
        var trainee = viewModel.rows().get(0).trainee();

        viewModel.confirm(row(trainee), true);

        assertThat(row(trainee).status()).isEqualTo("Confirmed or started");
        assertThat(row(trainee).pinned()).isTrue();
        assertThat(row(trainee).movable()).isFalse();
        assertThat(viewModel.work().statusProperty().get()).isEqualTo("Confirmed: the planner keeps this rotation as it is.");

        viewModel.confirm(row(trainee), false);

        assertThat(row(trainee).status()).isEqualTo("Planned");
        assertThat(row(trainee).movable()).isTrue();
    }

    @Test
    void severalCohortsAreShownWithTheirNamesAndPlannedTogether() {
        var last = viewModel.selectedProperty().get();
        var list = viewModel.cohorts();
        var previous = list.get(list.size() - 2);
        assertThat(viewModel.severalProperty().get()).isFalse();

        viewModel.choose(List.of(previous, last));

        assertThat(viewModel.severalProperty().get()).isTrue();
        assertThat(viewModel.chosenCohorts()).containsExactly(previous, last);
        assertThat(viewModel.rows()).extracting(Row::cohort).contains(previous.name(), last.name());
        viewModel.addTrainee();
        assertThat(viewModel.addErrorProperty().get()).isEqualTo("Choose one cohort to add trainees to.");

        viewModel.rePlan();

        assertThat(viewModel.previewShownProperty().get()).isTrue();
        assertThat(viewModel.rows()).extracting(Row::cohort).contains(previous.name(), last.name());
    }
}
