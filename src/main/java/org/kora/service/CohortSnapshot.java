package org.kora.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kora.domain.Block;
import org.kora.domain.BlockKind;
import org.kora.domain.Cohort;
import org.kora.domain.DateRange;
import org.kora.domain.Leave;
import org.kora.domain.Mentor;
import org.kora.domain.Problem;
import org.kora.domain.Rotation;
import org.kora.domain.Trainee;
import org.kora.planning.Assignment;
import org.kora.planning.ConflictFinder;
import org.kora.planning.Plan;
import org.kora.planning.PlanningProblem;
import org.kora.planning.TraineeSpec;
import org.kora.planning.Unplanned;
import org.kora.store.CohortDao;
import org.kora.store.MentorDao;
import org.kora.store.TraineeDao;
import org.kora.store.Tx;

/**
 * The planning problem of one cohort, or of several planned together, as the database holds it on
 * a day, read in one transaction. Cohorts planned together share one program template.
 *
 * <ul>
 * <li>Horizon: from the 1st of next month, or the earliest start of the rotations to plan if that is
 * later, for three years (to the day before). Three years hold several cohorts of a 3+3 program
 * with room to wait for a mentor, and keep the planner's per-day counts small.</li>
 * <li>To plan: the cohort's rotations that are not confirmed and have not started; a rotation whose
 * off-site block starts before the horizon (started, over, or starting later this month) is pinned.</li>
 * <li>Fixed: every other rotation with both blocks that reaches into the horizon (other cohorts,
 * pinned ones), with its mentor; it counts towards every load and never moves.</li>
 * <li>A trainee to plan is unavailable on leave and during their other rotations.</li>
 * </ul>
 *
 * Ids in the problem are text: departments {@code D<id>}, mentors {@code M<id>}, rotations
 * {@code R<id>} ({@link PlanPreview#rotationKey} and the others, mapped back by {@link PlanPreview#idOf}).
 */
final class CohortSnapshot {
    /** How far the horizon reaches from its first day. */
    static final int HORIZON_YEARS = 3;

    final List<Cohort> cohorts;
    final PlanningProblem problem;
    final List<Block> cohortBlocks;
    final Map<String, String> names;
    private final List<Rotation> rotations;
    private final Set<Long> toPlan;
    private final Map<Long, Trainee> trainees;
    private final Map<Long, Mentor> mentors;
    private final Map<Long, List<Block>> blocksByRotation;

    private CohortSnapshot(List<Cohort> cohorts, PlanningProblem problem, List<Block> cohortBlocks, Map<String, String> names,
                           List<Rotation> rotations, Set<Long> toPlan, Map<Long, Trainee> trainees,
                           Map<Long, Mentor> mentors, Map<Long, List<Block>> blocksByRotation) {
        this.cohorts = cohorts;
        this.problem = problem;
        this.cohortBlocks = cohortBlocks;
        this.names = names;
        this.rotations = rotations;
        this.toPlan = toPlan;
        this.trainees = trainees;
        this.mentors = mentors;
        this.blocksByRotation = blocksByRotation;
    }

