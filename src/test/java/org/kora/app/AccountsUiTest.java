package org.kora.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kora.app.UiSteps.enterCredentials;
import static org.kora.app.UiSteps.waitFor;
import static org.kora.app.UiSteps.waitUntilEnabled;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Wrong passwords as a user meets them in the window, and the administrators' Accounts screen. */
@ExtendWith(ApplicationExtension.class)
class AccountsUiTest {
    @TempDir
    static Path dataFolder;

    @Start
    void start(Stage stage) {
        UiSteps.startKora(dataFolder, stage);
    }

    private static String loginError(FxRobot robot) {
        return robot.lookup("#loginError").queryAs(Label.class).getText();
    }

    private static void waitForError(FxRobot robot, String text) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> loginError(robot).equals(text));
    }

    @Test
    void theThirdWrongPasswordTellsTheWaitAndTheRightOneWaitsToo(FxRobot robot) throws TimeoutException {
        robot.clickOn("#openDemo");
        enterCredentials(robot, "hr", "not-the-password");
        waitForError(robot, "Wrong user name or password.");
        for (var i = 0; i < 2; i++) {
            robot.clickOn("#password").write("still-not-it");
            waitUntilEnabled(robot, "#signIn");
            robot.clickOn("#signIn");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#signIn").query().isDisabled()
                    || !loginError(robot).isEmpty());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#password").queryAs(
                    PasswordField.class).getText().isEmpty());
        }
        waitForError(robot, "Wrong user name or password. Try again in 30 seconds.");

        robot.clickOn("#password").write("demo");
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> loginError(robot).startsWith("Too many wrong passwords."));
        assertThat(loginError(robot)).matches("Too many wrong passwords\\. Try again in \\d+ seconds\\.");
        assertThat(robot.lookup("#navPeople").tryQuery()).isEmpty();
    }

    @Test
    void administratorsSeeTheAccountsWithTheIdleTime(FxRobot robot) throws TimeoutException {
        robot.clickOn("#openDemo");
        enterCredentials(robot, "admin", "demo");
        waitFor(robot, "#navAccounts");
        robot.clickOn("#navAccounts");
        waitFor(robot, "#accountTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "10".equals(robot.lookup("#idleMinutes").queryAs(TextField.class).getText()));
        assertThat(robot.lookup("#unlockAccount").query().isDisabled()).isTrue();
    }
}
