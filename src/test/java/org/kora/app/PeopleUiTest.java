package org.kora.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kora.app.UiSteps.enterCredentials;
import static org.kora.app.UiSteps.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kora.service.TraineeRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The People screen as an HR planner uses it: find a trainee, change the title, save, undo. */
@ExtendWith(ApplicationExtension.class)
class PeopleUiTest {
    private static final String NEW_TITLE = "Chief nurse";

    @TempDir
    static Path dataFolder;

    @Start
    void start(Stage stage) {
        UiSteps.startKora(dataFolder, stage);
    }

    @Test
    void hrFindsATraineeChangesTheTitleAndUndoesIt(FxRobot robot) throws TimeoutException {
        robot.clickOn("#openDemo");
        enterCredentials(robot, "hr", "demo");
        waitFor(robot, "#traineeTable");
        TableView<TraineeRow> table = robot.lookup("#traineeTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() > 30);

        var wanted = table.getItems().get(3).trainee();
        var oldTitle = wanted.title();
        robot.clickOn("#traineeSearch").write(wanted.staffNo());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> table.getItems().stream().allMatch(row -> row.trainee().staffNo().equals(wanted.staffNo())));
        robot.clickOn(robot.lookup(".table-row-cell").match((TableRow<?> row) -> row.getItem() instanceof TraineeRow item
                && item.trainee().id() == wanted.id()).<TableRow<?>>query());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#traineeName").queryAs(TextField.class).getText().equals(wanted.name()));

        robot.clickOn("#traineeTitle").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(NEW_TITLE).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> titleInTable(table, wanted.id()).equals(NEW_TITLE));
        // the user sees it in the table, not only in the form
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".table-cell")
                .match(cell -> NEW_TITLE.equals(((Labeled) cell).getText())).tryQuery().isPresent());

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> titleInTable(table, wanted.id()).equals(oldTitle));
        assertThat(robot.lookup("#traineeTitle").queryAs(TextField.class).getText()).isEqualTo(oldTitle);
        assertThat(robot.lookup("#peopleStatus").queryLabeled().getText()).isEqualTo("The last save was undone.");
    }

    private static String titleInTable(TableView<TraineeRow> table, long id) {
        return table.getItems().stream().filter(row -> row.trainee().id() == id).map(row -> row.trainee().title())
                .findFirst().orElse("");
    }
}
