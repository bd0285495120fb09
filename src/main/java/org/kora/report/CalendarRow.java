package org.kora.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.kora.domain.CalendarEntry;
import org.kora.domain.DateRange;

/** One trainee's row of the rotation calendar: their blocks in date order, and whether any of their rotations is in conflict. */
record CalendarRow(String traineeName, String staffNo, boolean inConflict, List<CalendarBlock> blocks) {
    CalendarRow {
        blocks = blocks.stream().sorted(Comparator.comparing(block -> block.dates().from())).toList();
    }

    /** One row per trainee of the entries, in the order the trainees first appear. */
    static List<CalendarRow> byTrainee(List<CalendarEntry> entries) {
        var byTrainee = new LinkedHashMap<Long, List<CalendarEntry>>();
        for (var entry : entries) {
            byTrainee.computeIfAbsent(entry.traineeId(), id -> new ArrayList<>()).add(entry);
        }
        return byTrainee.values().stream().map(rotations -> {
            var first = rotations.get(0);
            return new CalendarRow(first.traineeName(), first.staffNo(),
                    rotations.stream().anyMatch(CalendarEntry::inConflict),
                    rotations.stream().flatMap(entry -> CalendarBlock.of(entry).stream()).toList());
        }).toList();
    }

    /**
     * The block a month's cell shows: of the blocks that meet the month, the one with more days in
     * it; on a tie the earlier block. Empty when no block meets the month.
     */
    Optional<CalendarBlock> blockIn(YearMonth month) {
        var range = DateRange.of(month.atDay(1), month.atEndOfMonth());
        CalendarBlock shown = null;
        long shownDays = 0;
        for (var block : blocks) {
            var days = block.daysIn(range);
            if (days > shownDays) {
                shown = block;
                shownDays = days;
            }
        }
        return Optional.ofNullable(shown);
    }
}
