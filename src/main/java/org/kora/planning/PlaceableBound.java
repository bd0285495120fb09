package org.kora.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An upper bound on how many of a part's undecided trainees can still be placed, given the loads as
 * they stand: the exact search prunes every branch that cannot reach the count it needs.
 *
 * <p>Each undecided trainee's possible starts are those from the earliest one that fits the loads
 * now that still fit them (host, home department and some mentor). Per host department, at most as
 * many of its trainees can be placed as a matching to the host's {@link Checkpoints} with room pairs
 * up, and as the host's limit times a {@link BlockPacking} of their blocks; the same holds per home
 * department, and per home department for its mentors together. The bound is the smaller of the
 * sum over host departments and the sum over home departments of the smallest of their four
 * figures. At a given count, {@link #delayBelow} bounds the delay in the same terms, by min-cost
 * flows to the checkpoints. A part has at most a few dozen trainees and checkpoints per group, so a
 * bound costs microseconds.
 */
final class PlaceableBound {
    private final PartOptions part;
    private final Checkpoints hostPoints;
    private final Checkpoints homePoints;
    private final Checkpoints mentorPoints;
    /** Per mentor: its home department, or -1 if it can take no start of the part. */
    private final int[] mentorHome;
    /** Per position and start: the first and last checkpoint its off-site block contains, host and home. */
    private final int[][] hostLow;
    private final int[][] hostHigh;
    private final int[][] homeLow;
    private final int[][] homeHigh;
    /** Per position, start and able mentor (as in {@code able}): the first and last checkpoint of the on-site block. */
    private final int[][][] mentorLow;
    private final int[][][] mentorHigh;
    /** Positions per host and per home department. */
    private final int[][] byHost;
    private final int[][] byHome;
    /** Per position: the checkpoints its starts that fit now reach, host, home and mentor; set by {@link #reach}. */
    private final long[][] hostReach;
    private final long[][] homeReach;
    private final long[][] mentorReach;
    /** Per position and start: whether it fits now, off site alone, and with each able mentor; set by {@link #reach}. */
    private final boolean[][] fitsNow;
    private final boolean[][] offSiteFits;
    private final boolean[][][] mentorFits;
    /**
     * Per position and checkpoint of its host, home department or mentors: the least delay of a start
     * that fits now (with that mentor) and contains it; set by {@link #reach}.
     */
    private final int[][] hostCost;
    private final int[][] homeCost;
    private final int[][] mentorCost;
    private final List<Integer> steps = new ArrayList<>();
    private final BlockPacking[] hostPacking;
    private final BlockPacking[] homePacking;
    private final BlockPacking[] mentorPacking;

    PlaceableBound(PartOptions part) {
        this.part = part;
        var n = part.size();
        var hosts = part.hostLimit.length;
        var homes = part.homeLimit.length;
        var mentors = part.mentorOf.length;
        var hostBlocks = lists(hosts);
        var homeBlocks = lists(homes);
        var mentorBlocks = lists(mentors);
        mentorHome = new int[mentors];
        Arrays.fill(mentorHome, -1);
        for (var i = 0; i < n; i++) {
            for (var k = 0; k < part.offFrom[i].length; k++) {
                hostBlocks.get(part.host[i]).add(new int[] {part.offFrom[i][k], part.offTo[i][k]});
                homeBlocks.get(part.home[i]).add(new int[] {part.offFrom[i][k], part.offTo[i][k]});
                for (var m : part.able[i][k]) {
                    mentorBlocks.get(m).add(new int[] {part.onFrom[i][k], part.onTo[i][k]});
                    mentorHome[m] = part.home[i];
                }
            }
        }
        hostPoints = new Checkpoints(hostBlocks, identity(hosts), hosts);
        homePoints = new Checkpoints(homeBlocks, identity(homes), homes);
        mentorPoints = new Checkpoints(mentorBlocks, mentorHome, homes);
        hostLow = new int[n][];
        hostHigh = new int[n][];
        homeLow = new int[n][];
        homeHigh = new int[n][];
        mentorLow = new int[n][][];
        mentorHigh = new int[n][][];
        fitsNow = new boolean[n][];
        offSiteFits = new boolean[n][];
        mentorFits = new boolean[n][][];
        for (var i = 0; i < n; i++) {
            describeStarts(i);
        }
        hostReach = hostPoints.newReach(part.host);
        homeReach = homePoints.newReach(part.home);
        mentorReach = mentorPoints.newReach(part.home);
        hostCost = new int[n][];
        homeCost = new int[n][];
        mentorCost = new int[n][];
        for (var i = 0; i < n; i++) {
            hostCost[i] = new int[hostReach[i].length * 64];
            homeCost[i] = new int[homeReach[i].length * 64];
            mentorCost[i] = new int[mentorReach[i].length * 64];
        }
        byHost = positionsBy(part.host, hosts);
        byHome = positionsBy(part.home, homes);
        hostPacking = Arrays.stream(byHost).map(positions -> BlockPacking.offSite(part, positions))
                .toArray(BlockPacking[]::new);
        homePacking = Arrays.stream(byHome).map(positions -> BlockPacking.offSite(part, positions))
                .toArray(BlockPacking[]::new);
        mentorPacking = new BlockPacking[mentors];
        for (var m = 0; m < mentors; m++) {
            mentorPacking[m] = BlockPacking.onSite(part, m);
        }
    }

    private static List<List<int[]>> lists(int count) {
        var lists = new ArrayList<List<int[]>>();
        for (var i = 0; i < count; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private static int[] identity(int count) {
        var identity = new int[count];
        Arrays.setAll(identity, i -> i);
        return identity;
    }

    private static int[][] positionsBy(int[] key, int count) {
        var lists = new ArrayList<List<Integer>>();
        for (var i = 0; i < count; i++) {
            lists.add(new ArrayList<>());
        }
        for (var i = 0; i < key.length; i++) {
            lists.get(key[i]).add(i);
        }
        return lists.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private void describeStarts(int i) {
        var count = part.offFrom[i].length;
        hostLow[i] = new int[count];
        hostHigh[i] = new int[count];
        homeLow[i] = new int[count];
        homeHigh[i] = new int[count];
        mentorLow[i] = new int[count][];
        mentorHigh[i] = new int[count][];
        fitsNow[i] = new boolean[count];
        offSiteFits[i] = new boolean[count];
        mentorFits[i] = new boolean[count][];
        for (var k = 0; k < count; k++) {
            hostLow[i][k] = hostPoints.first(part.host[i], part.offFrom[i][k]);
            hostHigh[i][k] = hostPoints.last(part.host[i], part.offTo[i][k]);
            homeLow[i][k] = homePoints.first(part.home[i], part.offFrom[i][k]);
            homeHigh[i][k] = homePoints.last(part.home[i], part.offTo[i][k]);
            var mentors = part.able[i][k];
            mentorLow[i][k] = new int[mentors.length];
            mentorHigh[i][k] = new int[mentors.length];
            mentorFits[i][k] = new boolean[mentors.length];
            for (var j = 0; j < mentors.length; j++) {
                mentorLow[i][k][j] = mentorPoints.first(mentors[j], part.onFrom[i][k]);
                mentorHigh[i][k][j] = mentorPoints.last(mentors[j], part.onTo[i][k]);
            }
        }
    }

    /**
     * At most how many of the part's trainees can be placed with the loads the state has now (none
     * of them should be placed in it).
     */
    static int of(PlacementState state, int[] trainees) {
        var bound = fromState(state, trainees);
        return bound.upper(0, bound.rootFits());
    }

    /**
     * Whether, as far as the bound sees, {@code missing} of the part's trainees could be placed with
     * a total delay below {@code limit}, with the loads the state has now (none of them placed in it).
     */
    static boolean delayBelow(PlacementState state, int[] trainees, int missing, long limit) {
        var bound = fromState(state, trainees);
        bound.upper(0, bound.rootFits());
        return bound.delayBelow(0, missing, limit);
    }

    private static PlaceableBound fromState(PlacementState state, int[] trainees) {
        var part = new PartOptions(state.model, trainees);
        part.copyLoads(state);
        return new PlaceableBound(part);
    }

    private int[] rootFits() {
        var fit = new int[part.size()];
        for (var i = 0; i < fit.length; i++) {
            fit[i] = part.nextFit(i, 0);
        }
        return fit;
    }

    /**
     * At most how many of the positions {@code from} onwards can still be placed, with
     * {@code fit[i]} the earliest start of position i that fits the loads now (past the end: none).
     */
    int upper(int from, int[] fit) {
        hostPoints.fillRoom(part.hostLoad, part.hostLimit);
        homePoints.fillRoom(part.homeLoad, part.homeLimit);
        mentorPoints.fillRoom(part.mentorLoad, part.mentorLimit);
        for (var i = from; i < part.size(); i++) {
            reach(i, fit[i]);
        }
        var hostSide = 0;
        for (var h = 0; h < byHost.length; h++) {
            hostSide += Math.min(hostPoints.match(byHost[h], from, hostReach, h),
                    part.hostLimit[h] * hostPacking[h].disjoint(from, fitsNow));
        }
        var mentorsPacked = new int[byHome.length];
        for (var m = 0; m < mentorPacking.length; m++) {
            if (mentorHome[m] >= 0) {
                mentorsPacked[mentorHome[m]] += part.mentorLimit[m] * mentorPacking[m].disjoint(from, offSiteFits,
                        mentorFits);
            }
        }
        var homeSide = 0;
        for (var d = 0; d < byHome.length; d++) {
            var cover = Math.min(homePoints.match(byHome[d], from, homeReach, d),
                    part.homeLimit[d] * homePacking[d].disjoint(from, fitsNow));
            var mentors = Math.min(mentorPoints.match(byHome[d], from, mentorReach, d), mentorsPacked[d]);
            homeSide += Math.min(cover, mentors);
        }
        return Math.min(hostSide, homeSide);
    }

    /**
     * After {@link #upper} for the same positions: whether {@code missing} more of them can be
     * placed with a total delay below {@code limit}. Per host, a min-cost flow of trainees to
     * checkpoints with room (each edge costing the least delay of a start through that checkpoint)
     * gives the least delay of one, two, … placements there, rising by ever larger steps; the
     * smallest steps over all hosts, {@code missing} of them, bound any plan's delay from below. The
     * same holds per home department, and per home department for its mentors together.
     */
    boolean delayBelow(int from, int missing, long limit) {
        return sideDelay(byHost, hostPoints, hostReach, hostCost, from, missing) < limit
                && sideDelay(byHome, homePoints, homeReach, homeCost, from, missing) < limit
                && sideDelay(byHome, mentorPoints, mentorReach, mentorCost, from, missing) < limit;
    }

    private long sideDelay(int[][] groups, Checkpoints points, long[][] reach, int[][] cost, int from, int missing) {
        steps.clear();
        for (var g = 0; g < groups.length; g++) {
            points.delaySteps(groups[g], from, reach, cost, g, missing, steps);
        }
        if (steps.size() < missing) {
            return Long.MAX_VALUE;
        }
        steps.sort(null);
        var total = 0L;
        for (var i = 0; i < missing; i++) {
            total += steps.get(i);
        }
        return total;
    }

    private static void lower(int[] cost, int low, int high, int delay) {
        for (var p = low; p <= high; p++) {
            cost[p] = Math.min(cost[p], delay);
        }
    }

    /**
     * What position i can still take: its starts from {@code first} on that fit now, and the
     * checkpoints they contain at the host, at home and at each mentor who fits, where those have room.
     */
    private void reach(int i, int first) {
        var host = hostReach[i];
        var home = homeReach[i];
        var mentor = mentorReach[i];
        Arrays.fill(host, 0L);
        Arrays.fill(home, 0L);
        Arrays.fill(mentor, 0L);
        Arrays.fill(fitsNow[i], false);
        Arrays.fill(offSiteFits[i], false);
        Arrays.fill(hostCost[i], Integer.MAX_VALUE);
        Arrays.fill(homeCost[i], Integer.MAX_VALUE);
        Arrays.fill(mentorCost[i], Integer.MAX_VALUE);
        for (var k = first; k < part.offFrom[i].length; k++) {
            if (!part.offSiteFits(i, k)) {
                continue;
            }
            offSiteFits[i][k] = true;
            var able = part.able[i][k];
            for (var j = 0; j < able.length; j++) {
                mentorFits[i][k][j] = part.mentorFits(i, k, able[j]);
                if (mentorFits[i][k][j]) {
                    fitsNow[i][k] = true;
                    Checkpoints.setRange(mentor, mentorLow[i][k][j], mentorHigh[i][k][j]);
                    lower(mentorCost[i], mentorLow[i][k][j], mentorHigh[i][k][j], part.delay[i][k]);
                }
            }
            if (fitsNow[i][k]) {
                lower(hostCost[i], hostLow[i][k], hostHigh[i][k], part.delay[i][k]);
                lower(homeCost[i], homeLow[i][k], homeHigh[i][k], part.delay[i][k]);
                Checkpoints.setRange(host, hostLow[i][k], hostHigh[i][k]);
                Checkpoints.setRange(home, homeLow[i][k], homeHigh[i][k]);
            }
        }
    }
}
