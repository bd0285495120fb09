package org.kora.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

import org.kora.domain.Block;
import org.kora.domain.BlockKind;
import org.kora.domain.Cohort;
import org.kora.domain.Permission;
import org.kora.planning.AutoPlanner;
import org.kora.planning.PlannerOptions;
import org.kora.planning.PlannerProgress;
import org.kora.store.AuditDao;
import org.kora.store.CohortDao;
import org.kora.store.Store;
import org.kora.store.Tx;

/**
 * Plans a cohort in the database, for those who may plan cohorts (administrators, HR planners):
 * the cohort's problem is read as {@link CohortSnapshot} describes, the auto-planner places its
 * rotations, and a {@link PlanPreview} shows every change before anything is written. Applying a
 * preview rewrites the changed rotations' blocks in one transaction with one audit line, and
 * refuses if the database changed since the preview was made; an apply can be undone the same way.
 */
public final class CohortPlanningService {
    private final Store store;
    private final Clock clock;

    public CohortPlanningService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Every cohort, by name. */
    public List<Cohort> cohorts(Session who) {
        who.require(Permission.PLAN_COHORTS);
        return store.inTransaction(tx -> tx.dao(CohortDao.class).list().stream()
                .sorted(Comparator.comparing(Cohort::name, NameOrder.names())).toList());
    }

    /** The cohort of that name; refused with {@code cohort.notFound} if there is none. */
    public Cohort findByName(Session who, String name) {
        who.require(Permission.PLAN_COHORTS);
        var wanted = name.strip();
        return store.inTransaction(tx -> tx.dao(CohortDao.class).findByName(wanted))
                .orElseThrow(() -> new InvalidInputException("cohort.notFound", wanted));
    }

    /** Plans the cohort and returns the preview; writes nothing. */
    public PlanPreview plan(Session who, long cohortId, PlannerOptions options, PlannerProgress progress) {
        who.require(Permission.PLAN_COHORTS);
        var snapshot = store.inTransaction(tx -> CohortSnapshot.read(tx, cohortId, today()));
        var plan = new AutoPlanner().plan(snapshot.problem, options, progress);
        return snapshot.preview(plan);
    }

    /**
     * Writes the preview's changes: each changed rotation loses its blocks and, unless unplanned,
     * gets an off-site block at its host department and an on-site block at the trainee's home
     * department with the mentor. Refused with {@code cohort.stalePreview}, writing nothing, if the
     * cohort's problem or blocks are no longer what the preview was made from.
     */
    public PlanUndo apply(Session who, PlanPreview preview) {
        who.require(Permission.PLAN_COHORTS);
        var cohort = preview.cohort();
        return store.inTransaction(tx -> {
            var now = CohortSnapshot.read(tx, cohort.id(), today());
            if (!now.problem.equals(preview.problem()) || !now.cohortBlocks.equals(preview.cohortBlocks())) {
                throw new InvalidInputException("cohort.stalePreview", cohort.name());
            }
            var blocks = tx.dao(CohortDao.class);
            var rotationIds = new ArrayList<Long>();
            var previous = new ArrayList<Block>();
            var applied = new ArrayList<Block>();
            for (var row : preview.changes()) {
                rotationIds.add(row.rotationId());
                previous.addAll(blocks.blocksOfRotation(row.rotationId()));
                blocks.deleteBlocks(row.rotationId());
                var after = row.after();
                if (after != null) {
                    blocks.insertBlock(new Block(0, row.rotationId(), BlockKind.OFF_SITE, after.offSite().from(),
                            after.offSite().to(), row.hostDepartmentId(), null));
                    blocks.insertBlock(new Block(0, row.rotationId(), BlockKind.ON_SITE, after.onSite().from(),
                            after.onSite().to(), row.homeDepartmentId(), after.mentorId()));
                }
                applied.addAll(blocks.blocksOfRotation(row.rotationId()));
            }
            audit(tx, who, "PLAN_APPLIED", "cohort=" + cohort.id() + " name=" + cohort.name()
                    + " new=" + preview.count(PlanRowKind.NEW) + " moved=" + preview.count(PlanRowKind.MOVED)
                    + " newMentor=" + preview.count(PlanRowKind.NEW_MENTOR)
                    + " unplanned=" + preview.count(PlanRowKind.UNPLANNED) + " rewritten=" + rotationIds.size());
            return new PlanUndo(cohort.id(), cohort.name(), rotationIds, previous, applied);
        });
    }

    /**
     * Puts back the blocks an apply replaced, with their ids. Refused with {@code cohort.staleUndo},
     * writing nothing, if those rotations' blocks are no longer the ones the apply wrote.
     */
    public void undo(Session who, PlanUndo undo) {
        who.require(Permission.PLAN_COHORTS);
        store.inTransaction(tx -> {
            var blocks = tx.dao(CohortDao.class);
            var current = new HashSet<Block>();
            undo.rotationIds().forEach(id -> current.addAll(blocks.blocksOfRotation(id)));
            if (!current.equals(new HashSet<>(undo.applied()))) {
                throw new InvalidInputException("cohort.staleUndo", undo.cohortName());
            }
            undo.rotationIds().forEach(blocks::deleteBlocks);
            undo.previous().forEach(blocks::restoreBlock);
            audit(tx, who, "PLAN_UNDONE", "cohort=" + undo.cohortId() + " name=" + undo.cohortName()
                    + " rewritten=" + undo.rotationIds().size());
            return null;
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void audit(Tx tx, Session who, String action, String detail) {
        tx.dao(AuditDao.class).record(clock.instant(), who.user().username(), action, detail);
    }
}
