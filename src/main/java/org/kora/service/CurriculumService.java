package org.kora.service;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;

import org.kora.domain.Competency;
import org.kora.domain.HospitalKind;
import org.kora.domain.Permission;
import org.kora.store.AuditDao;
import org.kora.store.CompetencyDao;
import org.kora.store.DepartmentDao;
import org.kora.store.Store;
import org.kora.store.Tx;

/**
 * Home departments' curricula: the competencies a trainee of the department is signed off on, in
 * the order HR put them. Anyone who may see people or sign-offs reads a curriculum; only those who
 * may edit curricula (HR planners and administrators) change one. Each call is one transaction,
 * and each change writes one audit line.
 *
 * <p>Names are unique within a department, in Chinese and in English alike. A competency that any
 * sign-off names is never removed, since sign-offs are never deleted; its required count and
 * achieved level may still change, and every trainee's progress is then counted against the new
 * values (progress is computed from the sign-offs on each read, never stored).
 */
public final class CurriculumService {
    private final Store store;
    private final Clock clock;

    public CurriculumService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A department's competencies in their order; empty for a department with none (or no home department). */
    public List<Competency> curriculum(Session who, long departmentId) {
        if (!who.may(Permission.VIEW_PEOPLE)) {
            who.require(Permission.VIEW_SIGNOFFS);
        }
        return store.inTransaction(tx -> tx.dao(CompetencyDao.class).listOf(departmentId));
    }

    /**
     * Adds a competency (id 0) at the end of its department's list, or changes one in place; a
     * competency stays in the department it was added to.
     */
    public Competency save(Session who, CompetencyDraft draft) {
        who.require(Permission.EDIT_CURRICULA);
        CurriculumRules.check(draft);
        var category = draft.category() == null || draft.category().isBlank() ? null : draft.category().strip();
        var nameZh = draft.nameZh().strip();
        var nameEn = draft.nameEn().strip();
        return store.inTransaction(tx -> {
            tx.dao(DepartmentDao.class).find(draft.departmentId()).filter(d -> d.kind() == HospitalKind.HOME)
                    .orElseThrow(() -> new InvalidInputException("curricula.departmentNotHome"));
            var competencies = tx.dao(CompetencyDao.class);
            for (var other : competencies.listOf(draft.departmentId())) {
                if (other.id() == draft.id()) {
                    continue;
                }
                if (other.nameZh().equals(nameZh)) {
                    throw new InvalidInputException("curricula.nameZhTaken", nameZh);
                }
                if (other.nameEn().equals(nameEn)) {
                    throw new InvalidInputException("curricula.nameEnTaken", nameEn);
                }
            }
            long id;
            if (draft.id() == 0) {
                id = competencies.insert(new Competency(0, draft.departmentId(), nameZh, nameEn, category,
                        draft.requiredCount(), draft.achievedLevel(), competencies.nextSortOrder(draft.departmentId())));
                audit(tx, who, "COMPETENCY_ADDED", "id=" + id + " department=" + draft.departmentId() + " nameEn=" + nameEn
                        + " required=" + draft.requiredCount() + " level=" + draft.achievedLevel());
            } else {
                var stored = competencies.find(draft.id())
                        .orElseThrow(() -> new InvalidInputException("curricula.notFound"));
                if (stored.departmentId() != draft.departmentId()) {
                    throw new InvalidInputException("curricula.departmentLocked");
                }
                id = stored.id();
                competencies.update(new Competency(id, stored.departmentId(), nameZh, nameEn, category,
                        draft.requiredCount(), draft.achievedLevel(), stored.sortOrder()));
                audit(tx, who, "COMPETENCY_CHANGED", "id=" + id + " department=" + stored.departmentId() + " nameEn="
                        + nameEn + " required=" + stored.requiredCount() + "->" + draft.requiredCount() + " level="
                        + stored.achievedLevel() + "->" + draft.achievedLevel());
            }
            return competencies.find(id).orElseThrow();
        });
    }

    /** Removes a competency that no sign-off names; the others keep their order. */
    public void remove(Session who, long competencyId) {
        who.require(Permission.EDIT_CURRICULA);
        store.inTransaction(tx -> {
            var competencies = tx.dao(CompetencyDao.class);
            var stored = competencies.find(competencyId)
                    .orElseThrow(() -> new InvalidInputException("curricula.notFound"));
            var signOffs = competencies.signOffCount(competencyId);
            if (signOffs > 0) {
                throw new InvalidInputException("curricula.inUse", stored.nameZh(), stored.nameEn(), signOffs);
            }
            competencies.delete(competencyId);
            audit(tx, who, "COMPETENCY_REMOVED", "id=" + competencyId + " department=" + stored.departmentId()
                    + " nameEn=" + stored.nameEn());
            return null;
        });
    }

    /**
     * Puts a department's competencies in the order of {@code order}, which must name each of them
     * once; a list read before someone else added or removed one is refused.
     */
    public List<Competency> reorder(Session who, long departmentId, List<Long> order) {
        who.require(Permission.EDIT_CURRICULA);
        return store.inTransaction(tx -> {
            var competencies = tx.dao(CompetencyDao.class);
            var stored = competencies.listOf(departmentId).stream().map(Competency::id).toList();
            if (order.size() != stored.size() || !new HashSet<>(order).equals(new HashSet<>(stored))) {
                throw new InvalidInputException("curricula.orderChanged");
            }
            for (var i = 0; i < order.size(); i++) {
                competencies.moveTo(order.get(i), i + 1);
            }
            audit(tx, who, "CURRICULUM_REORDERED", "department=" + departmentId + " order=" + order);
            return competencies.listOf(departmentId);
        });
    }

    private void audit(Tx tx, Session who, String action, String detail) {
        tx.dao(AuditDao.class).record(clock.instant(), who.user().username(), action, detail);
    }
}
