package org.kora.ui.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.HospitalKind;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.service.ImportKind;
import org.kora.service.Services;
import org.kora.service.TraineeRow;
import org.kora.ui.Choice;
import org.kora.ui.SameThreadTaskExecutor;
import org.kora.ui.TaskExecutor;
import org.kora.ui.TestWorkspace;

class PeopleViewModelTest {
    @TempDir
    Path folder;

    private TestWorkspace workspace;
    private Services services;
    private PeopleViewModel viewModel;

    @BeforeEach
    void openDemoAsHr() {
        workspace = new TestWorkspace(folder);
        services = workspace.create(workspace.demoDatabase());
        services.demo().populate();
        viewModel = signedInAs("hr");
        viewModel.load();
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    private PeopleViewModel signedInAs(String username) {
        var session = services.auth().signIn(username, "demo".toCharArray());
        return new PeopleViewModel(services.people(), services.imports(), services.curricula(), session,
                new SameThreadTaskExecutor(), new Messages(Language.EN));
    }

    private TraineeRow row(String name) {
        return viewModel.trainees().rows().stream().filter(r -> r.trainee().name().equals(name)).findFirst()
                .orElseThrow();
    }

    private TraineeRow stored(long id) {
        var listed = signedInAs("admin");
        listed.load();
        return listed.trainees().rows().stream().filter(r -> r.trainee().id() == id).findFirst().orElseThrow();
    }

    @Test
    void everyTabIsFilledInTheBackground() {
        assertThat(viewModel.trainees().rows()).hasSizeGreaterThan(30);
        assertThat(viewModel.mentors().rows()).isNotEmpty();
        assertThat(viewModel.departments().rows()).isNotEmpty();
        assertThat(viewModel.hospitals().rows()).hasSize(4);
        assertThat(viewModel.work().busyProperty().get()).isFalse();
        assertThat(viewModel.trainees().hospitalFilterChoices()).extracting(Choice::label)
                .startsWith("All hospitals").hasSize(3);
    }

    @Test
    void searchFindsATraineeByStaffNumber() {
        var wanted = viewModel.trainees().rows().get(5).trainee();
        viewModel.trainees().searchProperty().set(wanted.staffNo());
        assertThat(viewModel.trainees().rows()).extracting(r -> r.trainee().staffNo()).containsOnly(wanted.staffNo());
        assertThat(viewModel.trainees().rows()).extracting(TraineeRow::trainee).contains(wanted);
    }

    @Test
    void searchFindsATibetanNameByPartOfIt() {
        viewModel.trainees().searchProperty().set("ཚེ་དབང");
        assertThat(viewModel.trainees().rows()).extracting(r -> r.trainee().name()).containsExactly("ཚེ་དབང་རྡོ་རྗེ");
    }

    @Test
    void hospitalFilterNarrowsTheListAndOffersThatHospitalsDepartments() {
        var editor = viewModel.trainees();
        var hospital = editor.hospitalFilterChoices().get(1);
        editor.hospitalFilterProperty().set(hospital);
        assertThat(editor.rows()).isNotEmpty().allMatch(r -> r.trainee().hospitalId() == hospital.id());
        assertThat(editor.departmentFilterChoices()).hasSizeGreaterThan(2);
        var department = editor.departmentFilterChoices().get(1);
        editor.departmentFilterProperty().set(department);
        assertThat(editor.rows()).isNotEmpty().allMatch(r -> r.trainee().departmentId() == department.id());
    }

    @Test
    void selectingATraineeFillsTheFormAndSaveWaitsForAChange() {
        var editor = viewModel.trainees();
        var wang = row("王丽");
        editor.select(wang);
        assertThat(editor.nameProperty().get()).isEqualTo("王丽");
        assertThat(editor.staffNoProperty().get()).isEqualTo(wang.trainee().staffNo());
        assertThat(editor.departmentProperty().get().label()).isEqualTo(wang.departmentName());
        assertThat(editor.canSaveProperty().get()).isFalse();
        editor.titleProperty().set("副主任医师");
        assertThat(editor.canSaveProperty().get()).isTrue();
    }

    @Test
    void blankNameIsExplainedAndCannotBeSaved() {
        var editor = viewModel.trainees();
        editor.select(row("王丽"));
        editor.nameProperty().set("  ");
        assertThat(editor.nameProblem()).contains("Enter the name.");
        assertThat(editor.canSaveProperty().get()).isFalse();
    }

    @Test
    void phoneWithLettersIsExplained() {
        var editor = viewModel.trainees();
        editor.phoneProperty().set("ask reception");
        assertThat(editor.phoneProblem()).contains("A phone number has only digits, spaces, + and -.");
    }

    @Test
    void savedTitleIsStoredAndUndoPutsTheOldOneBack() {
        var editor = viewModel.trainees();
        var wang = row("王丽");
        var oldTitle = wang.trainee().title();
        editor.select(wang);
        editor.titleProperty().set("副主任医师");
        editor.save();
        assertThat(stored(wang.trainee().id()).trainee().title()).isEqualTo("副主任医师");
        assertThat(editor.selectedProperty().get().trainee().title()).isEqualTo("副主任医师");
        assertThat(viewModel.work().statusProperty().get()).isEqualTo("Saved.");
        assertThat(editor.canUndoProperty().get()).isTrue();

        editor.undo();
        assertThat(stored(wang.trainee().id()).trainee().title()).isEqualTo(oldTitle);
        assertThat(editor.titleProperty().get()).isEqualTo(oldTitle);
        assertThat(editor.canUndoProperty().get()).isFalse();
        assertThat(viewModel.work().statusProperty().get()).isEqualTo("The last save was undone.");
    }

    @Test
    void revertPutsBackWhatIsStored() {
        var editor = viewModel.trainees();
        editor.select(row("王丽"));
        editor.nameProperty().set("王丽丽");
        assertThat(editor.dirtyProperty().get()).isTrue();
        editor.revert();
        assertThat(editor.nameProperty().get()).isEqualTo("王丽");
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void newTraineeIsSavedAndSelectedButNotUndoable() {
        var editor = viewModel.trainees();
        editor.newRecord();
        editor.hospitalProperty().set(editor.hospitalChoices().get(0));
        editor.departmentProperty().set(editor.departmentChoices().get(0));
        editor.staffNoProperty().set("T-777");
        editor.nameProperty().set("བསོད་ནམས་རྒྱལ་མཚན");
        editor.save();
        assertThat(viewModel.work().errorProperty().get()).isEmpty();
        assertThat(editor.selectedProperty().get().trainee().name()).isEqualTo("བསོད་ནམས་རྒྱལ་མཚན");
        assertThat(editor.selectedProperty().get().trainee().id()).isPositive();
        assertThat(editor.canUndoProperty().get()).isFalse();
    }

    @Test
    void takenStaffNumberIsRefusedWithTheServicesReason() {
        var editor = viewModel.trainees();
        var rows = editor.rows();
        var first = rows.get(0).trainee();
        var other = rows.stream().map(TraineeRow::trainee)
                .filter(t -> t.hospitalId() == first.hospitalId() && t.id() != first.id()).findFirst().orElseThrow();
        editor.select(rows.stream().filter(r -> r.trainee().id() == other.id()).findFirst().orElseThrow());
        editor.staffNoProperty().set(first.staffNo());
        editor.save();
        assertThat(viewModel.work().errorProperty().get())
                .isEqualTo("The staff number " + first.staffNo() + " is already used in this hospital.");
        assertThat(stored(other.id()).trainee().staffNo()).isEqualTo(other.staffNo());
        assertThat(viewModel.work().busyProperty().get()).isFalse();
    }

    @Test
    void managerSeesEveryListButCannotSave() {
        var manager = signedInAs("manager");
        manager.load();
        assertThat(manager.editable()).isFalse();
        assertThat(manager.readOnlyNote()).isEqualTo("You may look at people here but not change them.");
        assertThat(manager.trainees().rows()).hasSizeGreaterThan(30);
        var editor = manager.trainees();
        editor.select(editor.rows().get(0));
        editor.titleProperty().set("changed");
        assertThat(editor.canSaveProperty().get()).isFalse();
        editor.save();
        assertThat(stored(editor.rows().get(0).trainee().id()).trainee().title()).isNotEqualTo("changed");
    }

    @Test
    void mentorDeploymentsAreReadOneALineAndSavedAsASet() {
        var editor = viewModel.mentors();
        var mentor = editor.rows().get(0);
        editor.select(mentor);
        editor.deploymentsProperty().set("2026-01-01 – 2026-06-30\nnot a date");
        assertThat(editor.deploymentsProblem()).isPresent();
        assertThat(editor.canSaveProperty().get()).isFalse();
        editor.deploymentsProperty().set("2027-03-01 – 2027-08-31\n2026-01-01 2026-06-30\n");
        assertThat(editor.deploymentsProblem()).isEmpty();
        editor.save();
        assertThat(viewModel.work().errorProperty().get()).isEmpty();
        assertThat(editor.selectedProperty().get().deployments()).hasSize(2);
        assertThat(editor.deploymentsProperty().get()).isEqualTo("2026-01-01 – 2026-06-30\n2027-03-01 – 2027-08-31");
    }

    @Test
    void departmentFormAsksForCapacityOfAPartnerDepartment() {
        var editor = viewModel.departments();
        var partner = editor.rows().stream().filter(r -> r.department().kind() == HospitalKind.PARTNER).findFirst()
                .orElseThrow();
        editor.select(partner);
        assertThat(editor.homeProperty().get()).isFalse();
        assertThat(editor.hospitalLockedProperty().get()).isTrue();
        editor.capacityProperty().set("0");
        assertThat(editor.capacityProblem()).contains("Capacity is a whole number of at least 1.");
        assertThat(editor.canSaveProperty().get()).isFalse();
    }

    @Test
    void homeDepartmentNeedsSomeoneAllowedAway() {
        var editor = viewModel.departments();
        editor.select(editor.rows().stream().filter(r -> r.department().kind() == HospitalKind.HOME).findFirst()
                .orElseThrow());
        editor.headcountProperty().set("5");
        editor.minOnDutyProperty().set("5");
        assertThat(editor.minOnDutyProblem()).isPresent();
        editor.minOnDutyProperty().set("4");
        editor.save();
        assertThat(editor.selectedProperty().get().department().minOnDuty()).isEqualTo(4);
    }

    @Test
    void hospitalKeepsItsKindOnceSaved() {
        var editor = viewModel.hospitals();
        editor.select(editor.rows().get(0));
        assertThat(editor.kindLockedProperty().get()).isTrue();
        editor.newRecord();
        assertThat(editor.kindLockedProperty().get()).isFalse();
        editor.nameProperty().set("ཉིང་ཁྲི་སྨན་ཁང");
        editor.kindProperty().set(HospitalKind.HOME);
        editor.save();
        assertThat(editor.rows()).extracting(r -> r.hospital().name()).contains("ཉིང་ཁྲི་སྨན་ཁང");
    }

    @Test
    void aRosterWithABadRowIsShownLineByLineFixedAndImported() throws Exception {
        var file = folder.resolve("roster.csv");
        var header = "工号,姓名,医院,科室,类别,最早开始\n";
        Files.writeString(file, header + "T-7001,格桑德吉,巴塘县人民医院,眼科,护士,2027-03-01\n"
                + "T-7002,扎西平措,巴塘县人民医院,眼科,医师,2027年13月1日\n", StandardCharsets.UTF_8);
        var roster = viewModel.roster();
        roster.kindProperty().set(ImportKind.TRAINEES);
        roster.fileProperty().set(file);

        roster.check();

        assertThat(roster.importableProperty().get()).isFalse();
        assertThat(roster.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isEqualTo("3");
            assertThat(issue.column()).isEqualTo("最早开始");
            assertThat(issue.reason()).startsWith("Not a date: 2027年13月1日.");
        });
        assertThat(roster.summaryProperty().get()).isEqualTo("2 rows (encoding UTF-8): 1 new, 0 changed, 0 unchanged, 1 bad.");
        roster.importFile();
        assertThat(viewModel.trainees().rows()).noneMatch(row -> row.trainee().staffNo().equals("T-7001"));

        Files.writeString(file, header + "T-7001,格桑德吉,巴塘县人民医院,眼科,护士,2027-03-01\n"
                + "T-7002,扎西平措,巴塘县人民医院,眼科,医师,2027年12月1日\n", StandardCharsets.UTF_8);
        roster.check();
        assertThat(roster.issues()).isEmpty();
        assertThat(roster.importableProperty().get()).isTrue();

        roster.importFile();

        assertThat(roster.summaryProperty().get()).isEqualTo("Imported: 2 new, 0 changed, 0 unchanged.");
        assertThat(viewModel.trainees().rows()).extracting(row -> row.trainee().staffNo()).contains("T-7001", "T-7002");
        assertThat(roster.importableProperty().get()).isFalse();
    }

    @Test
    void aLongImportCanBeStoppedAndWritesNothing() throws Exception {
        var file = folder.resolve("big.csv");
        var rows = new StringBuilder("staff_no,name,hospital,department\n");
        for (var i = 0; i < 20_000; i++) {
            rows.append("B-").append(i).append(",Trainee ").append(i).append(",巴塘县人民医院,眼科\n");
        }
        Files.writeString(file, rows, StandardCharsets.UTF_8);
        // the user presses Stop when the first progress report reaches the screen
        var holder = new RosterImport[1];
        var sameThread = new SameThreadTaskExecutor();
        var executor = new TaskExecutor() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
                sameThread.submit(work, onSuccess, onFailure);
            }

            @Override
            public void later(Runnable action) {
                action.run();
                holder[0].cancel();
            }
        };
        var session = services.auth().signIn("hr", "demo".toCharArray());
        var stoppable = new PeopleViewModel(services.people(), services.imports(), services.curricula(), session,
                executor, new Messages(Language.EN));
        holder[0] = stoppable.roster();
        holder[0].fileProperty().set(file);
        var before = services.people().trainees(session).size();

        holder[0].check();
        assertThat(stoppable.work().errorProperty().get()).isEqualTo("The import was cancelled; nothing was changed.");
        assertThat(holder[0].importableProperty().get()).isFalse();
        assertThat(holder[0].progress().runningProperty().get()).isFalse();
        assertThat(services.people().trainees(session)).hasSize(before);
    }
}
