package org.kora.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.stage.Stage;

import org.kora.domain.Language;
import org.kora.store.DataFolder;
import org.kora.store.LocalSettings;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Steps the window tests share: Kora in a data folder of its own, waiting for a screen, signing in. */
final class UiSteps {
    private static final long SECONDS = 30;

    private UiSteps() {
    }

    /** Starts Kora's window in English, in a new data folder under {@code dataFolder}. */
    static void startKora(Path dataFolder, Stage stage) {
        var folder = new DataFolder(dataFolder.resolve("run-" + System.nanoTime()));
        var kora = new Kora(folder, LocalSettings.load(folder.settingsFile()), Clock.systemDefaultZone(), "test", false);
        kora.desktop(() -> { }).start(stage, null, Language.EN, null);
    }

    /** Waits until the screen with {@code query} is shown and the FX thread has finished attaching it. */
    static void waitFor(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup(query).tryQuery().map(node -> node.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntilEnabled(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(SECONDS, TimeUnit.SECONDS, () -> !robot.lookup(query).query().isDisabled());
    }

    /** On the sign-in screen: types the user name and password and presses Sign in. */
    static void enterCredentials(FxRobot robot, String user, String password) throws TimeoutException {
        waitFor(robot, "#username");
        robot.clickOn("#username").write(user);
        robot.clickOn("#password").write(password);
        waitUntilEnabled(robot, "#signIn");
        robot.clickOn("#signIn");
    }
}
