package org.kora.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kora.app.UiSteps.enterCredentials;
import static org.kora.app.UiSteps.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Competency;
import org.kora.domain.SignOffLevel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** People → Curricula as an HR planner uses it: add a competency to a department's list and see it there. */
@ExtendWith(ApplicationExtension.class)
class CurriculaUiTest {
    @TempDir
    static Path dataFolder;

    @Start
    void start(Stage stage) {
        UiSteps.startKora(dataFolder, stage);
    }

    @Test
    void hrAddsACompetencyAndSeesItInTheList(FxRobot robot) throws TimeoutException {
        robot.clickOn("#openDemo");
        enterCredentials(robot, "hr", "demo");
        waitFor(robot, "#traineeTable");
        robot.clickOn("Curricula");
        TableView<Competency> table = robot.lookup("#curriculumTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        var before = table.getItems().size();

        robot.clickOn("#curriculumNew");
        robot.clickOn("#curriculumNameZh").write("Lumbar puncture (zh)");
        robot.clickOn("#curriculumNameEn").write("Lumbar puncture");
        robot.clickOn("#curriculumRequired").write("4").type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == before + 1);
        var added = table.getItems().get(before);
        assertThat(added.nameEn()).isEqualTo("Lumbar puncture");
        assertThat(added.requiredCount()).isEqualTo(4);
        assertThat(added.achievedLevel()).isEqualTo(SignOffLevel.SUPERVISED);
        // the user sees it in the table, not only in the form
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".table-cell")
                .match(cell -> "Lumbar puncture".equals(((Labeled) cell).getText())).tryQuery().isPresent());
        assertThat(robot.lookup("#peopleStatus").queryLabeled().getText()).isEqualTo("Saved.");

        robot.clickOn("#curriculumRequired").write("0");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#curriculumRequired").queryTextInputControl().getText().equals("4"));
    }
}
