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
import org.kora.domain.HospitalKind;
import org.kora.domain.Permission;
import org.kora.domain.ProgramTemplate;
import org.kora.domain.Rotation;
import org.kora.planning.AutoPlanner;
import org.kora.planning.PlannerOptions;
import org.kora.planning.PlannerProgress;
import org.kora.planning.RePlanner;
import org.kora.store.AuditDao;
import org.kora.store.CohortDao;
import org.kora.store.DepartmentDao;
import org.kora.store.Store;
import org.kora.store.TraineeDao;
import org.kora.store.Tx;

/**
 * Plans a cohort in the database, for those who may plan cohorts (administrators, HR planners):
 * the cohort's problem is read as {@link CohortSnapshot} describes, the auto-planner places its
 * rotations, and a {@link PlanPreview} shows every change before anything is written. Applying a
 * preview rewrites the changed rotations' blocks in one transaction with one audit line, and
 * refuses if the database changed since the preview was made; an apply can be undone the same way.
 */
public final class CohortPlanningService {
    private static final int MAX_NAME = 200;

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

    /**
     * Creates an empty cohort; refused with {@code cohort.nameTaken} if another has that name. The
     * template's limits are the domain's ({@link ProgramTemplate}).
     */
    public Cohort createCohort(Session who, String name, ProgramTemplate template) {
        who.require(Permission.PLAN_COHORTS);
        var clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("cohort.nameMissing");
        }
        if (clean.length() > MAX_NAME) {
            throw new InvalidInputException("cohort.nameTooLong", MAX_NAME);
        }
        return store.inTransaction(tx -> {
            var cohorts = tx.dao(CohortDao.class);
            if (cohorts.findByName(clean).isPresent()) {
                throw new InvalidInputException("cohort.nameTaken", clean);
            }
            var id = cohorts.insert(new Cohort(0, clean, template.offSiteMonths(), template.onSiteMonths(),
                    template.travelDays(), template.startRule()));
            audit(tx, who, "COHORT_CREATED", "cohort=" + id + " name=" + clean);
            return cohorts.find(id).orElseThrow();
        });
    }

    /**
     * Adds a trainee to a cohort ({@code rotation}'s id is 0): its partner department, and the
     * trainee's window in this cohort. Refused if the trainee is in the cohort already
     * ({@code cohort.traineeTwice}) or the department is not a partner department ({@code cohort.hostNotPartner}).
     */
    public Rotation addRotation(Session who, Rotation rotation) {
        who.require(Permission.PLAN_COHORTS);
        return store.inTransaction(tx -> {
            var cohorts = tx.dao(CohortDao.class);
            var cohort = cohorts.find(rotation.cohortId())
                    .orElseThrow(() -> new InvalidInputException("cohort.notFound", String.valueOf(rotation.cohortId())));
            var trainee = tx.dao(TraineeDao.class).find(rotation.traineeId())
                    .orElseThrow(() -> new InvalidInputException("cohort.traineeMissing"));
            var host = tx.dao(DepartmentDao.class).find(rotation.hostDepartmentId())
                    .filter(department -> department.kind() == HospitalKind.PARTNER)
                    .orElseThrow(() -> new InvalidInputException("cohort.hostNotPartner"));
            if (cohorts.rotationsOf(cohort.id()).stream().anyMatch(other -> other.traineeId() == trainee.id())) {
                throw new InvalidInputException("cohort.traineeTwice", trainee.name(), cohort.name());
            }
            var id = cohorts.insertRotation(new Rotation(0, cohort.id(), trainee.id(), host.id(), rotation.earliestStart(),
                    rotation.latestEnd(), false));
            audit(tx, who, "ROTATION_ADDED", "cohort=" + cohort.id() + " rotation=" + id + " trainee=" + trainee.id()
                    + " host=" + host.id());
            return cohorts.rotationsOf(cohort.id()).stream().filter(added -> added.id() == id).findFirst().orElseThrow();
        });
    }

    /**
     * Takes a trainee out of a cohort, with the rotation's blocks. Refused with {@code cohort.rotationFixed}
     * for a confirmed rotation or one whose off-site block has started: that is history, not a plan.
     */
    public void removeRotation(Session who, long rotationId) {
        who.require(Permission.PLAN_COHORTS);
        store.inTransaction(tx -> {
            var cohorts = tx.dao(CohortDao.class);
            var rotation = cohorts.rotations().stream().filter(candidate -> candidate.id() == rotationId).findFirst()
                    .orElseThrow(() -> new InvalidInputException("cohort.rotationMissing"));
            var started = cohorts.blocksOfRotation(rotationId).stream().anyMatch(block -> !block.from().isAfter(today()));
            if (rotation.confirmed() || started) {
                throw new InvalidInputException("cohort.rotationFixed");
            }
            cohorts.deleteBlocks(rotationId);
            cohorts.deleteRotation(rotationId);
            audit(tx, who, "ROTATION_REMOVED", "cohort=" + rotation.cohortId() + " rotation=" + rotationId
                    + " trainee=" + rotation.traineeId());
            return null;
        });
    }

    /**
     * Confirms a planned rotation (agreed with the partner hospital: the planner never moves it
     * again) or takes the confirmation back. Refused with {@code cohort.confirmNeedsBlocks} for a
     * rotation without both blocks: there is nothing to keep.
     */
    public void confirm(Session who, long rotationId, boolean confirmed) {
        who.require(Permission.PLAN_COHORTS);
        store.inTransaction(tx -> {
            var cohorts = tx.dao(CohortDao.class);
            var rotation = cohorts.rotations().stream().filter(candidate -> candidate.id() == rotationId).findFirst()
                    .orElseThrow(() -> new InvalidInputException("cohort.rotationMissing"));
            if (confirmed && cohorts.blocksOfRotation(rotationId).size() < 2) {
                throw new InvalidInputException("cohort.confirmNeedsBlocks");
            }
            cohorts.setConfirmed(rotationId, confirmed);
            audit(tx, who, confirmed ? "ROTATION_CONFIRMED" : "ROTATION_UNCONFIRMED",
                    "cohort=" + rotation.cohortId() + " rotation=" + rotationId);
            return null;
        });
    }

    /**
     * The cohorts as they stand, in the form of a preview that changes nothing: planned rotations are
     * {@link PlanRowKind#UNCHANGED}, those without blocks {@link PlanRowKind#UNPLANNED} (reason
     * {@code cohort.notPlannedYet}), confirmed or started ones {@link PlanRowKind#PINNED}; the
     * conflicts are those of the blocks as saved, against everything else planned.
     */
    public PlanPreview current(Session who, List<Long> cohortIds) {
        who.require(Permission.PLAN_COHORTS);
        var snapshot = store.inTransaction(tx -> CohortSnapshot.read(tx, cohortIds, today()));
        return snapshot.preview(snapshot.currentPlan());
    }

    /** Plans the cohorts afresh, together, and returns the preview; writes nothing. */
    public PlanPreview plan(Session who, List<Long> cohortIds, PlannerOptions options, PlannerProgress progress) {
        who.require(Permission.PLAN_COHORTS);
        var snapshot = store.inTransaction(tx -> CohortSnapshot.read(tx, cohortIds, today()));
        var plan = new AutoPlanner().plan(snapshot.problem, options, progress);
        return snapshot.preview(plan);
    }

    /**
     * Re-plans the cohorts with as few changes as possible ({@link RePlanner}): after a deployment was
     * shortened, leave was taken or a department shrank, only what broke moves. Writes nothing.
     */
    public PlanPreview rePlan(Session who, List<Long> cohortIds, PlannerOptions options, PlannerProgress progress) {
        who.require(Permission.PLAN_COHORTS);
        var snapshot = store.inTransaction(tx -> CohortSnapshot.read(tx, cohortIds, today()));
        var rePlan = new RePlanner().rePlan(snapshot.problem, snapshot.currentPlan(), options, progress);
        return snapshot.preview(rePlan.plan());
    }

    /**
     * Writes the preview's changes: each changed rotation loses its blocks and, unless unplanned,
     * gets an off-site block at its host department and an on-site block at the trainee's home
     * department with the mentor. Refused with {@code cohort.stalePreview}, writing nothing, if the
     * cohort's problem or blocks are no longer what the preview was made from.
     */
    public PlanUndo apply(Session who, PlanPreview preview) {
        who.require(Permission.PLAN_COHORTS);
        return store.inTransaction(tx -> {
            var now = CohortSnapshot.read(tx, preview.cohortIds(), today());
            if (!now.problem.equals(preview.problem()) || !now.cohortBlocks.equals(preview.cohortBlocks())) {
                throw new InvalidInputException("cohort.stalePreview", preview.cohortNames());
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
            audit(tx, who, "PLAN_APPLIED", "cohort=" + preview.cohortIds() + " name=" + preview.cohortNames()
                    + " new=" + preview.count(PlanRowKind.NEW) + " moved=" + preview.count(PlanRowKind.MOVED)
                    + " newMentor=" + preview.count(PlanRowKind.NEW_MENTOR)
                    + " unplanned=" + preview.count(PlanRowKind.UNPLANNED) + " rewritten=" + rotationIds.size());
            return new PlanUndo(preview.cohortIds(), preview.cohortNames(), rotationIds, previous, applied);
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
                throw new InvalidInputException("cohort.staleUndo", undo.cohortNames());
            }
            undo.rotationIds().forEach(blocks::deleteBlocks);
            undo.previous().forEach(blocks::restoreBlock);
            audit(tx, who, "PLAN_UNDONE", "cohort=" + undo.cohortIds() + " name=" + undo.cohortNames()
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
