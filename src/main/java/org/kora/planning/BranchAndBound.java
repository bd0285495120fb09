package org.kora.planning;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Exact search over one small independent part, after ruin and recreate has stopped: every
 * trainee at every possible start with every mentor who could take it, or not at all, depth first,
 * looking only for a plan strictly better on (placed, delay) than the one the part has (the
 * incumbent). Ruin and recreate misses improvements that need a chain of moves around a host of
 * capacity 1 (one more trainee fits only if several others shift at once); this search finds them,
 * and proves the other parts optimal, while the time limit still has room.
 *
 * <p>Placed count first: if {@link PlaceableBound} allows more trainees than the incumbent places, a
 * first pass looks only for a plan that places more, pruning every branch whose bound cannot reach
 * one more, whatever the delay; it ends when the bound's count is reached or the pass is complete.
 * A second pass then minimises the delay at that count: a branch is pruned when its bound cannot
 * reach the count, or when its delay plus what the missing trainees still cost cannot beat the
 * best — first the smallest delays they can have each at its earliest start that fits now, then
 * the bound's least delay of placing that many around the capacity of each department and mentor.
 *
 * <p>Trainees with the same departments, window and possible starts are interchangeable: among
 * them, a later one is placed only if the one before it is, and not earlier than it. The earliest
 * fitting start of each trainee is kept per depth, and a child looks again only for the trainees
 * that compete with the one just placed. The search keeps its own day loads for the part's
 * departments and mentors ({@link PartOptions}) and writes only its best plan back to the state. It
 * stops after a node limit (the same plan for the same seed), at the deadline or on a cancel, and
 * then keeps the best plan found so far, which is never worse than the incumbent.
 */
final class BranchAndBound {
    /** Parts up to this many trainees are searched; larger ones are left to ruin and recreate. */
    static final int MAX_PART = 40;
    private static final int CHECK_EVERY_NODES = 256;

    private final PlacementState state;
    private final PlanningModel model;
    private final PartOptions part;
    private final PlaceableBound bound;
    private final int n;
    /** Per position: whether the position before it is an interchangeable trainee. */
    private final boolean[] twinOfPrevious;
    /** Per depth and position: index of the earliest start that fits the loads at that depth. */
    private final int[][] firstFit;
    /** Per depth: the delays of the earliest fitting starts of the positions still open, ascending. */
    private final int[][] cheapest;
    /** Chosen start index per position, or -1 if left out. */
    private final int[] chosen;
    private final int[] start;
    private final int[] mentor;
    private final int[] bestStart;
    private final int[] bestMentor;
    private int incumbentPlaced;
    private int bestPlaced;
    private long bestDelay;
    /** In the first pass: the most trainees the bound allows at the root; the pass ends on reaching it. */
    private int countTarget;
    private boolean countPass;
    /** The first pass reached the bound's count: it ends, and the second pass starts. */
    private boolean countReached;
    private long nodes;
    private long nodeLimit;
    private long deadlineNanos;
    private BooleanSupplier cancelled;
    private boolean stopped;

    BranchAndBound(PlacementState state, int[] part) {
        this.state = state;
        this.model = state.model;
        this.part = new PartOptions(model, part);
        n = this.part.size();
        bound = new PlaceableBound(this.part);
        twinOfPrevious = new boolean[n];
        for (var i = 1; i < n; i++) {
            twinOfPrevious[i] = interchangeable(this.part.order[i - 1], this.part.order[i]);
        }
        firstFit = new int[n + 1][n];
        cheapest = new int[n + 1][n];
        chosen = new int[n];
        start = new int[n];
        mentor = new int[n];
        bestStart = new int[n];
        bestMentor = new int[n];
    }

