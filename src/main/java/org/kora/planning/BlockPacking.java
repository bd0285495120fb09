package org.kora.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The most blocks of one department or mentor, among the starts that fit now, that can be taken
 * without two of them sharing a day: earliest end first, which is optimal for intervals, whoever's
 * they are. Where the resource's limit is c, at most c times as many trainees fit there: blocks
 * that never overlap more than c at a time split into c sets of blocks that do not overlap at all
 * (interval graphs are perfect). Unlike checkpoints, this sees the days a placed block leaves
 * unusable between itself and the next.
 */
final class BlockPacking {
    private final int[] position;
    private final int[] start;
    private final int[] mentor;
    private final int[] from;
    private final int[] to;

    /** Entries {position, start, index of the mentor among the start's able ones or -1, first day, last day}. */
    private BlockPacking(List<int[]> entries) {
        entries.sort(Comparator.<int[]>comparingInt(e -> e[4]).thenComparingInt(e -> e[3]));
        position = entries.stream().mapToInt(e -> e[0]).toArray();
        start = entries.stream().mapToInt(e -> e[1]).toArray();
        mentor = entries.stream().mapToInt(e -> e[2]).toArray();
        from = entries.stream().mapToInt(e -> e[3]).toArray();
        to = entries.stream().mapToInt(e -> e[4]).toArray();
    }

    /** The off-site blocks of every start of these positions (a host or a home department's). */
    static BlockPacking offSite(PartOptions part, int[] positions) {
        var entries = new ArrayList<int[]>();
        for (var i : positions) {
            for (var k = 0; k < part.offFrom[i].length; k++) {
                entries.add(new int[] {i, k, -1, part.offFrom[i][k], part.offTo[i][k]});
            }
        }
        return new BlockPacking(entries);
    }

    /** The on-site blocks of every start the part's mentor m could take. */
    static BlockPacking onSite(PartOptions part, int m) {
        var entries = new ArrayList<int[]>();
        for (var i = 0; i < part.size(); i++) {
            for (var k = 0; k < part.offFrom[i].length; k++) {
                for (var j = 0; j < part.able[i][k].length; j++) {
                    if (part.able[i][k][j] == m) {
                        entries.add(new int[] {i, k, j, part.onFrom[i][k], part.onTo[i][k]});
                    }
                }
            }
        }
        return new BlockPacking(entries);
    }

    /** Off site: the most disjoint blocks among the starts of positions {@code first} onwards that fit now. */
    int disjoint(int first, boolean[][] fits) {
        var count = 0;
        var last = -1;
        for (var e = 0; e < position.length; e++) {
            var i = position[e];
            if (i >= first && from[e] > last && fits[i][start[e]]) {
                count++;
                last = to[e];
            }
        }
        return count;
    }

    /** On site: the same among the starts that fit now with this mentor. */
    int disjoint(int first, boolean[][] offSiteFits, boolean[][][] mentorFits) {
        var count = 0;
        var last = -1;
        for (var e = 0; e < position.length; e++) {
            var i = position[e];
            if (i >= first && from[e] > last && offSiteFits[i][start[e]] && mentorFits[i][start[e]][mentor[e]]) {
                count++;
                last = to[e];
            }
        }
        return count;
    }
}
