package org.kora.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.kora.domain.DateRange;

/** A mentor as the planner sees one: the home department served, capacity and deployments. */
public record MentorSpec(String id, String department, int capacity, List<DateRange> deployments) {
    public MentorSpec {
        if (capacity < 1) {
            throw new IllegalArgumentException(id + ": capacity must be at least 1");
        }
        deployments = List.copyOf(deployments);
    }

    /**
     * The mentor's stays on site: deployments that overlap or follow each other without a gap
     * joined into one, in date order.
     */
    public List<DateRange> stays() {
        var sorted = new ArrayList<>(deployments);
        sorted.sort(Comparator.comparing(DateRange::from));
        var joined = new ArrayList<DateRange>();
        for (var next : sorted) {
            var last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && !next.from().isAfter(last.to().plusDays(1))) {
                var to = next.to().isAfter(last.to()) ? next.to() : last.to();
                joined.set(joined.size() - 1, DateRange.of(last.from(), to));
            } else {
                joined.add(next);
            }
        }
        return joined;
    }
}
