package org.kora.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The auto-planner: gives every trainee of a problem an off-site start and a mentor so that no
 * hard rule of PRODUCT.md breaks, against the problem's fixed assignments, which count towards
 * every load and never move.
 *
 * <p>Objective, in order: plan as many trainees as possible, then minimise the total delay (off-site
 * start − earliest start, in days), then spread mentor load evenly (the sum of squared mentor-days).
 * A first plan places the trainees scarcest first (fewest possible starts), each at its earliest
 * start the loads allow; {@link LocalSearch} then improves it part by part (departments that share
 * no trainee are planned apart) until the time limit, a cancel, or no move helps any more. Ruin and
 * recreate usually stops well inside the time limit, and some small parts still miss a placement
 * that needs a chain of moves; {@link BranchAndBound} spends the time left searching those parts
 * exactly, from the plan they have: first for more trainees placed, as far as {@link PlaceableBound}
 * allows, then for less delay at that count.
 *
 * <p>The returned plan holds one assignment per placed trainee; every other trainee comes back as
 * {@link Unplanned} with the rule that stopped it. The fixed assignments are not repeated in the
 * plan (they stay in the problem, where the conflict finder counts them), and a trainee who has
 * one is not placed again. Stateless and thread-safe.
 */
public final class AutoPlanner {
    private static final long REPORT_EVERY_NANOS = 50_000_000L;
    /**
     * Nodes of exact search per small part in the first and the last round: node limits, not the
     * clock, end the search, so the same seed gives the same plan unless the time limit is hit.
     */
    private static final long FIRST_NODE_LIMIT = 50_000L;
    private static final long LAST_NODE_LIMIT = 25_600_000L;

    /** Plans with the default options and no one watching. */
    public Plan plan(PlanningProblem problem) {
        return plan(problem, PlannerOptions.DEFAULT, PlannerProgress.NONE);
    }

    public Plan plan(PlanningProblem problem, PlannerOptions options, PlannerProgress progress) {
        var began = System.nanoTime();
        var deadline = began + options.timeLimit().toNanos();
        progress.report(0, PlannerPhase.PREPARING);
        var model = new PlanningModel(problem);
        var state = new PlacementState(model);
        var tried = new boolean[model.size()];

        progress.report(0.02, PlannerPhase.FIRST_PLAN);
        var order = scarcestFirst(model);
        var lastReport = System.nanoTime();
        for (var i = 0; i < order.length; i++) {
            if ((i & 255) == 0 && progress.cancelled()) {
                return finish(state, tried, progress);
            }
            tried[order[i]] = true;
            state.placeEarliest(order[i]);
            if ((i & 255) == 0 && System.nanoTime() - lastReport > REPORT_EVERY_NANOS) {
                lastReport = System.nanoTime();
                progress.report(0.02 + 0.08 * i / order.length, PlannerPhase.FIRST_PLAN);
            }
        }
        if (options.improve()) {
            improve(model, state, options, progress, began, deadline);
        }
        return finish(state, tried, progress);
    }

    private static Plan finish(PlacementState state, boolean[] tried, PlannerProgress progress) {
        var plan = state.toPlan(tried);
        progress.report(1, PlannerPhase.DONE);
        return plan;
    }

