package org.kora.service;

import java.util.Objects;

import org.kora.domain.DateRange;

/**
 * A rotation moved on the calendar: its off-site block as the calendar was read ({@code was}), and
 * its new blocks with the on-site mentor.
 */
public record CalendarMove(long rotationId, DateRange was, DateRange offSite, DateRange onSite, long mentorId) {
    public CalendarMove {
        Objects.requireNonNull(was, "was");
        Objects.requireNonNull(offSite, "offSite");
        Objects.requireNonNull(onSite, "onSite");
    }
}