    /**
     * Reads the problem of the cohorts {@code cohortIds}; refuses a cohort that is not there with
     * {@code cohort.notFound}, and cohorts of different program templates with
     * {@code cohort.differentTemplates}.
     */
    static CohortSnapshot read(Tx tx, List<Long> cohortIds, LocalDate today) {
        var cohorts = tx.dao(CohortDao.class);
        var chosen = new ArrayList<Cohort>();
        for (var cohortId : cohortIds) {
            chosen.add(cohorts.find(cohortId)
                    .orElseThrow(() -> new InvalidInputException("cohort.notFound", String.valueOf(cohortId))));
        }
        var template = chosen.get(0).template();
        if (chosen.stream().anyMatch(cohort -> !cohort.template().equals(template))) {
            throw new InvalidInputException("cohort.differentTemplates", names(chosen));
        }
        var traineeDao = tx.dao(TraineeDao.class);
        var trainees = byId(traineeDao.list(), Trainee::id);
        var leave = traineeDao.leave().stream().collect(Collectors.groupingBy(Leave::traineeId));
        var mentors = byId(tx.dao(MentorDao.class).list(), Mentor::id);
        var allRotations = cohorts.rotations();
        var blocksByRotation = cohorts.blocks().stream().collect(Collectors.groupingBy(Block::rotationId));
        var rotations = new ArrayList<Rotation>();
        cohortIds.forEach(cohortId -> rotations.addAll(cohorts.rotationsOf(cohortId)));

        var nextMonth = today.withDayOfMonth(1).plusMonths(1);
        var candidates = new ArrayList<Rotation>();
        for (var rotation : rotations) {
            var start = start(blocksByRotation.get(rotation.id()));
            if (!rotation.confirmed() && (start == null || !start.isBefore(nextMonth))) {
                candidates.add(rotation);
            }
        }
        var from = candidates.stream().map(rotation -> earliestStart(rotation, trainees.get(rotation.traineeId()), nextMonth))
                .min(Comparator.naturalOrder()).filter(earliest -> earliest.isAfter(nextMonth)).orElse(nextMonth);
        var horizon = DateRange.of(from, from.plusYears(HORIZON_YEARS).minusDays(1));
        var toPlan = candidates.stream().map(Rotation::id).collect(Collectors.toSet());

        var specs = new ArrayList<TraineeSpec>();
        var fixed = new ArrayList<Assignment>();
        for (var rotation : allRotations) {
            var trainee = trainees.get(rotation.traineeId());
            var id = PlanPreview.rotationKey(rotation.id());
            var home = PlanPreview.departmentKey(trainee.departmentId());
            if (toPlan.contains(rotation.id())) {
                specs.add(new TraineeSpec(id, home, PlanPreview.departmentKey(rotation.hostDepartmentId()),
                        earliestStart(rotation, trainee, nextMonth), rotation.latestEnd(),
                        unavailable(rotation, allRotations, blocksByRotation, leave.getOrDefault(trainee.id(), List.of()))));
                continue;
            }
            var blocks = blocksByRotation.getOrDefault(rotation.id(), List.of());
            var offSite = block(blocks, BlockKind.OFF_SITE);
            var onSite = block(blocks, BlockKind.ON_SITE);
            if (offSite == null || onSite == null || onSite.to().isBefore(horizon.from())
                    || offSite.from().isAfter(horizon.to())) {
                continue;
            }
            specs.add(new TraineeSpec(id, home, PlanPreview.departmentKey(offSite.departmentId()), offSite.from(), null, List.of()));
            fixed.add(new Assignment(id, offSite.range(), onSite.range(),
                    onSite.mentorId() == null ? "-" : PlanPreview.mentorKey(onSite.mentorId())));
        }

        var resources = PlanningResources.read(tx);
        var names = new HashMap<>(resources.names());
        for (var rotation : allRotations) {
            names.put(PlanPreview.rotationKey(rotation.id()), trainees.get(rotation.traineeId()).name());
        }
        var problem = new PlanningProblem(horizon, template, resources.blackouts(), resources.hosts(), resources.homes(),
                resources.mentors(), specs, fixed);
        var cohortBlocks = new ArrayList<Block>();
        cohortIds.forEach(cohortId -> cohortBlocks.addAll(cohorts.blocksOf(cohortId)));
        return new CohortSnapshot(List.copyOf(chosen), problem, cohortBlocks, names, rotations, toPlan, trainees, mentors,
                blocksByRotation);
    }

    /** The later of the rotation's and the trainee's earliest start; the 1st of next month if neither is set. */
    static LocalDate earliestStart(Rotation rotation, Trainee trainee, LocalDate nextMonth) {
        var rotationStart = rotation.earliestStart();
        var traineeStart = trainee.earliestStart();
        if (rotationStart == null) {
            return traineeStart == null ? nextMonth : traineeStart;
        }
        return traineeStart == null || rotationStart.isAfter(traineeStart) ? rotationStart : traineeStart;
    }

    /** The trainee's leave and the spans of their other rotations that have blocks, in date order. */
    static List<DateRange> unavailable(Rotation rotation, List<Rotation> all, Map<Long, List<Block>> blocks,
                                               List<Leave> leave) {
        var ranges = new ArrayList<DateRange>();
        leave.forEach(period -> ranges.add(period.range()));
        for (var other : all) {
            var otherBlocks = blocks.get(other.id());
            if (other.id() != rotation.id() && other.traineeId() == rotation.traineeId() && otherBlocks != null) {
                ranges.add(span(otherBlocks));
            }
        }
        ranges.sort(Comparator.comparing(DateRange::from).thenComparing(DateRange::to));
        return ranges;
    }

    private static LocalDate start(List<Block> blocks) {
        return blocks == null ? null : span(blocks).from();
    }

