package org.kora.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Checkpoints of one kind of resource of a part (its host departments, home departments or
 * mentors): per resource, days such that every possible block there contains at least one — a
 * greedy stabbing of the blocks, earliest end first, which gives about one a block's length apart.
 * Whatever the plan, each placed trainee's block contains a checkpoint of each resource it uses,
 * and on a checkpoint no more trainees fit than the room left there; so a matching of trainees to
 * checkpoints with room bounds how many of them can be placed.
 *
 * <p>Resources are counted in groups: a host or home department is its own group; the mentors of a
 * home department form one, since a trainee may take any of them. Checkpoints are numbered within
 * their group, and a trainee's reach is a bit set over its group's checkpoints.
 */
final class Checkpoints {
    private final int[][] points;
    private final int[] group;
    private final int[] base;
    private final int[][] room;
    private final Matching matching = new Matching();
    private final DelayFlow delayFlow = new DelayFlow();

    /**
     * @param blocks  per resource, its possible blocks as {first day, last day}
     * @param groupOf per resource, its group, or -1 if it has no block
     * @param groups  how many groups
     */
    Checkpoints(List<List<int[]>> blocks, int[] groupOf, int groups) {
        points = blocks.stream().map(Checkpoints::stab).toArray(int[][]::new);
        group = groupOf.clone();
        base = new int[points.length];
        var sizes = new int[groups];
        for (var r = 0; r < points.length; r++) {
            if (group[r] >= 0) {
                base[r] = sizes[group[r]];
                sizes[group[r]] += points[r].length;
            }
        }
        room = Arrays.stream(sizes).mapToObj(int[]::new).toArray(int[][]::new);
    }

    /** Fewest days that every block contains one of: each block not yet hit adds its last day (greedy by end). */
    static int[] stab(List<int[]> blocks) {
        var byEnd = new ArrayList<>(blocks);
        byEnd.sort(Comparator.comparingInt(block -> block[1]));
        var points = new int[byEnd.size()];
        var count = 0;
        var last = Integer.MIN_VALUE;
        for (var block : byEnd) {
            if (block[0] > last) {
                last = block[1];
                points[count++] = last;
            }
        }
        return Arrays.copyOf(points, count);
    }

    /** Empty bit sets, one per position, each wide enough for the checkpoints of the position's group. */
    long[][] newReach(int[] groupOfPosition) {
        return Arrays.stream(groupOfPosition).mapToObj(g -> new long[Math.max(1, (room[g].length + 63) / 64)])
                .toArray(long[][]::new);
    }

    /** The number within its group of the first checkpoint of the resource on or after the day. */
    int first(int resource, int day) {
        var found = Arrays.binarySearch(points[resource], day);
        return base[resource] + (found >= 0 ? found : -found - 1);
    }

    /** The number within its group of the last checkpoint of the resource on or before the day. */
    int last(int resource, int day) {
        return first(resource, day + 1) - 1;
    }

    /** The room left at every checkpoint: the resource's limit less its load that day. */
    void fillRoom(int[][] load, int[] limit) {
        for (var r = 0; r < points.length; r++) {
            if (group[r] < 0) {
                continue;
            }
            var groupRoom = room[group[r]];
            for (var p = 0; p < points[r].length; p++) {
                groupRoom[base[r] + p] = limit[r] - load[r][points[r][p]];
            }
        }
    }

    /** The most of the positions {@code first} onwards in the list that can each take a checkpoint of the group with room. */
    int match(int[] positions, int first, long[][] reach, int groupIndex) {
        return matching.size(positions, first, reach, room[groupIndex]);
    }

    /**
     * The least delays of placing one, two, … up to {@code most} of the positions {@code first}
     * onwards at checkpoints of the group with room, as steps (each the extra delay of one more),
     * added to {@code steps}; {@code cost[i][p]} is the least delay of a start of position i through
     * checkpoint p. Successive shortest paths of a min-cost flow, so the steps never fall.
     */
    void delaySteps(int[] positions, int first, long[][] reach, int[][] cost, int groupIndex, int most,
                    List<Integer> steps) {
        delayFlow.steps(positions, first, reach, cost, room[groupIndex], most, steps);
    }

    static void setRange(long[] bits, int low, int high) {
        for (var p = low; p <= high; p++) {
            bits[p >>> 6] |= 1L << p;
        }
    }

    /** Maximum matching of positions to checkpoints with room, by augmenting paths (Kuhn). */
    private static final class Matching {
        private int[] members = new int[8];
        private int[] at = new int[8];
        private int[] used = new int[8];
        private long[] visited = new long[1];
        private int count;
        private long[][] reach;
        private int[] room;

