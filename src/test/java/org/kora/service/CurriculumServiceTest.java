package org.kora.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Competency;
import org.kora.domain.HospitalKind;
import org.kora.domain.Messages;
import org.kora.domain.SignOffLevel;
import org.kora.store.AuditDao;
import org.kora.store.AuditEntry;
import org.kora.store.CompetencyDao;
import org.kora.store.DatabaseFile;
import org.kora.store.DepartmentDao;
import org.kora.store.SignOffDao;
import org.kora.store.Store;

class CurriculumServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dir;

    private Store store;
    private CurriculumService curricula;
    private Session admin;
    private Session hr;
    private Session manager;
    private Session mentor;
    /** A home department of the demo with a curriculum and sign-offs. */
    private long department;

    @BeforeEach
    void createDemo() {
        store = Store.create(DatabaseFile.of(dir.resolve("kora")));
        var hasher = new PasswordHasher(1000);
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        new DemoService(store, hasher, clock).populate();
        var auth = new AuthService(store, hasher, clock);
        curricula = new CurriculumService(store, clock);
        admin = auth.signIn("admin", "demo".toCharArray());
        hr = auth.signIn("hr", "demo".toCharArray());
        manager = auth.signIn("manager", "demo".toCharArray());
        mentor = auth.signIn("mentor", "demo".toCharArray());
        department = store.inTransaction(tx -> {
            var signedOff = tx.dao(SignOffDao.class).list().get(0).competencyId();
            return tx.dao(CompetencyDao.class).find(signedOff).orElseThrow().departmentId();
        });
        // the demo's finished trainees completed their curricula: one competency nobody has performed yet
        curricula.save(hr, draft("外周静脉置管", "Peripheral venous cannulation", 5, SignOffLevel.INDEPENDENT));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Everything a curriculum change could write, to show that a refused call wrote nothing. */
    private record Snapshot(List<Competency> competencies, List<AuditEntry> audit) {
    }

    private Snapshot snapshot() {
        return store.inTransaction(tx -> new Snapshot(tx.dao(CompetencyDao.class).list(), tx.dao(AuditDao.class).list()));
    }

    private List<Competency> curriculum() {
        return curricula.curriculum(hr, department);
    }

    private Competency unused() {
        var used = store.inTransaction(tx -> tx.dao(SignOffDao.class).list()).stream().map(s -> s.competencyId()).toList();
        return curriculum().stream().filter(c -> !used.contains(c.id())).findFirst().orElseThrow();
    }

    private Competency used() {
        var used = store.inTransaction(tx -> tx.dao(SignOffDao.class).list()).stream().map(s -> s.competencyId()).toList();
        return curriculum().stream().filter(c -> used.contains(c.id())).findFirst().orElseThrow();
    }

    private CompetencyDraft draft(String nameZh, String nameEn, Integer required, SignOffLevel level) {
        return new CompetencyDraft(0, department, nameZh, nameEn, "操作", required, level);
    }

    private void refusedWithNothingWritten(Runnable call, String key) {
        var before = snapshot();
        assertThatThrownBy(call::run).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).messageKey()).isEqualTo(key));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void everyoneWhoSeesPeopleOrSignOffsReadsACurriculumInItsOrder() {
        var listed = curricula.curriculum(manager, department);
        assertThat(listed).hasSizeGreaterThanOrEqualTo(5);
        assertThat(listed).extracting(Competency::sortOrder).isSorted();
        assertThat(curricula.curriculum(mentor, department)).isEqualTo(listed);
        assertThat(curricula.curriculum(admin, department)).isEqualTo(listed);
    }

    @Test
    void hrAddsACompetencyAtTheEndAndTheAdditionIsAudited() {
        var before = curriculum();
        var added = curricula.save(hr, draft(" 腰椎穿刺 ", " Lumbar puncture ", 4, SignOffLevel.SUPERVISED));
        assertThat(added.nameZh()).isEqualTo("腰椎穿刺");
        assertThat(added.nameEn()).isEqualTo("Lumbar puncture");
        assertThat(curriculum()).hasSize(before.size() + 1).last().isEqualTo(added);
        assertThat(snapshot().audit()).last().usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(new AuditEntry(0, NOW, "hr", "COMPETENCY_ADDED", "id=" + added.id() + " department="
                        + department + " nameEn=Lumbar puncture required=4 level=SUPERVISED"));
    }

    @Test
    void administratorMayEditCurriculaToo() {
        var added = curricula.save(admin, draft("腰椎穿刺", "Lumbar puncture", 4, SignOffLevel.SUPERVISED));
        assertThat(curriculum()).contains(added);
    }

    @Test
    void aBlankCategoryIsStoredAsNone() {
        var added = curricula.save(hr, new CompetencyDraft(0, department, "腰椎穿刺", "Lumbar puncture", "  ", 4,
                SignOffLevel.SUPERVISED));
        assertThat(added.category()).isNull();
    }

    @Test
    void managerMayNotChangeACurriculumAndNothingIsWritten() {
        var before = snapshot();
        var item = unused();
        assertThatThrownBy(() -> curricula.save(manager, draft("腰椎穿刺", "Lumbar puncture", 4, SignOffLevel.SUPERVISED)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> curricula.remove(manager, item.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> curricula.reorder(manager, department, curriculum().stream().map(Competency::id).toList()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void mentorMayNotChangeACurriculumAndNothingIsWritten() {
        var before = snapshot();
        var item = unused();
        assertThatThrownBy(() -> curricula.save(mentor, CompetencyDraft.of(item))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> curricula.remove(mentor, item.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void bothNamesAreRequired() {
        refusedWithNothingWritten(() -> curricula.save(hr, draft(" ", "Lumbar puncture", 4, SignOffLevel.SUPERVISED)),
                "curricula.nameZhMissing");
        refusedWithNothingWritten(() -> curricula.save(hr, draft("腰椎穿刺", null, 4, SignOffLevel.SUPERVISED)),
                "curricula.nameEnMissing");
    }

    @Test
    void namesAndCategoryHaveTheColumnsLengths() {
        refusedWithNothingWritten(() -> curricula.save(hr, draft("穿".repeat(201), "Lumbar puncture", 4,
                SignOffLevel.SUPERVISED)), "curricula.nameZhTooLong");
        refusedWithNothingWritten(() -> curricula.save(hr, draft("腰椎穿刺", "a".repeat(201), 4,
                SignOffLevel.SUPERVISED)), "curricula.nameEnTooLong");
        refusedWithNothingWritten(() -> curricula.save(hr, new CompetencyDraft(0, department, "腰椎穿刺", "Lumbar puncture",
                "c".repeat(101), 4, SignOffLevel.SUPERVISED)), "curricula.categoryTooLong");
    }

    @Test
    void theRequiredCountIsAWholeNumberOfAtLeastOne() {
        refusedWithNothingWritten(() -> curricula.save(hr, draft("腰椎穿刺", "Lumbar puncture", 0, SignOffLevel.SUPERVISED)),
                "curricula.requiredInvalid");
        refusedWithNothingWritten(() -> curricula.save(hr, draft("腰椎穿刺", "Lumbar puncture", null,
                SignOffLevel.SUPERVISED)), "curricula.requiredInvalid");
    }

    @Test
    void theLevelIsRequired() {
        refusedWithNothingWritten(() -> curricula.save(hr, draft("腰椎穿刺", "Lumbar puncture", 4, null)),
                "curricula.levelMissing");
    }

    @Test
    void refusalsSayWhichFieldInTheUsersLanguage() {
        var refusal = new InvalidInputException("curricula.nameZhTaken", "腰椎穿刺");
        assertThat(Messages.english().format(refusal.messageKey(), refusal.messageArgs())).contains("Chinese name")
                .contains("腰椎穿刺");
    }

    @Test
    void eachNameIsUniqueWithinTheDepartment() {
        var taken = curriculum().get(0);
        refusedWithNothingWritten(() -> curricula.save(hr, draft(taken.nameZh(), "Something else", 4,
                SignOffLevel.SUPERVISED)), "curricula.nameZhTaken");
        refusedWithNothingWritten(() -> curricula.save(hr, draft("别的项目", taken.nameEn(), 4, SignOffLevel.SUPERVISED)),
                "curricula.nameEnTaken");
    }

    @Test
    void theSameNamesMayServeAnotherDepartment() {
        var taken = curriculum().get(0);
        var other = store.inTransaction(tx -> tx.dao(DepartmentDao.class).list()).stream()
                .filter(d -> d.kind() == HospitalKind.HOME && d.id() != department).findFirst().orElseThrow();
        var added = curricula.save(hr, new CompetencyDraft(0, other.id(), taken.nameZh(), taken.nameEn(), null, 2,
                SignOffLevel.ASSISTED));
        assertThat(curricula.curriculum(hr, other.id())).contains(added);
    }

    @Test
    void onlyAHomeDepartmentHasACurriculum() {
        var partner = store.inTransaction(tx -> tx.dao(DepartmentDao.class).list()).stream()
                .filter(d -> d.kind() == HospitalKind.PARTNER).findFirst().orElseThrow();
        refusedWithNothingWritten(() -> curricula.save(hr, new CompetencyDraft(0, partner.id(), "腰椎穿刺",
                "Lumbar puncture", null, 4, SignOffLevel.SUPERVISED)), "curricula.departmentNotHome");
    }

    @Test
    void aCompetencyInUseMayChangeItsCountAndLevelInPlace() {
        var item = used();
        var changed = curricula.save(hr, new CompetencyDraft(item.id(), department, item.nameZh(), item.nameEn(),
                item.category(), item.requiredCount() + 5, SignOffLevel.INDEPENDENT));
        assertThat(changed.requiredCount()).isEqualTo(item.requiredCount() + 5);
        assertThat(changed.achievedLevel()).isEqualTo(SignOffLevel.INDEPENDENT);
        assertThat(changed.sortOrder()).isEqualTo(item.sortOrder());
        assertThat(snapshot().audit()).last().extracting(AuditEntry::action).isEqualTo("COMPETENCY_CHANGED");
    }

    @Test
    void aCompetencyKeepsItsNamesWhenSavedUnchanged() {
        var item = unused();
        assertThat(curricula.save(hr, CompetencyDraft.of(item))).isEqualTo(item);
    }

    @Test
    void aCompetencyStaysInItsDepartment() {
        var item = unused();
        var other = store.inTransaction(tx -> tx.dao(DepartmentDao.class).list()).stream()
                .filter(d -> d.kind() == HospitalKind.HOME && d.id() != department).findFirst().orElseThrow();
        refusedWithNothingWritten(() -> curricula.save(hr, new CompetencyDraft(item.id(), other.id(), "新名称", "New name",
                null, 2, SignOffLevel.ASSISTED)), "curricula.departmentLocked");
    }

    @Test
    void anUnusedCompetencyIsRemovedAndTheRemovalAudited() {
        var item = unused();
        curricula.remove(hr, item.id());
        assertThat(curriculum()).doesNotContain(item);
        assertThat(snapshot().audit()).last().extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly("COMPETENCY_REMOVED", "id=" + item.id() + " department=" + department + " nameEn="
                        + item.nameEn());
    }

    @Test
    void aCompetencyThatSignOffsNameIsNotRemoved() {
        var item = used();
        refusedWithNothingWritten(() -> curricula.remove(hr, item.id()), "curricula.inUse");
    }

    @Test
    void removingAMissingCompetencySaysSo() {
        refusedWithNothingWritten(() -> curricula.remove(hr, 987_654), "curricula.notFound");
    }

    @Test
    void reorderPutsTheCompetenciesInTheGivenOrder() {
        var ids = new ArrayList<>(curriculum().stream().map(Competency::id).toList());
        Collections.reverse(ids);
        var reordered = curricula.reorder(hr, department, ids);
        assertThat(reordered).extracting(Competency::id).containsExactlyElementsOf(ids);
        assertThat(curriculum()).extracting(Competency::id).containsExactlyElementsOf(ids);
        assertThat(snapshot().audit()).last().extracting(AuditEntry::action).isEqualTo("CURRICULUM_REORDERED");
    }

    @Test
    void reorderOfAListThatChangedMeanwhileIsRefused() {
        var ids = curriculum().stream().map(Competency::id).toList();
        refusedWithNothingWritten(() -> curricula.reorder(hr, department, ids.subList(1, ids.size())),
                "curricula.orderChanged");
        var withStranger = new ArrayList<>(ids.subList(1, ids.size()));
        withStranger.add(987_654L);
        refusedWithNothingWritten(() -> curricula.reorder(hr, department, withStranger), "curricula.orderChanged");
    }

    @Test
    void aNewCompetencyFollowsTheLastOneAfterAReorder() {
        var ids = new ArrayList<>(curriculum().stream().map(Competency::id).toList());
        Collections.reverse(ids);
        curricula.reorder(hr, department, ids);
        var added = curricula.save(hr, draft("腰椎穿刺", "Lumbar puncture", 4, SignOffLevel.SUPERVISED));
        assertThat(curriculum()).last().isEqualTo(added);
    }
}