    /** Same departments, earliest start and possible starts: the mentors who could take each start are then the same too. */
    private boolean interchangeable(int a, int b) {
        return model.hostKey[a].equals(model.hostKey[b]) && model.homeKey[a].equals(model.homeKey[b])
                && model.earliest[a] == model.earliest[b] && Arrays.equals(model.starts[a], model.starts[b]);
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
     * Both passes: searches until it is done, {@code nodeLimit} nodes, the deadline or a cancel, and
     * leaves the best plan found in the state. Returns whether the search was complete: the part is
     * optimal.
     */
    boolean run(long nodeLimit, long deadlineNanos, BooleanSupplier cancelled) {
        prepare(nodeLimit, deadlineNanos, cancelled);
        raise();
        if (!stopped) {
            search(0, 0, 0);
        }
        putBest();
        return !stopped;
    }

    /**
     * The first pass alone: looks for a plan that places more than the incumbent, until the bound's
     * count is reached, the pass is complete, {@code nodeLimit} nodes, the deadline or a cancel, and
     * leaves the best plan found in the state. Returns whether the part's count is now proven the most.
     */
    boolean raiseCount(long nodeLimit, long deadlineNanos, BooleanSupplier cancelled) {
        prepare(nodeLimit, deadlineNanos, cancelled);
        raise();
        putBest();
        return !stopped;
    }

    /**
     * The second pass alone: looks for less delay at the incumbent's count until it is done,
     * {@code nodeLimit} nodes, the deadline or a cancel, and leaves the best plan found in the state.
     * Returns whether the search was complete: the least delay at that count. The part is then
     * optimal if an earlier {@link #raiseCount} proved the count the most; if not, plans placing more
     * are simply not looked for.
     */
    boolean lowerDelay(long nodeLimit, long deadlineNanos, BooleanSupplier cancelled) {
        prepare(nodeLimit, deadlineNanos, cancelled);
        search(0, 0, 0);
        putBest();
        return !stopped;
    }

    /** Whether the search placed more trainees than the part had. */
    boolean placedMore() {
        return bestPlaced > incumbentPlaced;
    }

    private void prepare(long nodeLimit, long deadlineNanos, BooleanSupplier cancelled) {
        if (this.cancelled != null) {
            throw new IllegalStateException("a search runs once");
        }
        this.nodeLimit = nodeLimit;
        this.deadlineNanos = deadlineNanos;
        this.cancelled = cancelled;
        takeIncumbent();
        incumbentPlaced = bestPlaced;
        part.copyLoads(state);
        for (var i = 0; i < n; i++) {
            firstFit[0][i] = part.nextFit(i, 0);
        }
        countTarget = bound.upper(0, firstFit[0]);
    }

    private void raise() {
        if (countTarget > bestPlaced) {
            countPass = true;
            search(0, 0, 0);
            countPass = false;
            countReached = false;
        }
    }

    /** Records the part's current plan as the best so far and takes the part out of the state. */
    private void takeIncumbent() {
        for (var i = 0; i < n; i++) {
            var t = part.order[i];
            bestStart[i] = state.start(t);
            bestMentor[i] = state.mentor(t);
            if (state.isPlaced(t)) {
                bestPlaced++;
                bestDelay += model.delayOf(t, state.start(t));
                state.remove(t);
            }
        }
    }

    private void putBest() {
        for (var i = 0; i < n; i++) {
            if (bestStart[i] != PlacementState.NONE) {
                state.place(part.order[i], bestStart[i], bestMentor[i], model.rotation(bestStart[i]));
            }
        }
    }

    private boolean halted() {
        return stopped || countReached;
    }

    private void search(int depth, int placed, long delay) {
        if (halted() || outOfBudget()) {
            return;
        }
        if (depth == n) {
            record(depth, placed, delay);
            return;
        }
        var fit = firstFit[depth];
        var costs = cheapest[depth];
        var open = 0;
        for (var i = depth; i < n; i++) {
            if (fit[i] < part.offFrom[i].length) {
                costs[open++] = part.delay[i][fit[i]];
            }
        }
        var need = countPass ? bestPlaced + 1 : bestPlaced;
        if (placed + open < need) {
            return;
        }
        if (countPass) {
            if (placed + bound.upper(depth, fit) >= need) {
                branch(depth, placed, delay, 0, 0);
            }
            return;
        }
        // the second pass: no plan places more than the best, so exactly the missing ones remain to place
        var missing = bestPlaced - placed;
        if (missing == 0) {
            record(depth, placed, delay);
            return;
        }
        Arrays.sort(costs, 0, open);
        var least = sum(costs, missing);
        if (delay + least >= bestDelay || placed + bound.upper(depth, fit) < need
                || !bound.delayBelow(depth, missing, bestDelay - delay)) {
            return;
        }
        branch(depth, placed, delay, missing, least);
    }

    private static long sum(int[] sorted, int count) {
        var total = 0L;
        for (var i = 0; i < count; i++) {
            total += sorted[i];
        }
        return total;
    }

    /**
     * Every start of the position at {@code depth} from its earliest fitting one, each mentor in turn,
     * then the position left out. In the second pass the starts go by rising delay and stop where the
     * delay, with the least the other missing trainees still need, cannot beat the best.
     */
    private void branch(int depth, int placed, long delay, int missing, long least) {
        var fit = firstFit[depth];
        var count = part.offFrom[depth].length;
        var firstStart = fit[depth];
        var mayPlace = true;
        if (twinOfPrevious[depth]) {
            mayPlace = chosen[depth - 1] >= 0;
            firstStart = Math.max(firstStart, chosen[depth - 1]);
        }
        if (mayPlace && firstStart < count) {
            // the least the other missing trainees need if this one is placed (second pass only)
            var others = 0L;
            if (!countPass) {
                var own = part.delay[depth][fit[depth]];
                others = own <= cheapest[depth][missing - 1] ? least - own : least - cheapest[depth][missing - 1];
            }
            for (var k = firstStart; k < count && !halted(); k++) {
                var withStart = delay + part.delay[depth][k];
                if (!countPass && withStart + others >= bestDelay) {
                    break;
                }
                tryStart(depth, k, placed + 1, withStart);
            }
        }
        start[depth] = PlacementState.NONE;
        chosen[depth] = -1;
        System.arraycopy(fit, depth + 1, firstFit[depth + 1], depth + 1, n - depth - 1);
        search(depth + 1, placed, delay);
    }

    /** Every mentor who fits this start, in turn, each followed by the rest of the search. */
    private void tryStart(int depth, int k, int placed, long delay) {
        if (!part.offSiteFits(depth, k)) {
            return;
        }
        for (var m : part.able[depth][k]) {
            if (halted() || !part.mentorFits(depth, k, m)) {
                continue;
            }
            part.load(depth, k, m, 1);
            start[depth] = model.starts[part.order[depth]][k];
            mentor[depth] = part.mentorOf[m];
            chosen[depth] = k;
            refit(depth, k);
            search(depth + 1, placed, delay);
            part.load(depth, k, m, -1);
        }
    }

    /**
     * The earliest fitting starts one level down, after the trainee at {@code depth} took start
     * {@code k}: only a trainee of the same host or home department (mentors belong to the home
     * department) whose rotation there overlaps the new one can have lost it; the rest keep theirs.
     */
    private void refit(int depth, int k) {
        var from = firstFit[depth];
        var to = firstFit[depth + 1];
        for (var i = depth + 1; i < n; i++) {
            to[i] = from[i];
            if (to[i] < part.offFrom[i].length && competes(i, to[i], depth, k)) {
                to[i] = part.nextFit(i, to[i]);
            }
        }
    }

    private boolean competes(int i, int k, int placedAt, int placedK) {
        return (part.host[i] == part.host[placedAt] || part.home[i] == part.home[placedAt])
                && part.offFrom[i][k] <= part.onTo[placedAt][placedK]
                && part.offFrom[placedAt][placedK] <= part.onTo[i][k];
    }

    /** A plan with the positions before {@code depth} as decided and the rest left out. */
    private void record(int depth, int placed, long delay) {
        if (placed > bestPlaced || placed == bestPlaced && delay < bestDelay) {
            bestPlaced = placed;
            bestDelay = delay;
            System.arraycopy(start, 0, bestStart, 0, depth);
            System.arraycopy(mentor, 0, bestMentor, 0, depth);
            Arrays.fill(bestStart, depth, n, PlacementState.NONE);
            Arrays.fill(bestMentor, depth, n, -1);
            // the bound's count is reached: no plan places more, the delay is the second pass's
            countReached = countPass && bestPlaced >= countTarget;
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