    /** Fewest possible starts first; then the earliest possible start; then the order of the problem. */
    static int[] scarcestFirst(PlanningModel model) {
        var order = new Integer[model.size()];
        Arrays.setAll(order, t -> t);
        Arrays.sort(order, Comparator.<Integer>comparingInt(t -> model.starts[t].length)
                .thenComparingInt(t -> model.starts[t].length == 0 ? 0 : model.starts[t][0])
                .thenComparingInt(t -> t));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Shares the time left among the independent parts by size, the largest first; time a part
     * leaves unused (it stopped because no move helped) passes on to the next ones. Right after
     * ruin and recreate, a small part gets a first, short count search in what is left of its share:
     * a trainee more counts for more than any delay, and mostly the bound proves at once that none
     * can be added.
     */
    private static void improve(PlanningModel model, PlacementState state, PlannerOptions options,
                                PlannerProgress progress, long began, long deadline) {
        var parts = new ArrayList<>(model.components());
        parts.sort(Comparator.comparingInt((int[] part) -> part.length).reversed());
        var remaining = 0L;
        for (var part : parts) {
            remaining += part.length;
        }
        var random = new SplittableRandom(options.seed());
        var total = Math.max(1L, deadline - began);
        var unproven = new ArrayList<int[]>();
        for (var part : parts) {
            var now = System.nanoTime();
            if (now >= deadline || progress.cancelled()) {
                return;
            }
            var share = (deadline - now) * part.length / Math.max(1L, remaining);
            remaining -= part.length;
            progress.report(0.1 + 0.9 * (now - began) / total, PlannerPhase.IMPROVING);
            var search = new LocalSearch(state, part, random.split());
            search.run(now + share, stallLimit(part.length), progress::cancelled);
            if (small(model, state, part)
                    && !raiseCount(state, part, FIRST_NODE_LIMIT, now + share, random, progress)) {
                unproven.add(part);
            }
        }
        searchSmallParts(model, state, parts, unproven, random, progress, began, deadline);
    }

    /** Whether the exact search takes the part: few enough trainees, and someone late or unplaced. */
    private static boolean small(PlanningModel model, PlacementState state, int[] part) {
        return part.length <= BranchAndBound.MAX_PART && BranchAndBound.improvable(model, state, part);
    }

    /**
     * One count search of the part; if it places more, ruin and recreate polishes the delay, so that
     * a later delay search starts from a good plan. Returns whether the count is proven the most.
     */
    private static boolean raiseCount(PlacementState state, int[] part, long nodes, long deadline,
                                      SplittableRandom random, PlannerProgress progress) {
        var search = new BranchAndBound(state, part);
        var proven = search.raiseCount(nodes, deadline, progress::cancelled);
        if (search.placedMore()) {
            new LocalSearch(state, part, random.split()).run(deadline, stallLimit(part.length), progress::cancelled);
        }
        return proven;
    }

    /**
     * Spends the time ruin and recreate left unused on an exact search of each small part it may
     * not have solved: the placed count first, then the delay. Rounds with a node limit eight times
     * the last's go over the parts not yet settled, the smallest first (they are quickest to
     * settle), each with an equal share of the time: the count searches of the parts whose count is
     * still {@code unproven} until every count is proven or half the time left is spent, then the
     * delay searches until the time limit. Most parts settle in the first round, and the hard ones
     * get what remains.
     */
    private static void searchSmallParts(PlanningModel model, PlacementState state, List<int[]> parts,
                                         List<int[]> unproven, SplittableRandom random, PlannerProgress progress,
                                         long began, long deadline) {
        var open = new ArrayList<int[]>();
        for (var part : parts) {
            if (small(model, state, part)) {
                open.add(part);
            }
        }
        open.sort(Comparator.comparingInt(part -> part.length));
        unproven.sort(Comparator.comparingInt(part -> part.length));
        var countDeadline = System.nanoTime() + (deadline - System.nanoTime()) / 2;
        if (raiseCounts(state, unproven, random, progress, began, countDeadline, deadline)) {
            lowerDelays(state, open, progress, began, deadline);
        }
    }

    /**
     * The count searches from the second round on, until every part's count is proven the most or
     * the count deadline. Returns false if the run was cancelled.
     */
    private static boolean raiseCounts(PlacementState state, List<int[]> parts, SplittableRandom random,
                                       PlannerProgress progress, long began, long countDeadline, long deadline) {
        var open = parts;
        for (var nodes = FIRST_NODE_LIMIT * 8; nodes <= LAST_NODE_LIMIT && !open.isEmpty(); nodes *= 8) {
            var unproven = new ArrayList<int[]>();
            for (var i = 0; i < open.size(); i++) {
                var now = System.nanoTime();
                if (progress.cancelled()) {
                    return false;
                }
                if (now >= countDeadline) {
                    return true;
                }
                progress.report(0.1 + 0.9 * (now - began) / Math.max(1L, deadline - began), PlannerPhase.IMPROVING);
                var part = open.get(i);
                if (!raiseCount(state, part, nodes, now + (countDeadline - now) / (open.size() - i), random,
                        progress)) {
                    unproven.add(part);
                }
            }
            open = unproven;
        }
        return true;
    }

    /**
     * The delay searches at each part's count, until every part is settled or the deadline; on a
     * part whose count is not proven the most they still never make its plan worse.
     */
    private static void lowerDelays(PlacementState state, List<int[]> parts, PlannerProgress progress, long began,
                                    long deadline) {
        var open = parts;
        for (var nodes = FIRST_NODE_LIMIT; nodes <= LAST_NODE_LIMIT && !open.isEmpty(); nodes *= 8) {
            var unsettled = new ArrayList<int[]>();
            for (var i = 0; i < open.size(); i++) {
                var now = System.nanoTime();
                if (now >= deadline || progress.cancelled()) {
                    return;
                }
                progress.report(0.1 + 0.9 * (now - began) / Math.max(1L, deadline - began), PlannerPhase.IMPROVING);
                var partDeadline = now + (deadline - now) / (open.size() - i);
                if (!new BranchAndBound(state, open.get(i)).lowerDelay(nodes, partDeadline, progress::cancelled)) {
                    unsettled.add(open.get(i));
                }
            }
            open = unsettled;
        }
    }

    /** Moves in a row without improvement before a part counts as done: more for larger parts. */
    private static int stallLimit(int partSize) {
        return Math.max(3_000, 200 * partSize);
    }
}