        int size(int[] positions, int first, long[][] reach, int[] room) {
            this.reach = reach;
            this.room = room;
            if (members.length < positions.length) {
                members = new int[positions.length];
                at = new int[positions.length];
            }
            if (used.length < room.length) {
                used = new int[room.length];
            }
            if (visited.length < (room.length + 63) / 64) {
                visited = new long[(room.length + 63) / 64];
            }
            Arrays.fill(used, 0, room.length, 0);
            count = 0;
            for (var i : positions) {
                if (i >= first) {
                    members[count] = i;
                    at[count] = -1;
                    count++;
                }
            }
            var matched = 0;
            for (var u = 0; u < count; u++) {
                Arrays.fill(visited, 0L);
                if (augment(u)) {
                    matched++;
                }
            }
            return matched;
        }

        private boolean augment(int u) {
            var bits = reach[members[u]];
            for (var w = 0; w < bits.length; w++) {
                var free = bits[w] & ~visited[w];
                while (free != 0) {
                    var bit = free & -free;
                    free &= free - 1;
                    if ((visited[w] & bit) != 0) {
                        continue;
                    }
                    visited[w] |= bit;
                    var p = w * 64 + Long.numberOfTrailingZeros(bit);
                    if (used[p] < room[p]) {
                        used[p]++;
                        at[u] = p;
                        return true;
                    }
                    for (var v = 0; v < count; v++) {
                        if (at[v] == p && augment(v)) {
                            at[u] = p;
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    /** Successive shortest paths of trainees to checkpoints, one unit at a time (Bellman-Ford on a small graph). */
    private static final class DelayFlow {
        private int[] members = new int[8];
        private int[] at = new int[8];
        private long[] traineeDist = new long[8];
        private int[] traineeFrom = new int[8];
        private long[] pointDist = new long[8];
        private int[] pointFrom = new int[8];
        private int[] used = new int[8];

        void steps(int[] positions, int first, long[][] reach, int[][] cost, int[] room, int most, List<Integer> steps) {
            var count = 0;
            if (members.length < positions.length) {
                members = new int[positions.length];
                at = new int[positions.length];
                traineeDist = new long[positions.length];
                traineeFrom = new int[positions.length];
            }
            if (used.length < room.length) {
                used = new int[room.length];
                pointDist = new long[room.length];
                pointFrom = new int[room.length];
            }
            for (var i : positions) {
                if (i >= first) {
                    members[count] = i;
                    at[count] = -1;
                    count++;
                }
            }
            Arrays.fill(used, 0, room.length, 0);
            for (var step = 0; step < most; step++) {
                var inf = Long.MAX_VALUE / 4;
                for (var u = 0; u < count; u++) {
                    traineeDist[u] = at[u] < 0 ? 0 : inf;
                    traineeFrom[u] = -1;
                }
                Arrays.fill(pointDist, 0, room.length, inf);
                var changed = true;
                for (var round = 0; changed; round++) {
                    if (round > count + room.length) {
                        // cannot happen without a negative cycle; zero steps keep the bound valid
                        for (var rest = step; rest < most; rest++) {
                            steps.add(0);
                        }
                        return;
                    }
                    changed = false;
                    for (var u = 0; u < count; u++) {
                        if (traineeDist[u] >= inf) {
                            continue;
                        }
                        var bits = reach[members[u]];
                        var c = cost[members[u]];
                        for (var w = 0; w < bits.length; w++) {
                            var rest = bits[w];
                            while (rest != 0) {
                                var p = w * 64 + Long.numberOfTrailingZeros(rest);
                                rest &= rest - 1;
                                if (p != at[u] && traineeDist[u] + c[p] < pointDist[p]) {
                                    pointDist[p] = traineeDist[u] + c[p];
                                    pointFrom[p] = u;
                                    changed = true;
                                }
                            }
                        }
                    }
                    for (var u = 0; u < count; u++) {
                        var p = at[u];
                        if (p >= 0 && pointDist[p] < inf && pointDist[p] - cost[members[u]][p] < traineeDist[u]) {
                            traineeDist[u] = pointDist[p] - cost[members[u]][p];
                            traineeFrom[u] = p;
                            changed = true;
                        }
                    }
                }
                var best = -1;
                for (var p = 0; p < room.length; p++) {
                    if (used[p] < room[p] && pointDist[p] < inf && (best < 0 || pointDist[p] < pointDist[best])) {
                        best = p;
                    }
                }
                if (best < 0) {
                    return;
                }
                steps.add((int) pointDist[best]);
                used[best]++;
                var p = best;
                while (true) {
                    var u = pointFrom[p];
                    var previous = at[u];
                    at[u] = p;
                    if (traineeFrom[u] < 0 || previous < 0) {
                        break;
                    }
                    p = previous;
                }
            }
        }
    }
}
