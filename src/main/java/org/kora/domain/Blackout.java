package org.kora.domain;

import java.time.LocalDate;

/** A date range in which no block may start (禁排期), such as Losar or the Spring Festival. */
public record Blackout(long id, LocalDate from, LocalDate to, String label) {
    public Blackout {
        DateRange.of(from, to);
        Text.requireName(label, "label");
    }

    public DateRange range() {
        return DateRange.of(from, to);
    }
}
