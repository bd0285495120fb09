package org.kora.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kora.domain.DateRange;

/**
 * How many trainees load each resource (a host department, a home department, a mentor) on each
 * day of the horizon: an array of counts per resource, changed range by range. Adding or removing
 * a block costs its length in days, so a hand edit is checked without recounting the plan.
 */
public final class DayLoads {
    private final LocalDate first;
    private final int days;
    private final Map<String, int[]> counts = new HashMap<>();

    public DayLoads(DateRange horizon) {
        this.first = horizon.from();
        this.days = Math.toIntExact(horizon.days());
    }

    /** Adds {@code delta} (±1) to the resource's count on every day of {@code range} inside the horizon. */
    public void add(String resource, DateRange range, int delta) {
        var load = counts.computeIfAbsent(resource, key -> new int[days]);
        var from = Math.max(0, index(range.from()));
        var to = Math.min(days - 1, index(range.to()));
        for (var day = from; day <= to; day++) {
            load[day] += delta;
        }
    }

    /** The highest count of the resource on any day of {@code range} inside the horizon. */
    public int max(String resource, DateRange range) {
        var load = counts.get(resource);
        if (load == null) {
            return 0;
        }
        var from = Math.max(0, index(range.from()));
        var to = Math.min(days - 1, index(range.to()));
        var max = 0;
        for (var day = from; day <= to; day++) {
            max = Math.max(max, load[day]);
        }
        return max;
    }

    /** A copy of the resource's count per day of the horizon, for a search that keeps its own. */
    int[] copy(String resource) {
        var load = counts.get(resource);
        return load == null ? new int[days] : load.clone();
    }

    /** The count of the resource on one day (0 outside the horizon). */
    public int on(String resource, LocalDate day) {
        var load = counts.get(resource);
        var index = index(day);
        return load == null || index < 0 || index >= days ? 0 : load[index];
    }

    /**
     * The days of {@code range} on which the resource's count exceeds {@code limit}, as maximal
     * runs of consecutive days, each with its highest count.
     */
    public List<Excess> over(String resource, DateRange range, int limit) {
        var runs = new ArrayList<Excess>();
        var load = counts.get(resource);
        if (load == null) {
            return runs;
        }
        var from = Math.max(0, index(range.from()));
        var to = Math.min(days - 1, index(range.to()));
        var start = -1;
        var peak = 0;
        for (var day = from; day <= to + 1; day++) {
            var exceeded = day <= to && load[day] > limit;
            if (exceeded && start < 0) {
                start = day;
                peak = 0;
            }
            if (exceeded) {
                peak = Math.max(peak, load[day]);
            } else if (start >= 0) {
                runs.add(new Excess(DateRange.of(first.plusDays(start), first.plusDays(day - 1L)), peak));
                start = -1;
            }
        }
        return runs;
    }

    /** A run of days on which a resource is over its limit, and its highest count. */
    public record Excess(DateRange days, int peak) {
    }

    private int index(LocalDate day) {
        return Math.toIntExact(day.toEpochDay() - first.toEpochDay());
    }
}
