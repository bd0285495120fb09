package org.kora.report;

import java.time.YearMonth;
import java.util.Objects;

/** What a rotation calendar shows: its page setup, the grouping of its rows and its months. */
public record CalendarOptions(PageSetup setup, CalendarGrouping grouping, YearMonth first, YearMonth last) {
    public CalendarOptions {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last month " + last + " is before the first " + first);
        }
    }
}
