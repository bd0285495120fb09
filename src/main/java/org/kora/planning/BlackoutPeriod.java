package org.kora.planning;

import java.util.Objects;

import org.kora.domain.DateRange;

/** Days on which no block may start, with the name planners know them by. */
public record BlackoutPeriod(DateRange range, String label) {
    public BlackoutPeriod {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(label, "label");
    }
}
