package org.kora.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.DateRange;
import org.kora.domain.Department;
import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;
import org.kora.domain.Leave;
import org.kora.domain.Mentor;
import org.kora.domain.Profession;
import org.kora.domain.Trainee;
import org.kora.store.AuditDao;
import org.kora.store.AuditEntry;
import org.kora.store.DatabaseFile;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.MentorDao;
import org.kora.store.Store;
import org.kora.store.TraineeDao;

class PeopleServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final String TIBETAN = "བཀྲ་ཤིས་ཚེ་རིང";
    /** Rare CJK beyond the Basic Multilingual Plane and in Extension A: 𠈌 (U+2020C) and 䶮. */
    private static final String RARE_CJK = "王𠈌䶮";

    @TempDir
    Path dir;

    private Store store;
    private PeopleService people;
    private Session admin;
    private Session hr;
    private Session manager;
    private Session mentor;

    @BeforeEach
    void createDemo() {
        store = Store.create(DatabaseFile.of(dir.resolve("kora")));
        var hasher = new PasswordHasher(1000);
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        new DemoService(store, hasher, clock).populate();
        var auth = new AuthService(store, hasher, clock);
        people = new PeopleService(store, clock);
        admin = auth.signIn("admin", "demo".toCharArray());
        hr = auth.signIn("hr", "demo".toCharArray());
        manager = auth.signIn("manager", "demo".toCharArray());
        mentor = auth.signIn("mentor", "demo".toCharArray());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Everything a People save could change, to show that a refused call wrote nothing. */
    private record Snapshot(List<?> hospitals, List<?> departments, List<?> trainees, List<?> leave, List<?> mentors,
                            List<?> deployments, List<AuditEntry> audit) {
    }

    private Snapshot snapshot() {
        return store.inTransaction(tx -> new Snapshot(tx.dao(HospitalDao.class).list(),
                tx.dao(DepartmentDao.class).list(), tx.dao(TraineeDao.class).list(), tx.dao(TraineeDao.class).leave(),
                tx.dao(MentorDao.class).list(), tx.dao(MentorDao.class).deployments(), tx.dao(AuditDao.class).list()));
    }

    private List<AuditEntry> audit() {
        return store.inTransaction(tx -> tx.dao(AuditDao.class).list());
    }

    private TraineeRow firstTrainee() {
        return people.trainees(hr).get(0);
    }

    private static Trainee withTitle(Trainee t, String title) {
        return new Trainee(t.id(), t.hospitalId(), t.departmentId(), t.staffNo(), t.name(), t.profession(), title,
                t.phone(), t.earliestStart(), t.notes());
    }

    private static Trainee withStaffNo(Trainee t, String staffNo) {
        return new Trainee(t.id(), t.hospitalId(), t.departmentId(), staffNo, t.name(), t.profession(), t.title(),
                t.phone(), t.earliestStart(), t.notes());
    }

    private Trainee newTraineeIn(DepartmentRow home, String staffNo, String name) {
        var d = home.department();
        return new Trainee(0, d.hospitalId(), d.id(), staffNo, name, Profession.NURSE, "护师", "+86 139-0000 0000",
                LocalDate.of(2026, 9, 1), "备注");
    }

    private DepartmentRow homeDepartment() {
        return people.departments(hr).stream().filter(row -> row.department().kind() == HospitalKind.HOME)
                .findFirst().orElseThrow();
    }

    private static Consumer<InvalidInputException> key(String expected) {
        return e -> assertThat(e.messageKey()).isEqualTo(expected);
    }

    private void refusedAndNothingWritten(Runnable call, Class<? extends Exception> refusal) {
        var before = snapshot();
        assertThatThrownBy(call::run).isInstanceOf(refusal);
        assertThat(snapshot()).isEqualTo(before);
    }

    // --- authorization ---

    @Test
    void hrManagerAndAdministratorSeeEveryList() {
        for (var who : List.of(hr, manager, admin)) {
            assertThat(people.hospitals(who)).hasSize(4);
            assertThat(people.departments(who)).isNotEmpty();
            assertThat(people.trainees(who)).hasSizeGreaterThan(30);
            assertThat(people.mentors(who)).isNotEmpty();
        }
    }

    @Test
    void mentorMayNotReadAnyList() {
        assertThatThrownBy(() -> people.hospitals(mentor)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.departments(mentor)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.trainees(mentor)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.mentors(mentor)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void mentorMayNotWriteAndNothingIsWritten() {
        var trainee = firstTrainee().trainee();
        var department = homeDepartment().department();
        var someMentor = people.mentors(hr).get(0).mentor();
        var hospital = people.hospitals(hr).get(0).hospital();
        refusedAndNothingWritten(() -> people.saveTrainee(mentor, withTitle(trainee, "x")), AccessDeniedException.class);
        refusedAndNothingWritten(() -> people.saveDepartment(mentor, department), AccessDeniedException.class);
        refusedAndNothingWritten(() -> people.saveMentor(mentor, someMentor, List.of()), AccessDeniedException.class);
        refusedAndNothingWritten(() -> people.saveHospital(mentor, hospital), AccessDeniedException.class);
    }

    @Test
    void managerMayNotWriteAndNothingIsWritten() {
        var trainee = firstTrainee().trainee();
        var department = homeDepartment().department();
        var someMentor = people.mentors(hr).get(0).mentor();
        var hospital = people.hospitals(hr).get(0).hospital();
        refusedAndNothingWritten(() -> people.saveTrainee(manager, withTitle(trainee, "x")), AccessDeniedException.class);
        refusedAndNothingWritten(() -> people.saveTrainee(manager, newTraineeIn(homeDepartment(), "N1", "New")),
                AccessDeniedException.class);
        refusedAndNothingWritten(() -> people.saveDepartment(manager, department), AccessDeniedException.class);
        refusedAndNothingWritten(() -> people.saveMentor(manager, someMentor, List.of()), AccessDeniedException.class);
        refusedAndNothingWritten(() -> people.saveHospital(manager, hospital), AccessDeniedException.class);
        var leave = new Leave(0, trainee.id(), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 31), null);
        refusedAndNothingWritten(() -> people.addLeave(manager, leave), AccessDeniedException.class);
        var existing = people.addLeave(hr, leave);
        refusedAndNothingWritten(() -> people.removeLeave(manager, existing), AccessDeniedException.class);
    }

    @Test
    void administratorMayEditPeople() {
        var trainee = firstTrainee().trainee();
        assertThat(people.saveTrainee(admin, withTitle(trainee, "主任医师")).title()).isEqualTo("主任医师");
    }

    // --- saving ---

    @Test
    void leaveIsAddedListedByDateAndRemoved() {
        var trainee = firstTrainee().trainee();
        var before = people.leave(hr, trainee.id());
        var june = people.addLeave(hr, new Leave(0, trainee.id(), LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 14),
                " 产假 "));
        var may = people.addLeave(hr, new Leave(0, trainee.id(), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 3), ""));

        assertThat(june.reason()).isEqualTo("产假");
        assertThat(may.reason()).isNull();
        assertThat(people.leave(manager, trainee.id())).containsSubsequence(may, june).hasSize(before.size() + 2);

        people.removeLeave(hr, may);

        assertThat(people.leave(hr, trainee.id())).contains(june).doesNotContain(may);
        assertThat(audit()).extracting(AuditEntry::action).contains("LEAVE_ADDED", "LEAVE_REMOVED");
        assertThatThrownBy(() -> people.removeLeave(hr, may)).isInstanceOfSatisfying(InvalidInputException.class,
                key("people.notFound"));
    }

    @Test
    void hrUpdatesATraineesTitleAndTheAuditLineHasNoPhone() {
        var trainee = firstTrainee().trainee();
        var saved = people.saveTrainee(hr, withTitle(trainee, "  副主任医师 "));
        assertThat(saved).isEqualTo(withTitle(trainee, "副主任医师"));
        var line = audit().get(audit().size() - 1);
        assertThat(line.action()).isEqualTo("TRAINEE_SAVED");
        assertThat(line.username()).isEqualTo("hr");
        assertThat(line.happenedAt()).isEqualTo(NOW);
        assertThat(line.detail()).contains("id=" + trainee.id()).doesNotContain(trainee.phone());
    }

    @Test
    void hrCreatesATraineeWithATibetanName() {
        var created = people.saveTrainee(hr, newTraineeIn(homeDepartment(), "T-900", TIBETAN));
        assertThat(created.id()).isPositive();
        assertThat(people.trainees(hr)).anySatisfy(row -> {
            assertThat(row.trainee()).isEqualTo(created);
            assertThat(row.trainee().name()).isEqualTo(TIBETAN);
            assertThat(row.departmentName()).isEqualTo(homeDepartment().department().name());
            assertThat(row.hospitalName()).isEqualTo(homeDepartment().hospitalName());
        });
        assertThat(audit().get(audit().size() - 1).detail()).contains(TIBETAN).doesNotContain("139");
    }

    @Test
    void rareCjkNamesRoundTripUnchanged() {
        var created = people.saveTrainee(hr, newTraineeIn(homeDepartment(), "T-901", RARE_CJK));
        var stored = people.trainees(hr).stream().filter(row -> row.trainee().id() == created.id()).findFirst()
                .orElseThrow().trainee();
        assertThat(stored.name()).isEqualTo(RARE_CJK).hasSize(4);
        assertThat(stored.name().codePointCount(0, stored.name().length())).isEqualTo(3);
    }

    @Test
    void leadingZerosOfAStaffNumberAreKept() {
        var created = people.saveTrainee(hr, newTraineeIn(homeDepartment(), "000123", "卓玛"));
        assertThat(created.staffNo()).isEqualTo("000123");
    }

    @Test
    void hrSavesADepartment() {
        var home = homeDepartment().department();
        var saved = people.saveDepartment(hr, Department.home(home.id(), home.hospitalId(), home.name(),
                home.headcount() + 2, home.minOnDuty()));
        assertThat(saved.headcount()).isEqualTo(home.headcount() + 2);
        assertThat(audit().get(audit().size() - 1).action()).isEqualTo("DEPARTMENT_SAVED");
    }

    @Test
    void hrCreatesAHospitalAndRenamesIt() {
        var created = people.saveHospital(hr, new Hospital(0, "ལྷ་ས་མི་དམངས་སྨན་ཁང", HospitalKind.HOME));
        var renamed = people.saveHospital(hr, new Hospital(created.id(), "拉萨市人民医院", HospitalKind.HOME));
        assertThat(renamed.name()).isEqualTo("拉萨市人民医院");
        assertThat(audit()).extracting(AuditEntry::action).endsWith("HOSPITAL_SAVED", "HOSPITAL_SAVED");
    }

    @Test
    void mentorsDeploymentsAreReplacedAsASet() {
        var row = people.mentors(hr).get(0);
        var stays = List.of(DateRange.of(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 8, 31)),
                DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)));
        var saved = people.saveMentor(hr, row.mentor(), stays);
        assertThat(saved.deployments()).extracting(d -> d.range()).containsExactly(stays.get(1), stays.get(0));
        var listed = people.mentors(hr).stream().filter(r -> r.mentor().id() == row.mentor().id()).findFirst().orElseThrow();
        assertThat(listed.deployments()).extracting(d -> d.range()).containsExactly(stays.get(1), stays.get(0));
        assertThat(audit().get(audit().size() - 1).detail()).contains("deployments=2");
    }

    // --- validation ---

    @Test
    void staffNumberTakenInTheSameHospitalIsRefused() {
        var rows = people.trainees(hr);
        var first = rows.get(0).trainee();
        var other = rows.stream().map(TraineeRow::trainee)
                .filter(t -> t.hospitalId() == first.hospitalId() && t.id() != first.id()).findFirst().orElseThrow();
        var before = snapshot();
        assertThatThrownBy(() -> people.saveTrainee(hr, withStaffNo(other, first.staffNo())))
                .isInstanceOfSatisfying(InvalidInputException.class, key("people.trainee.staffNoTaken"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void phoneWithLettersIsRefused() {
        var t = firstTrainee().trainee();
        var bad = new Trainee(t.id(), t.hospitalId(), t.departmentId(), t.staffNo(), t.name(), t.profession(),
                t.title(), "call me", t.earliestStart(), t.notes());
        assertThatThrownBy(() -> people.saveTrainee(hr, bad))
                .isInstanceOfSatisfying(InvalidInputException.class, key("people.trainee.phoneInvalid"));
    }

    @Test
    void traineeInAPartnerDepartmentIsRefused() {
        var partner = people.departments(hr).stream().filter(r -> r.department().kind() == HospitalKind.PARTNER)
                .findFirst().orElseThrow().department();
        var t = new Trainee(0, partner.hospitalId(), partner.id(), "P1", "Somebody", Profession.DOCTOR, null, null,
                null, null);
        assertThatThrownBy(() -> people.saveTrainee(hr, t))
                .isInstanceOfSatisfying(InvalidInputException.class, key("people.trainee.departmentNotHome"));
    }

    @Test
    void tooLongNameIsRefused() {
        assertThatThrownBy(() -> people.saveTrainee(hr, newTraineeIn(homeDepartment(), "L1", "扎".repeat(201))))
                .isInstanceOfSatisfying(InvalidInputException.class, key("people.nameTooLong"));
    }

    @Test
    void departmentNameTakenInItsHospitalIsRefused() {
        var rows = people.departments(hr).stream().filter(r -> r.department().kind() == HospitalKind.HOME).toList();
        var a = rows.get(0).department();
        var b = rows.stream().map(DepartmentRow::department)
                .filter(d -> d.hospitalId() == a.hospitalId() && d.id() != a.id()).findFirst().orElseThrow();
        assertThatThrownBy(() -> people.saveDepartment(hr, Department.home(b.id(), b.hospitalId(), a.name(),
                b.headcount(), b.minOnDuty())))
                .isInstanceOfSatisfying(InvalidInputException.class, key("people.department.nameTaken"));
    }

    @Test
    void departmentMovedToAnotherHospitalIsRefused() {
        var rows = people.departments(hr).stream().filter(r -> r.department().kind() == HospitalKind.HOME).toList();
        var a = rows.get(0).department();
        var otherHospital = rows.stream().map(DepartmentRow::department).filter(d -> d.hospitalId() != a.hospitalId())
                .findFirst().orElseThrow().hospitalId();
        assertThatThrownBy(() -> people.saveDepartment(hr, Department.home(a.id(), otherHospital, "新科室",
                a.headcount(), a.minOnDuty())))
                .isInstanceOfSatisfying(InvalidInputException.class, key("people.department.hospitalLocked"));
    }

    @Test
    void mentorServingAnUnpairedHospitalIsRefused() {
        var row = people.mentors(hr).get(0);
        var unpaired = people.departments(hr).stream().map(DepartmentRow::department)
                .filter(d -> d.kind() == HospitalKind.HOME && !row.homeHospitalName().equals(
                        people.departments(hr).stream().filter(r -> r.department().id() == d.id()).findFirst()
                                .orElseThrow().hospitalName()))
                .findFirst().orElseThrow();
        var m = row.mentor();
        var moved = new Mentor(m.id(), m.partnerHospitalId(), unpaired.id(), m.staffNo(), m.name(), m.capacity());
        var before = snapshot();
        assertThatThrownBy(() -> people.saveMentor(hr, moved, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, key("people.mentor.notPaired"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void hospitalNameTakenIsRefused() {
        var hospitals = people.hospitals(hr);
        assertThatThrownBy(() -> people.saveHospital(hr, new Hospital(0, hospitals.get(0).hospital().name(),
                HospitalKind.PARTNER)))
                .isInstanceOfSatisfying(InvalidInputException.class, key("people.hospital.nameTaken"));
    }

    @Test
    void hospitalKindCannotChange() {
        var home = people.hospitals(hr).get(0).hospital();
        assertThatThrownBy(() -> people.saveHospital(hr, new Hospital(home.id(), home.name(), HospitalKind.PARTNER)))
                .isInstanceOfSatisfying(InvalidInputException.class, key("people.hospital.kindLocked"));
    }

    // --- order ---

    @Test
    void namesSortLatinThenHanByPinyinThenTibetan() {
        var sorted = Stream.of("བཀྲ་ཤིས", "王丽", "Anna", "扎西次仁", "阿旺", "ཀུན་བཟང", "李明", "Zoe")
                .sorted(NameOrder.names()).toList();
        assertThat(sorted).containsExactly("Anna", "Zoe", "阿旺", "李明", "王丽", "扎西次仁", "ཀུན་བཟང", "བཀྲ་ཤིས");
    }

    @Test
    void traineesComeInNameOrderWithTibetanNamesLast() {
        var names = people.trainees(hr).stream().map(row -> row.trainee().name()).toList();
        assertThat(names).isSortedAccordingTo(NameOrder.names());
        var firstTibetan = names.indexOf(names.stream().filter(n -> n.codePointAt(0) >= 0x0F00 && n.codePointAt(0) <= 0x0FFF)
                .findFirst().orElseThrow());
        assertThat(names.subList(firstTibetan, names.size())).allMatch(n -> n.codePointAt(0) >= 0x0F00);
    }

    @Test
    void hospitalsListHomeHospitalsFirstWithTheirPartners() {
        var rows = people.hospitals(hr);
        assertThat(rows).extracting(row -> row.hospital().kind())
                .containsExactly(HospitalKind.HOME, HospitalKind.HOME, HospitalKind.PARTNER, HospitalKind.PARTNER);
        assertThat(rows).allSatisfy(row -> assertThat(row.partners()).hasSize(1));
    }
}
