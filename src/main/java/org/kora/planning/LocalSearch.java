package org.kora.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Improves a placement by ruin and recreate: take a trainee who is unplaced or delayed and a few
 * trainees who compete with it for the same host or home department around the same months, take
 * them all out, put them back one by one in a random order, each at its earliest free start, and
 * keep the result unless the objective got worse (ties are kept, so the search can drift across
 * plateaus). Greedy placement fixes one order of the trainees; this changes the order locally,
 * which is what decides who waits.
 */
final class LocalSearch {
    /** A six-month on-and-off rotation plus a margin: trainees farther apart do not compete. */
    private static final int NEIGHBOURHOOD_DAYS = 200;
    private static final int MAX_RELATED = 8;

    private final PlacementState state;
    private final PlanningModel model;
    private final int[] part;
    private final Map<String, int[]> byHost;
    private final Map<String, int[]> byHome;
    private final SplittableRandom random;
    private final List<Integer> interesting = new ArrayList<>();

    LocalSearch(PlacementState state, int[] part, SplittableRandom random) {
        this.state = state;
        this.model = state.model;
        this.part = part;
        this.random = random;
        byHost = PlanningModel.groupBy(model.hostKey, part);
        byHome = PlanningModel.groupBy(model.homeKey, part);
    }

    /**
     * Runs until the deadline, a cancel, or {@code stall} moves in a row that did not improve.
     * Returns the number of moves tried.
     */
    long run(long deadlineNanos, int stall, BooleanSupplier cancelled) {
        var moves = 0L;
        var sinceBetter = 0;
        while (sinceBetter < stall) {
            if ((moves & 63) == 0) {
                if (System.nanoTime() > deadlineNanos || cancelled.getAsBoolean()) {
                    break;
                }
                collectInteresting();
                if (interesting.isEmpty()) {
                    // every placeable trainee is placed at its first possible start: only the
                    // mentor spread can improve, and a few moves are enough to look for it
                    stall = Math.min(stall, 500);
                }
                if (part.length < 2 && interesting.isEmpty()) {
                    break;
                }
            }
            moves++;
            sinceBetter = move() ? 0 : sinceBetter + 1;
        }
        return moves;
    }

    /** Trainees worth starting a move from: placeable but unplaced, or later than their first possible start. */
    private void collectInteresting() {
        interesting.clear();
        for (var t : part) {
            var first = model.starts[t];
            if (first.length > 0 && (!state.isPlaced(t) || state.start(t) > first[0])) {
                interesting.add(t);
            }
        }
    }

    /** One ruin-and-recreate move; true if it improved the objective. */
    private boolean move() {
        var seed = !interesting.isEmpty() && random.nextInt(10) < 8
                ? interesting.get(random.nextInt(interesting.size()))
                : part[random.nextInt(part.length)];
        if (model.starts[seed].length == 0) {
            return false;
        }
        var taken = related(seed);
        var before = state.score();
        var oldStart = new int[taken.length];
        var oldMentor = new int[taken.length];
        for (var i = 0; i < taken.length; i++) {
            oldStart[i] = state.start(taken[i]);
            oldMentor[i] = state.mentor(taken[i]);
            state.remove(taken[i]);
        }
        var order = taken.clone();
        for (var i = order.length - 1; i > 0; i--) {
            var j = random.nextInt(i + 1);
            var swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        if (random.nextBoolean()) {
            // the seed first: the trainee who waits (or is out) gets the first pick
            for (var i = 0; i < order.length; i++) {
                if (order[i] == seed) {
                    order[i] = order[0];
                    order[0] = seed;
                }
            }
        }
        for (var t : order) {
            state.placeEarliest(t);
        }
        var after = state.score();
        if (!before.betterThan(after)) {
            return after.betterThan(before);
        }
        for (var t : taken) {
            state.remove(t);
        }
        for (var i = 0; i < taken.length; i++) {
            if (oldStart[i] != PlacementState.NONE) {
                state.place(taken[i], oldStart[i], oldMentor[i], model.rotation(oldStart[i]));
            }
        }
        return false;
    }

    /** The seed and up to a few placed trainees sharing its host or home department around its months. */
    private int[] related(int seed) {
        var from = model.starts[seed][0] - NEIGHBOURHOOD_DAYS;
        var to = (state.isPlaced(seed) ? state.start(seed) : model.starts[seed][model.starts[seed].length - 1])
                + NEIGHBOURHOOD_DAYS;
        var pool = new ArrayList<Integer>();
        addNear(pool, byHost.get(model.hostKey[seed]), seed, from, to);
        addNear(pool, byHome.get(model.homeKey[seed]), seed, from, to);
        var wanted = 1 + random.nextInt(MAX_RELATED);
        var chosen = new ArrayList<Integer>();
        chosen.add(seed);
        while (chosen.size() <= wanted && !pool.isEmpty()) {
            var pick = pool.remove(random.nextInt(pool.size()));
            if (!chosen.contains(pick)) {
                chosen.add(pick);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private void addNear(List<Integer> pool, int[] group, int seed, int from, int to) {
        for (var t : group) {
            if (t != seed && state.isPlaced(t) && state.start(t) >= from && state.start(t) <= to) {
                pool.add(t);
            }
        }
    }
}
