package org.kora.domain;

import java.time.LocalDate;

/** A period in which a trainee is unavailable (请假). */
public record Leave(long id, long traineeId, LocalDate from, LocalDate to, String reason) {
    public Leave {
        DateRange.of(from, to);
    }

    public DateRange range() {
        return DateRange.of(from, to);
    }
}
