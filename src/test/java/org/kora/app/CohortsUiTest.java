package org.kora.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kora.app.UiSteps.enterCredentials;
import static org.kora.app.UiSteps.waitFor;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kora.ui.cohorts.CohortsViewModel.Row;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Cohorts screen as an HR planner uses it: create a cohort, add a trainee, plan it, see the
 * preview, apply; then record leave that breaks the plan, see the conflict explained, re-plan and apply.
 */
@ExtendWith(ApplicationExtension.class)
class CohortsUiTest {
    @TempDir
    static Path dataFolder;

    @Start
    void start(Stage stage) {
        UiSteps.startKora(dataFolder, stage);
    }

    @Test
    void hrCreatesACohortAddsATraineePlansAppliesAndRepairsAConflict(FxRobot robot) throws TimeoutException {
        robot.clickOn("#openDemo");
        enterCredentials(robot, "hr", "demo");
        waitFor(robot, "#navCohorts");
        robot.clickOn("#navCohorts");
        waitFor(robot, "#rotationTable");
        TableView<Row> table = robot.lookup("#rotationTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());

        // Ctrl+N opens the new-cohort form; Enter in the name creates it
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("Pilot cohort").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().isEmpty()
                && robot.lookup("#cohortsStatus").queryLabeled().getText().equals("The cohort is created."));

        robot.clickOn("Add or remove trainees");
        choose(robot, "#addTrainee");
        choose(robot, "#addPartner");
        robot.clickOn("#addRotation");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).status()).isEqualTo("Not planned");

        robot.clickOn("#planAfresh");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#previewBar").query().isVisible());
        assertThat(table.getItems()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("New");
            assertThat(row.mentor()).isNotEmpty();
        });
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#cohortsStatus").queryLabeled().getText().equals("The plan is saved."));
        var planned = table.getItems().get(0);
        assertThat(planned.status()).isEqualTo("Planned");
        assertThat(robot.lookup("#previewBar").query().isVisible()).isFalse();

        // leave in the middle of the off-site block breaks the saved plan
        robot.clickOn(planned.trainee());
        robot.clickOn("Leave");
        var start = LocalDate.parse(planned.offSite().substring(0, 10));
        robot.clickOn("#leaveFrom").write(start.plusDays(10).toString()).type(KeyCode.ENTER);
        robot.clickOn("#leaveTo").write(start.plusDays(20).toString()).type(KeyCode.ENTER);
        robot.clickOn("#leaveReason").write("Family").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1 && table.getItems().get(0).conflict());
        robot.clickOn("Conflicts and reasons (1)");
        ListView<String> problems = robot.lookup("#problemList").queryListView();
        assertThat(problems.getItems()).singleElement().asString()
                .startsWith(planned.trainee() + " is on leave from " + start.plusDays(10));

        robot.clickOn("#rePlan");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#previewBar").query().isVisible());
        assertThat(table.getItems().get(0).status()).matches("Moved \\(was .*\\)|Not placed");
        robot.clickOn("#applyPreview");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#cohortsStatus").queryLabeled().getText().equals("The plan is saved."));
        assertThat(problems.getItems()).isEmpty();
        assertThat(table.getItems().get(0).conflict()).isFalse();
    }

    /** Opens a choice box and takes its first item with the keyboard. */
    private static void choose(FxRobot robot, String query) {
        ComboBox<?> box = robot.lookup(query).queryComboBox();
        robot.clickOn(box);
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.getValue()).isNotNull();
    }
}
