package org.kora.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kora.app.UiSteps.enterCredentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Language;
import org.kora.store.Backups;
import org.kora.store.DataFolder;
import org.kora.store.DatabaseFile;
import org.kora.store.LocalSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A double-clicked backup: Kora opens with it and offers to restore it once someone signs in. */
@ExtendWith(ApplicationExtension.class)
class OpenedBackupUiTest {
    @TempDir
    static Path dataFolder;

    private Path database;
    private Path backup;

    @Start
    void start(Stage stage) {
        var run = dataFolder.resolve("run-" + System.nanoTime());
        database = run.resolve("kora.mv.db");
        backup = run.resolve("kora-2026-11-23-090000.korabackup");
        var clock = Clock.systemDefaultZone();
        try (var services = new ServiceFactory(clock).create(DatabaseFile.of(database))) {
            services.demo().populate();
            new Backups(services.store(), clock).backUpTo(backup);
        }
        var folder = new DataFolder(run.resolve("home"));
        var kora = new Kora(folder, LocalSettings.load(folder.settingsFile()), clock, "test", false);
        kora.desktop(() -> { }).start(stage, database, Language.EN, backup);
    }

    @Test
    void anAdministratorIsAskedOnTheSettingsScreenWhetherToRestoreIt(FxRobot robot) throws Exception {
        enterCredentials(robot, "admin", "demo");

        var question = dialog(robot);
        assertThat(question.getContentText()).contains(backup.getFileName().toString()).contains("Restore it over")
                .contains(database.toString());
        assertThat(robot.lookup("#navSettings").queryAs(ToggleButton.class).isSelected()).isTrue();

        robot.clickOn(question.lookupButton(question.getButtonTypes().stream()
                .filter(type -> type.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
        assertThat(robot.lookup("#navSettings").tryQuery()).isPresent();
        try (var beside = Files.list(database.getParent())) {
            assertThat(beside.map(file -> file.getFileName().toString())).noneMatch(name -> name.contains("-before-restore-"));
        }
    }

    @Test
    void anyoneElseIsToldThatOnlyAnAdministratorRestoresIt(FxRobot robot) throws TimeoutException {
        enterCredentials(robot, "hr", "demo");

        var told = dialog(robot);
        assertThat(told.getContentText()).contains(backup.getFileName().toString())
                .contains("Only an administrator can restore it");
        assertThat(robot.lookup("#navSettings").tryQuery()).isEmpty();
        robot.clickOn(told.lookupButton(told.getButtonTypes().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
        assertThat(robot.lookup("#navPeople").tryQuery()).isPresent();
    }

    private static DialogPane dialog(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }
}
