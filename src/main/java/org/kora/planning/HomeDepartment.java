package org.kora.planning;

/** A home department: its headcount and the minimum that must stay on duty. */
public record HomeDepartment(String id, int headcount, int minOnDuty) {
    public HomeDepartment {
        if (headcount < 1 || minOnDuty < 0 || minOnDuty >= headcount) {
            throw new IllegalArgumentException(id + ": need headcount >= 1 and 0 <= minOnDuty < headcount");
        }
    }

    /** How many may be away off site on one day. */
    public int awayAllowance() {
        return headcount - minOnDuty;
    }
}
