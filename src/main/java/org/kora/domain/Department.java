package org.kora.domain;

import java.util.Objects;

/**
 * A department (科室) of one hospital. A home department has a headcount and a minimum on duty;
 * a partner department has a hosting capacity. The fields of the other kind are null.
 */
public record Department(long id, long hospitalId, String name, HospitalKind kind,
                         Integer headcount, Integer minOnDuty, Integer capacity) {
    public Department {
        Text.requireName(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (kind == HospitalKind.HOME) {
            if (headcount == null || headcount < 1) {
                throw new IllegalArgumentException("a home department needs a headcount of at least 1");
            }
            if (minOnDuty == null || minOnDuty < 0 || minOnDuty >= headcount) {
                throw new IllegalArgumentException("minimum on duty must be from 0 to headcount - 1");
            }
            if (capacity != null) {
                throw new IllegalArgumentException("a home department has no hosting capacity");
            }
        } else {
            if (capacity == null || capacity < 1) {
                throw new IllegalArgumentException("a partner department needs a capacity of at least 1");
            }
            if (headcount != null || minOnDuty != null) {
                throw new IllegalArgumentException("a partner department has no headcount");
            }
        }
    }

    public static Department home(long id, long hospitalId, String name, int headcount, int minOnDuty) {
        return new Department(id, hospitalId, name, HospitalKind.HOME, headcount, minOnDuty, null);
    }

    public static Department partner(long id, long hospitalId, String name, int capacity) {
        return new Department(id, hospitalId, name, HospitalKind.PARTNER, null, null, capacity);
    }

    /** How many staff of a home department may be away at once: headcount − minimum on duty. */
    public int awayAllowance() {
        if (kind != HospitalKind.HOME) {
            throw new IllegalStateException(name + " is not a home department");
        }
        return headcount - minOnDuty;
    }
}
