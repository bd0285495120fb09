package org.kora.ui.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Competency;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.domain.SignOffLevel;
import org.kora.service.Services;
import org.kora.store.CompetencyDao;
import org.kora.store.SignOffDao;
import org.kora.ui.Choice;
import org.kora.ui.SameThreadTaskExecutor;
import org.kora.ui.TestWorkspace;

/** The Curricula tab's view model, on the demo, without a toolkit. */
class CurriculumEditorTest {
    @TempDir
    Path folder;

    private TestWorkspace workspace;
    private Services services;
    private PeopleViewModel viewModel;
    private CurriculumEditor editor;

    @BeforeEach
    void openDemoAsHr() {
        workspace = new TestWorkspace(folder);
        services = workspace.create(workspace.demoDatabase());
        services.demo().populate();
        viewModel = signedInAs("hr");
        editor = viewModel.curricula();
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    private PeopleViewModel signedInAs(String username) {
        var session = services.auth().signIn(username, "demo".toCharArray());
        var model = new PeopleViewModel(services.people(), services.imports(), services.curricula(), session,
                new SameThreadTaskExecutor(), new Messages(Language.EN));
        model.load();
        return model;
    }

    private List<String> names() {
        return editor.rows().stream().map(Competency::nameEn).toList();
    }

    private List<Long> signedOff() {
        return services.store().inTransaction(tx -> tx.dao(SignOffDao.class).list()).stream()
                .map(signOff -> signOff.competencyId()).toList();
    }

    private void fillForm(String nameZh, String nameEn, String required) {
        editor.nameZhProperty().set(nameZh);
        editor.nameEnProperty().set(nameEn);
        editor.categoryProperty().set("操作");
        editor.requiredProperty().set(required);
        editor.levelProperty().set(SignOffLevel.INDEPENDENT);
    }

    @Test
    void theFirstHomeDepartmentsCurriculumIsShownInOrder() {
        assertThat(editor.departmentChoices()).isNotEmpty();
        assertThat(editor.departmentProperty().get()).isEqualTo(editor.departmentChoices().get(0));
        assertThat(editor.rows()).isNotEmpty().extracting(Competency::sortOrder).isSorted();
        assertThat(editor.rows()).extracting(Competency::departmentId).containsOnly(editor.departmentId());
    }

    @Test
    void choosingAnotherDepartmentShowsItsCurriculum() {
        var first = names();
        var other = editor.departmentChoices().stream().filter(choice -> choice.id() != editor.departmentId())
                .findFirst().orElseThrow();
        editor.departmentProperty().set(other);
        assertThat(editor.rows()).isNotEmpty().extracting(Competency::departmentId).containsOnly(other.id());
        assertThat(names()).isNotEqualTo(first);
    }

    @Test
    void aNewCompetencyIsSavedAtTheEndAndChosen() {
        editor.newRecord();
        fillForm("腰椎穿刺", "Lumbar puncture", "4");
        assertThat(editor.canSaveProperty().get()).isTrue();
        editor.save();
        assertThat(names()).last().isEqualTo("Lumbar puncture");
        assertThat(editor.selectedProperty().get().nameZh()).isEqualTo("腰椎穿刺");
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(viewModel.work().statusProperty().get()).isEqualTo("Saved.");
    }

    @Test
    void aFormWithABadFieldCannotBeSavedAndSaysWhich() {
        editor.newRecord();
        fillForm("腰椎穿刺", "Lumbar puncture", "0");
        assertThat(editor.canSaveProperty().get()).isFalse();
        assertThat(editor.requiredProblem()).contains("The number required must be a whole number of at least 1.");
        editor.requiredProperty().set("4");
        editor.nameEnProperty().set(" ");
        assertThat(editor.canSaveProperty().get()).isFalse();
        assertThat(editor.nameEnProblem()).contains("The English name is required.");
    }

    @Test
    void aNameTakenInTheDepartmentIsRefusedByTheServiceAndSaid() {
        var taken = editor.rows().get(0);
        var before = names();
        editor.newRecord();
        fillForm(taken.nameZh(), "Something else", "4");
        editor.save();
        assertThat(viewModel.work().errorProperty().get()).contains(taken.nameZh());
        assertThat(names()).isEqualTo(before);
    }

    @Test
    void revertPutsBackWhatIsStored() {
        var chosen = editor.rows().get(1);
        editor.select(chosen);
        editor.requiredProperty().set("99");
        assertThat(editor.dirtyProperty().get()).isTrue();
        editor.revert();
        assertThat(editor.requiredProperty().get()).isEqualTo(Integer.toString(chosen.requiredCount()));
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void moveDownAndUpReorderAndTheSelectionFollows() {
        var first = editor.rows().get(0);
        editor.select(first);
        assertThat(editor.canMoveUpProperty().get()).isFalse();
        editor.moveDown();
        assertThat(editor.rows().get(1).id()).isEqualTo(first.id());
        assertThat(editor.selectedProperty().get().id()).isEqualTo(first.id());
        editor.moveUp();
        assertThat(editor.rows().get(0).id()).isEqualTo(first.id());
        editor.select(editor.rows().get(editor.rows().size() - 1));
        assertThat(editor.canMoveDownProperty().get()).isFalse();
    }

    @Test
    void anUnusedCompetencyIsRemoved() {
        editor.newRecord();
        fillForm("腰椎穿刺", "Lumbar puncture", "4");
        editor.save();
        editor.remove();
        assertThat(names()).doesNotContain("Lumbar puncture");
        assertThat(editor.selectedProperty().get()).isNull();
        assertThat(viewModel.work().statusProperty().get()).isEqualTo("Removed.");
    }

    @Test
    void aCompetencyWithSignOffsStaysAndTheRefusalIsSaid() {
        var used = signedOff();
        var competency = services.store().inTransaction(tx -> tx.dao(CompetencyDao.class).list()).stream()
                .filter(c -> used.contains(c.id())).findFirst().orElseThrow();
        editor.departmentProperty().set(editor.departmentChoices().stream()
                .filter(choice -> choice.id() == competency.departmentId()).findFirst().orElseThrow());
        var inUse = editor.rows().stream().filter(c -> c.id() == competency.id()).findFirst().orElseThrow();
        editor.select(inUse);
        editor.remove();
        assertThat(viewModel.work().errorProperty().get()).contains("cannot be removed").contains(inUse.nameEn());
        assertThat(editor.rows()).extracting(Competency::id).contains(inUse.id());
    }

    @Test
    void aManagerSeesTheCurriculumButCannotChangeIt() {
        var manager = signedInAs("manager");
        var readOnly = manager.curricula();
        assertThat(readOnly.editable()).isFalse();
        assertThat(readOnly.rows()).isNotEmpty();
        readOnly.select(readOnly.rows().get(0));
        assertThat(readOnly.canRemoveProperty().get()).isFalse();
        assertThat(readOnly.canMoveDownProperty().get()).isFalse();
        readOnly.requiredProperty().set("42");
        assertThat(readOnly.canSaveProperty().get()).isFalse();
        readOnly.save();
        assertThat(readOnly.rows().get(0).requiredCount()).isNotEqualTo(42);
    }

    @Test
    void levelsAreNamedInTheUsersLanguage() {
        assertThat(editor.levels()).extracting(editor::levelName)
                .containsExactly("Observed", "Assisted", "Performed under supervision", "Independent");
        var chinese = new PeopleViewModel(services.people(), services.imports(), services.curricula(),
                services.auth().signIn("hr", "demo".toCharArray()), new SameThreadTaskExecutor(),
                new Messages(Language.ZH)).curricula();
        assertThat(chinese.levels()).extracting(chinese::levelName).containsExactly("观摩", "协助", "指导下操作", "独立操作");
    }

    @Test
    void theDepartmentChoiceNamesTheHospital() {
        assertThat(editor.departmentChoices()).extracting(Choice::label).allMatch(label -> label.contains(" · "));
    }
}
