package org.kora.planning;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Exact search over one small independent part, after ruin and recreate has stopped: every
 * trainee at every possible start with every mentor who could take it, or not at all, depth first
 * with branch and bound on (placed, delay), looking only for a plan strictly better than the one
 * the part has (the incumbent). Ruin and recreate misses improvements that need a chain of moves
 * around a host of capacity 1 (one more trainee fits only if several others shift at once); this
 * search finds them, and proves the other parts optimal, while the time limit still has room.
 *
 * <p>The bound comes from the loads as they stand at a node: they only grow deeper in the tree,
 * so each trainee still to decide can at best take its earliest start that fits them now. That
 * start is kept per depth, and a child looks again only for the trainees that compete with the one
 * just placed. The search keeps its own day loads for the part's departments and mentors (plain
 * arrays, millions of nodes a second) and writes only its best plan back to the state. It stops
 * after a node limit (the same plan for the same seed), at the deadline or on a cancel, and then
 * keeps the best plan found so far, which is never worse than the incumbent.
 */
final class BranchAndBound {
    /** Parts up to this many trainees are searched; larger ones are left to ruin and recreate. */
    static final int MAX_PART = 40;
    private static final int CHECK_EVERY_NODES = 1024;

    private final PlacementState state;
    private final PlanningModel model;
    /** The part's trainees with at least one possible start, in search order: scarcest first. */
    private final int[] order;
    /** Per position: host and home department, numbered within the part. */
    private final int[] host;
    private final int[] home;
    /** Per position and possible start: first and last day index of the off-site and on-site block. */
    private final int[][] offFrom;
    private final int[][] offTo;
    private final int[][] onFrom;
    private final int[][] onTo;
    /** Per position and possible start: the mentors (numbered within the part) on site throughout. */
    private final int[][][] able;
    private final int[][] hostLoad;
    private final int[][] homeLoad;
    private final int[][] mentorLoad;
    private final int[] hostLimit;
    private final int[] homeLimit;
    private final int[] mentorLimit;
    /** The part's mentors, by their number within the part. */
    private final int[] mentorOf;
    /** Per depth and position: index of the earliest start that fits the loads at that depth. */
    private final int[][] firstFit;
    private final int[] start;
    private final int[] mentor;
    private final int[] bestStart;
    private final int[] bestMentor;
    private int bestPlaced;
    private long bestDelay;
    private long nodes;
    private long nodeLimit;
    private long deadlineNanos;
    private BooleanSupplier cancelled;
    private boolean stopped;

    BranchAndBound(PlacementState state, int[] part) {
        this.state = state;
        this.model = state.model;
        order = Arrays.stream(part).boxed().filter(t -> model.starts[t].length > 0)
                .sorted(Comparator.<Integer>comparingInt(t -> model.starts[t].length).thenComparingInt(t -> t))
                .mapToInt(Integer::intValue).toArray();
        var n = order.length;
        var hosts = new HashMap<String, Integer>();
        var homes = new HashMap<String, Integer>();
        var mentors = new HashMap<Integer, Integer>();
        host = new int[n];
        home = new int[n];
        for (var i = 0; i < n; i++) {
            host[i] = number(hosts, model.hostKey[order[i]]);
            home[i] = number(homes, model.homeKey[order[i]]);
            for (var m : model.homeMentors[order[i]]) {
                number(mentors, m);
            }
        }
        mentorOf = new int[mentors.size()];
        mentors.forEach((m, local) -> mentorOf[local] = m);
        offFrom = new int[n][];
        offTo = new int[n][];
        onFrom = new int[n][];
        onTo = new int[n][];
        able = new int[n][][];
        for (var i = 0; i < n; i++) {
            describeStarts(i, mentors);
        }
        hostLimit = new int[hosts.size()];
        homeLimit = new int[homes.size()];
        mentorLimit = Arrays.stream(mentorOf).map(m -> model.mentors[m].capacity()).toArray();
        for (var i = 0; i < n; i++) {
            hostLimit[host[i]] = model.hostCapacity[order[i]];
            homeLimit[home[i]] = model.homeAllowance[order[i]];
        }
        hostLoad = new int[hosts.size()][];
        homeLoad = new int[homes.size()][];
        mentorLoad = new int[mentorOf.length][];
        firstFit = new int[n + 1][n];
        start = new int[n];
        mentor = new int[n];
        bestStart = new int[n];
        bestMentor = new int[n];
    }

