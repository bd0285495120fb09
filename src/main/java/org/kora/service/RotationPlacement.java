package org.kora.service;

import java.util.Objects;

import org.kora.domain.DateRange;

/** A rotation's two blocks as a planner reads them: the dates, and the on-site mentor (id and name). */
public record RotationPlacement(DateRange offSite, DateRange onSite, long mentorId, String mentorName) {
    public RotationPlacement {
        Objects.requireNonNull(offSite, "offSite");
        Objects.requireNonNull(onSite, "onSite");
        Objects.requireNonNull(mentorName, "mentorName");
    }

    /** Whether both have the same dates (the mentor may differ). */
    public boolean sameDates(RotationPlacement other) {
        return offSite.equals(other.offSite) && onSite.equals(other.onSite);
    }
}
