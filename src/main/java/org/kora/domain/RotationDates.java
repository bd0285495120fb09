package org.kora.domain;

/** The two blocks of a rotation, as dates. */
public record RotationDates(DateRange offSite, DateRange onSite) {
    public RotationDates {
        if (!onSite.from().isAfter(offSite.to())) {
            throw new IllegalArgumentException("the on-site block must follow the off-site block");
        }
    }
}
