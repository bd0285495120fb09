package org.kora.domain;

import java.time.LocalDate;

/** A period (派驻期) during which a mentor is on site at the home hospital. */
public record Deployment(long id, long mentorId, LocalDate from, LocalDate to) {
    public Deployment {
        DateRange.of(from, to);
    }

    public DateRange range() {
        return DateRange.of(from, to);
    }
}
