package org.kora.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kora.app.UiSteps.enterCredentials;
import static org.kora.app.UiSteps.waitFor;
import static org.kora.app.UiSteps.waitUntilEnabled;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** First start as a user meets it: the welcome screen, the demo, signing in as each role. */
@ExtendWith(ApplicationExtension.class)
class FirstStartUiTest {
    @TempDir
    static Path dataFolder;

    @Start
    void start(Stage stage) {
        UiSteps.startKora(dataFolder, stage);
    }

    @Test
    void demoOpensAndEachRoleSeesItsOwnNavigation(FxRobot robot) throws TimeoutException {
        robot.clickOn("#openDemo");
        waitFor(robot, "#username");

        signIn(robot, "hr", "demo");
        assertThat(navigation(robot)).containsExactly("navPeople", "navCohorts", "navCalendar", "navSignoffs", "navDashboard");
        assertThat(robot.lookup("#statusRole").queryAs(Label.class).getText()).isEqualTo("HR planner");
        signOut(robot);

        signIn(robot, "mentor", "demo");
        assertThat(navigation(robot)).containsExactly("navCalendar", "navSignoffs");
        signOut(robot);

        signIn(robot, "manager", "demo");
        assertThat(navigation(robot)).containsExactly("navPeople", "navCalendar", "navSignoffs", "navDashboard");
        signOut(robot);

        signIn(robot, "admin", "demo");
        assertThat(navigation(robot)).containsExactly("navPeople", "navCohorts", "navCalendar", "navSignoffs",
                "navDashboard", "navAccounts", "navSettings");
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPart(FxRobot robot) throws TimeoutException {
        robot.clickOn("#openDemo");
        enterCredentials(robot, "hr", "not-the-password");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#loginError").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#loginError").queryAs(Label.class).getText()).isEqualTo("Wrong user name or password.");
        assertThat(robot.lookup("#navPeople").tryQuery()).isEmpty();
    }

    @Test
    void newDatabaseSignsInItsFirstAdministrator(FxRobot robot) throws TimeoutException {
        robot.clickOn("#adminUsername").write("zhaxi");
        robot.clickOn("#adminDisplayName").write("扎西 Admin");
        robot.clickOn("#adminPassword").write("long-enough-1");
        robot.clickOn("#adminPasswordRepeat").write("long-enough-1");
        waitUntilEnabled(robot, "#createDatabase");
        robot.clickOn("#createDatabase");
        waitFor(robot, "#navSettings");
        assertThat(robot.lookup("#statusRole").queryAs(Label.class).getText()).isEqualTo("Administrator");
        assertThat(robot.lookup("#statusUser").queryAs(Label.class).getText()).contains("扎西 Admin");
    }

    @Test
    void chineseCanBeChosenOnTheWelcomeScreen(FxRobot robot) {
        robot.clickOn("#langZh");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#openDemo").queryAs(Labeled.class).getText()).isEqualTo("打开演示");
        assertThat(robot.lookup("#langZh").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    private static void signIn(FxRobot robot, String user, String password) throws TimeoutException {
        enterCredentials(robot, user, password);
        waitFor(robot, "#statusRole");
    }

    private static void signOut(FxRobot robot) {
        robot.clickOn("File").clickOn("Sign out");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> navigation(FxRobot robot) {
        return robot.lookup(".nav-button").queryAll().stream().map(Node::getId).toList();
    }
}
