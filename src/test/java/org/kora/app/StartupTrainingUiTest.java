package org.kora.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Language;
import org.kora.store.DataFolder;
import org.kora.store.DatabaseFile;
import org.kora.store.LocalSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The installer's training run: the window closes itself once the sign-in screen's database is open. */
@ExtendWith(ApplicationExtension.class)
class StartupTrainingUiTest {
    @TempDir
    static Path dataFolder;

    private final CountDownLatch closed = new CountDownLatch(1);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        var folder = new DataFolder(dataFolder.resolve("home"));
        var database = dataFolder.resolve("training.mv.db");
        var clock = Clock.systemDefaultZone();
        new ServiceFactory(clock).create(DatabaseFile.of(database)).close();
        var kora = new Kora(folder, LocalSettings.load(folder.settingsFile()), clock, "test", true);
        kora.desktop(closed::countDown).start(stage, database, Language.EN, null);
    }

    @Test
    void trainingRunClosesTheWindowOnceTheSignInScreenHasOpenedItsDatabase(FxRobot robot) throws InterruptedException {
        assertThat(closed.await(30, TimeUnit.SECONDS)).as("the window closed itself").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();
        assertThat(robot.lookup("#username").tryQuery()).isEmpty();
    }
}
