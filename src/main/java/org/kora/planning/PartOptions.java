package org.kora.planning;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * One small independent part as the exact search sees it: its trainees with at least one possible
 * start, in search order (scarcest first), every possible start as day indices of the horizon with
 * the mentors who could take it, and the day loads of the part's host departments, home departments
 * and mentors as plain arrays, numbered within the part. The loads start from what the state holds
 * without the part's trainees (fixed assignments only, since parts share no department) and are
 * changed by the search as it places and removes trainees.
 */
final class PartOptions {
    final PlanningModel model;
    /** The part's trainees with at least one possible start, in search order: scarcest first. */
    final int[] order;
    /** Per position: host and home department, numbered within the part. */
    final int[] host;
    final int[] home;
    /** Per position and possible start: first and last day index of the off-site and on-site block. */
    final int[][] offFrom;
    final int[][] offTo;
    final int[][] onFrom;
    final int[][] onTo;
    /** Per position and possible start: the delay in days. */
    final int[][] delay;
    /** Per position and possible start: the mentors (numbered within the part) on site throughout. */
    final int[][][] able;
    /** The part's mentors, by their number within the part. */
    final int[] mentorOf;
    final int[] hostLimit;
    final int[] homeLimit;
    final int[] mentorLimit;
    final int[][] hostLoad;
    final int[][] homeLoad;
    final int[][] mentorLoad;
    /**
     * Per host, home department and mentor: the days that are full (the load at its limit), one bit
     * a day, so that whether a block fits is a look at two or three words; kept up to date by
     * {@link #load}.
     */
    private final long[][] hostFull;
    private final long[][] homeFull;
    private final long[][] mentorFull;

    /** Reads the part's options; the loads are filled by {@link #copyLoads} once the part is out of the state. */
    PartOptions(PlanningModel model, int[] part) {
        this.model = model;
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
        delay = new int[n][];
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
        hostFull = new long[hosts.size()][];
        homeFull = new long[homes.size()][];
        mentorFull = new long[mentorOf.length][];
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
        delay[i] = new int[count];
        able[i] = new int[count][];
        for (var k = 0; k < count; k++) {
            var rotation = model.rotation(model.starts[t][k]);
            offFrom[i][k] = Math.max(0, PlanningModel.day(rotation.offSite().from()) - horizonFrom);
            offTo[i][k] = Math.min(lastIndex, PlanningModel.day(rotation.offSite().to()) - horizonFrom);
            onFrom[i][k] = Math.max(0, PlanningModel.day(rotation.onSite().from()) - horizonFrom);
            onTo[i][k] = Math.min(lastIndex, PlanningModel.day(rotation.onSite().to()) - horizonFrom);
            delay[i][k] = model.delayOf(t, model.starts[t][k]);
            able[i][k] = Arrays.stream(model.homeMentors[t]).filter(m -> model.covers(m, rotation.onSite()))
                    .map(mentors::get).toArray();
        }
    }

    int size() {
        return order.length;
    }

    /** The loads without the part's trainees, taken from the state once they are out of it. */
    void copyLoads(PlacementState state) {
        for (var i = 0; i < order.length; i++) {
            hostLoad[host[i]] = state.loadCopy(model.hostKey[order[i]]);
            homeLoad[home[i]] = state.loadCopy(model.homeKey[order[i]]);
        }
        for (var m = 0; m < mentorOf.length; m++) {
            mentorLoad[m] = state.loadCopy(model.mentorKey[mentorOf[m]]);
        }
        countFull(hostLoad, hostLimit, hostFull);
        countFull(homeLoad, homeLimit, homeFull);
        countFull(mentorLoad, mentorLimit, mentorFull);
    }

    private static void countFull(int[][] loads, int[] limits, long[][] full) {
        for (var r = 0; r < loads.length; r++) {
            full[r] = new long[(loads[r].length + 63) / 64];
            for (var d = 0; d < loads[r].length; d++) {
                if (loads[r][d] >= limits[r]) {
                    full[r][d >>> 6] |= 1L << d;
                }
            }
        }
    }

    /** Whether the off-site block of start k of position i fits its host and home department now. */
    boolean offSiteFits(int i, int k) {
        return free(hostFull[host[i]], offFrom[i][k], offTo[i][k])
                && free(homeFull[home[i]], offFrom[i][k], offTo[i][k]);
    }

    /** Whether the part's mentor m has room for the on-site block of start k of position i now. */
    boolean mentorFits(int i, int k, int m) {
        return free(mentorFull[m], onFrom[i][k], onTo[i][k]);
    }

    /** Whether start k of position i fits the loads now with some mentor. */
    boolean fitsNow(int i, int k) {
        if (!offSiteFits(i, k)) {
            return false;
        }
        for (var m : able[i][k]) {
            if (mentorFits(i, k, m)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the first start of position i from {@code from} on that fits the loads now, or past the end. */
    int nextFit(int i, int from) {
        var k = from;
        while (k < offFrom[i].length && !fitsNow(i, k)) {
            k++;
        }
        return k;
    }

    /** Adds (+1) or removes (−1) position i at start k with the part's mentor m. */
    void load(int i, int k, int m, int delta) {
        add(hostLoad[host[i]], hostLimit[host[i]], hostFull[host[i]], offFrom[i][k], offTo[i][k], delta);
        add(homeLoad[home[i]], homeLimit[home[i]], homeFull[home[i]], offFrom[i][k], offTo[i][k], delta);
        add(mentorLoad[m], mentorLimit[m], mentorFull[m], onFrom[i][k], onTo[i][k], delta);
    }

    /** Whether no day from {@code from} to {@code to} is full. */
    private static boolean free(long[] full, int from, int to) {
        var first = from >>> 6;
        var last = to >>> 6;
        var head = -1L << from;
        var tail = -1L >>> (63 - (to & 63));
        if (first == last) {
            return (full[first] & head & tail) == 0;
        }
        if ((full[first] & head) != 0 || (full[last] & tail) != 0) {
            return false;
        }
        for (var w = first + 1; w < last; w++) {
            if (full[w] != 0) {
                return false;
            }
        }
        return true;
    }

    private static void add(int[] load, int limit, long[] full, int from, int to, int delta) {
        // a day's bit changes only where the load reaches the limit or falls from it
        var changes = delta > 0 ? limit : limit - 1;
        for (var d = from; d <= to; d++) {
            load[d] += delta;
            if (load[d] == changes) {
                full[d >>> 6] ^= 1L << d;
            }
        }
    }
}
