package org.kora.planning;

import java.util.Objects;

import org.kora.domain.DateRange;

/** One trainee's placed rotation: the two blocks and the on-site mentor. */
public record Assignment(String trainee, DateRange offSite, DateRange onSite, String mentor) {
    public Assignment {
        Objects.requireNonNull(trainee, "trainee");
        Objects.requireNonNull(offSite, "offSite");
        Objects.requireNonNull(onSite, "onSite");
        Objects.requireNonNull(mentor, "mentor");
    }
}
