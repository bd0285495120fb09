package org.kora.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kora.app.UiSteps.enterCredentials;
import static org.kora.app.UiSteps.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.CompetencyProgress;
import org.kora.domain.SignOffLine;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A mentor's day: sign a competency off with the password, correct the entry, see the progress follow. */
@ExtendWith(ApplicationExtension.class)
class SignOffsUiTest {
    @TempDir
    static Path dataFolder;

    @Start
    void start(Stage stage) {
        UiSteps.startKora(dataFolder, stage);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMentorSignsOffAmendsTheEntryAndSeesTheProgressChange(FxRobot robot) throws TimeoutException {
        robot.clickOn("#openDemo");
        enterCredentials(robot, "mentor", "demo");
        waitFor(robot, "#signOffsRoot");
        var entries = robot.lookup("#entryTable").queryAs(TableView.class);
        var progress = robot.lookup("#progressTable").queryAs(TableView.class);
        var status = robot.lookup("#status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !progress.getItems().isEmpty()
                && !robot.lookup("#busy").query().isVisible());
        var before = entries.getItems().size();
        var done = ((CompetencyProgress) progress.getItems().get(0)).done();

        robot.clickOn("#passwordField").write("demo").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().startsWith("Saved: sign-off no."));
        assertThat(entries.getItems()).hasSize(before + 1);
        assertThat(((CompetencyProgress) progress.getItems().get(0)).done()).isEqualTo(done + 1);

        robot.interact(() -> entries.getSelectionModel().select(0));
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitFor(robot, "#reasonField");
        robot.clickOn("#reasonField").write("wrong competency");
        robot.clickOn("#countField").eraseText(1).write("3").type(KeyCode.TAB);
        robot.clickOn("#passwordField").write("demo").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().startsWith("Saved: correction no."));

        assertThat(entries.getItems()).hasSize(before + 2);
        var correction = (SignOffLine) entries.getItems().get(0);
        var original = (SignOffLine) entries.getItems().get(1);
        assertThat(correction.entry().amendsId()).isEqualTo(original.entry().id());
        assertThat(original.amended()).isTrue();
        assertThat(robot.lookup(".signoff-table .table-row-cell:amended").tryQuery()).isPresent();
        assertThat(((CompetencyProgress) progress.getItems().get(0)).done()).isEqualTo(done + 3);
    }
}