    private static <K> int number(Map<K, Integer> numbers, K key) {
        return numbers.computeIfAbsent(key, k -> numbers.size());
    }

    /** The blocks of every possible start of the trainee at position i, as day indices, and who could mentor it. */
    private void describeStarts(int i, Map<Integer, Integer> mentors) {
        var t = order[i];
        var horizonFrom = PlanningModel.day(model.problem.horizon().from());
        var lastIndex = PlanningModel.day(model.problem.horizon().to()) - horizonFrom;
        var count = model.starts[t].length;
        offFrom[i] = new int[count];
        offTo[i] = new int[count];
        onFrom[i] = new int[count];
        onTo[i] = new int[count];
        able[i] = new int[count][];
        for (var k = 0; k < count; k++) {
            var rotation = model.rotation(model.starts[t][k]);
            offFrom[i][k] = Math.max(0, PlanningModel.day(rotation.offSite().from()) - horizonFrom);
            offTo[i][k] = Math.min(lastIndex, PlanningModel.day(rotation.offSite().to()) - horizonFrom);
            onFrom[i][k] = Math.max(0, PlanningModel.day(rotation.onSite().from()) - horizonFrom);
            onTo[i][k] = Math.min(lastIndex, PlanningModel.day(rotation.onSite().to()) - horizonFrom);
            able[i][k] = Arrays.stream(model.homeMentors[t]).filter(m -> model.covers(m, rotation.onSite()))
                    .map(mentors::get).toArray();
        }
    }