    private static DateRange span(List<Block> blocks) {
        var from = blocks.stream().map(Block::from).min(Comparator.naturalOrder()).orElseThrow();
        var to = blocks.stream().map(Block::to).max(Comparator.naturalOrder()).orElseThrow();
        return DateRange.of(from, to);
    }

    private static Block block(List<Block> blocks, BlockKind kind) {
        return blocks.stream().filter(block -> block.kind() == kind).findFirst().orElse(null);
    }

    private RotationPlacement placement(List<Block> blocks) {
        if (blocks == null) {
            return null;
        }
        var offSite = block(blocks, BlockKind.OFF_SITE);
        var onSite = block(blocks, BlockKind.ON_SITE);
        if (offSite == null || onSite == null || onSite.mentorId() == null) {
            return null;
        }
        return new RotationPlacement(offSite.range(), onSite.range(), onSite.mentorId(),
                mentors.get(onSite.mentorId()).name());
    }

    private RotationPlacement placement(Assignment assignment) {
        var id = PlanPreview.idOf(assignment.mentor());
        return new RotationPlacement(assignment.offSite(), assignment.onSite(), id, mentors.get(id).name());
    }

    /**
     * The cohort's rotations to plan as the blocks hold them: one with both blocks and a mentor is
     * assigned, any other unplanned with the reason {@code cohort.notPlannedYet}.
     */
    Plan currentPlan() {
        var assignments = new ArrayList<Assignment>();
        var unplanned = new ArrayList<Unplanned>();
        for (var rotation : rotations) {
            if (!toPlan.contains(rotation.id())) {
                continue;
            }
            var placement = placement(blocksByRotation.get(rotation.id()));
            if (placement == null) {
                unplanned.add(new Unplanned(PlanPreview.rotationKey(rotation.id()), new Problem("cohort.notPlannedYet")));
            } else {
                assignments.add(new Assignment(PlanPreview.rotationKey(rotation.id()), placement.offSite(), placement.onSite(),
                        PlanPreview.mentorKey(placement.mentorId())));
            }
        }
        return new Plan(assignments, unplanned);
    }

    /** The cohorts' names as one text, in the order given: "2027年第1批, 2027年第2批". */
    static String names(List<Cohort> cohorts) {
        return String.join(", ", cohorts.stream().map(Cohort::name).toList());
    }

    /** The preview of a plan of this snapshot's problem, one row per rotation of the cohorts, by trainee name. */
    PlanPreview preview(Plan plan) {
        var assigned = new HashMap<Long, Assignment>();
        plan.assignments().forEach(assignment -> assigned.put(PlanPreview.idOf(assignment.trainee()), assignment));
        var unplanned = new HashMap<Long, Unplanned>();
        plan.unplanned().forEach(item -> unplanned.put(PlanPreview.idOf(item.trainee()), item));
        var rows = new ArrayList<RotationPreview>();
        for (var rotation : rotations) {
            var trainee = trainees.get(rotation.traineeId());
            var before = placement(blocksByRotation.get(rotation.id()));
            RotationPlacement after;
            PlanRowKind kind;
            Problem reason = null;
            if (!toPlan.contains(rotation.id())) {
                after = before;
                kind = PlanRowKind.PINNED;
            } else if (assigned.containsKey(rotation.id())) {
                after = placement(assigned.get(rotation.id()));
                kind = before == null ? PlanRowKind.NEW
                        : before.equals(after) ? PlanRowKind.UNCHANGED
                        : before.sameDates(after) ? PlanRowKind.NEW_MENTOR : PlanRowKind.MOVED;
            } else {
                after = null;
                kind = PlanRowKind.UNPLANNED;
                var item = unplanned.get(rotation.id());
                reason = item == null ? new Problem("unplanned.cancelled") : PlanPreview.named(item.reason(), names);
            }
            rows.add(new RotationPreview(rotation.id(), rotation.cohortId(), trainee.id(), trainee.name(),
                    rotation.hostDepartmentId(), trainee.departmentId(), before, after, kind, reason));
        }
        rows.sort(Comparator.comparing(RotationPreview::traineeName, NameOrder.names())
                .thenComparingLong(RotationPreview::rotationId));
        return new PlanPreview(cohorts, problem, plan, rows, ConflictFinder.find(problem, plan), cohortBlocks,
                new LinkedHashMap<>(names));
    }

    private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
