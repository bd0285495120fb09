package org.kora.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kora.app.UiSteps.enterCredentials;
import static org.kora.app.UiSteps.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The rotation calendar as a manager uses it: find a trainee, move their rotation, see the result, undo it. */
@ExtendWith(ApplicationExtension.class)
class CalendarUiTest {
    @TempDir
    static Path dataFolder;

    @Start
    void start(Stage stage) {
        UiSteps.startKora(dataFolder, stage);
    }

    @Test
    void aManagerFindsATraineeMovesTheRotationWithTheKeyboardAndUndoesIt(FxRobot robot) throws TimeoutException {
        robot.clickOn("#openDemo");
        enterCredentials(robot, "manager", "demo");
        waitFor(robot, "#navCalendar");
        robot.clickOn("#navCalendar");
        waitFor(robot, ".calendar-canvas");
        var moves = robot.lookup("#movesLabel").queryAs(Label.class);
        var selected = robot.lookup("#selectedLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !robot.lookup("#calendarBusy").query().isVisible() && robot.lookup("#saveButton").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        var find = robot.lookup("#findField").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, find::isFocused);
        robot.interact(() -> find.setText("何婷")); // the robot types only what a keyboard has keys for
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> selected.getText().startsWith("何婷"));
        var before = selected.getText();

        robot.press(KeyCode.CONTROL, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> moves.getText().startsWith("1 move tried on the screen"));
        assertThat(selected.getText()).isNotEqualTo(before);
        assertThat(robot.lookup("#saveButton").query().isVisible()).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> moves.getText().isEmpty());
        assertThat(selected.getText()).isEqualTo(before);
    }
}