    /** Whether the part has a trainee who could be placed earlier or at all: else it is optimal already. */
    static boolean improvable(PlanningModel model, PlacementState state, int[] part) {
        for (var t : part) {
            var starts = model.starts[t];
            if (starts.length > 0 && (!state.isPlaced(t) || state.start(t) > starts[0])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Searches until it is done, {@code nodeLimit} nodes, the deadline or a cancel, and leaves the
     * best plan found in the state. Returns whether the search was complete: the part is optimal.
     */
    boolean run(long nodeLimit, long deadlineNanos, BooleanSupplier cancelled) {
        this.nodeLimit = nodeLimit;
        this.deadlineNanos = deadlineNanos;
        this.cancelled = cancelled;
        takeIncumbent();
        copyLoads();
        for (var i = 0; i < order.length; i++) {
            firstFit[0][i] = nextFit(i, 0);
        }
        search(0, 0, 0);
        putBest();
        return !stopped;
    }

    /** Records the part's current plan as the best so far and takes the part out of the state. */
    private void takeIncumbent() {
        for (var i = 0; i < order.length; i++) {
            var t = order[i];
            bestStart[i] = state.start(t);
            bestMentor[i] = state.mentor(t);
            if (state.isPlaced(t)) {
                bestPlaced++;
                bestDelay += model.delayOf(t, state.start(t));
                state.remove(t);
            }
        }
    }

    /** The loads without the part's trainees: fixed assignments only, since parts share no department. */
    private void copyLoads() {
        for (var i = 0; i < order.length; i++) {
            hostLoad[host[i]] = state.loadCopy(model.hostKey[order[i]]);
            homeLoad[home[i]] = state.loadCopy(model.homeKey[order[i]]);
        }
        for (var m = 0; m < mentorOf.length; m++) {
            mentorLoad[m] = state.loadCopy(model.mentorKey[mentorOf[m]]);
        }
    }

    private void putBest() {
        for (var i = 0; i < order.length; i++) {
            if (bestStart[i] != PlacementState.NONE) {
                state.place(order[i], bestStart[i], bestMentor[i], model.rotation(bestStart[i]));
            }
        }
    }

    private void search(int depth, int placed, long delay) {
        if (stopped || outOfBudget()) {
            return;
        }
        if (depth == order.length) {
            record(placed, delay);
            return;
        }
        var fit = firstFit[depth];
        var placeable = 0;
        var minDelay = 0L;
        for (var i = depth; i < order.length; i++) {
            if (fit[i] < offFrom[i].length) {
                placeable++;
                minDelay += delayAt(i, fit[i]);
            }
        }
        if (!canBeat(placed + placeable, delay + minDelay)) {
            return;
        }
        var count = offFrom[depth].length;
        var others = fit[depth] < count ? minDelay - delayAt(depth, fit[depth]) : minDelay;
        for (var k = fit[depth]; k < count && !stopped; k++) {
            var withStart = delay + delayAt(depth, k);
            if (!canBeat(placed + placeable, withStart + others)) {
                break;
            }
            tryStart(depth, k, placed + 1, withStart);
        }
        start[depth] = PlacementState.NONE;
        System.arraycopy(fit, depth + 1, firstFit[depth + 1], depth + 1, order.length - depth - 1);
        search(depth + 1, placed, delay);
    }

    private long delayAt(int i, int k) {
        return model.delayOf(order[i], model.starts[order[i]][k]);
    }

    /** Every mentor who fits this start, in turn, each followed by the rest of the search. */
    private void tryStart(int depth, int k, int placed, long delay) {
        if (!offSiteFits(depth, k)) {
            return;
        }
        for (var m : able[depth][k]) {
            if (stopped || !fits(mentorLoad[m], onFrom[depth][k], onTo[depth][k], mentorLimit[m])) {
                continue;
            }
            load(depth, k, m, 1);
            start[depth] = model.starts[order[depth]][k];
            mentor[depth] = mentorOf[m];
            refit(depth, k);
            search(depth + 1, placed, delay);
            load(depth, k, m, -1);
        }
    }

    private void load(int i, int k, int m, int delta) {
        add(hostLoad[host[i]], offFrom[i][k], offTo[i][k], delta);
        add(homeLoad[home[i]], offFrom[i][k], offTo[i][k], delta);
        add(mentorLoad[m], onFrom[i][k], onTo[i][k], delta);
    }

    /**
     * The earliest fitting starts one level down, after the trainee at {@code depth} took start
     * {@code k}: only a trainee of the same host or home department (mentors belong to the home
     * department) whose rotation there overlaps the new one can have lost it; the rest keep theirs.
     */
    private void refit(int depth, int k) {
        var from = firstFit[depth];
        var to = firstFit[depth + 1];
        for (var i = depth + 1; i < order.length; i++) {
            to[i] = from[i];
            if (to[i] < offFrom[i].length && competes(i, to[i], depth, k)) {
                to[i] = nextFit(i, to[i]);
            }
        }
    }

    private boolean competes(int i, int k, int placedAt, int placedK) {
        return (host[i] == host[placedAt] || home[i] == home[placedAt])
                && offFrom[i][k] <= onTo[placedAt][placedK] && offFrom[placedAt][placedK] <= onTo[i][k];
    }

    /** The index of the first start from {@code from} on that fits the loads now, or past the end. */
    private int nextFit(int i, int from) {
        var k = from;
        while (k < offFrom[i].length && !fitsNow(i, k)) {
            k++;
        }
        return k;
    }

    private boolean fitsNow(int i, int k) {
        if (!offSiteFits(i, k)) {
            return false;
        }
        for (var m : able[i][k]) {
            if (fits(mentorLoad[m], onFrom[i][k], onTo[i][k], mentorLimit[m])) {
                return true;
            }
        }
        return false;
    }

    private boolean offSiteFits(int i, int k) {
        return fits(hostLoad[host[i]], offFrom[i][k], offTo[i][k], hostLimit[host[i]])
                && fits(homeLoad[home[i]], offFrom[i][k], offTo[i][k], homeLimit[home[i]]);
    }

    private static boolean fits(int[] load, int from, int to, int limit) {
        for (var d = from; d <= to; d++) {
            if (load[d] >= limit) {
                return false;
            }
        }
        return true;
    }

    private static void add(int[] load, int from, int to, int delta) {
        for (var d = from; d <= to; d++) {
            load[d] += delta;
        }
    }

    /** Whether a plan with at most these placed and at least this delay could still beat the best. */
    private boolean canBeat(int mostPlaced, long leastDelay) {
        return mostPlaced > bestPlaced || mostPlaced == bestPlaced && leastDelay < bestDelay;
    }

    private void record(int placed, long delay) {
        if (canBeat(placed, delay)) {
            bestPlaced = placed;
            bestDelay = delay;
            System.arraycopy(start, 0, bestStart, 0, order.length);
            System.arraycopy(mentor, 0, bestMentor, 0, order.length);
        }
    }

    private boolean outOfBudget() {
        nodes++;
        if (nodes >= nodeLimit
                || nodes % CHECK_EVERY_NODES == 0 && (System.nanoTime() > deadlineNanos || cancelled.getAsBoolean())) {
            stopped = true;
        }
        return stopped;
    }
}
