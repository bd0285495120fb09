package org.kora.planning;

/**
 * The rules a plan must keep. The first seven are the hard rules of the product (PRODUCT.md,
 * "Planning rules"); the last three hold what every plan file must be (ARCHITECTURE.md): blocks
 * inside the horizon, blocks of the program's calendar lengths, and ids the problem knows.
 */
public enum Rule {
    /** On every day, trainees off site at a partner department ≤ its capacity. */
    HOST_CAPACITY,
    /** On every day, trainees of a home department away off site ≤ headcount − minimum on duty. */
    HOME_COVERAGE,
    /** The on-site block has a mentor of the trainee's home department, on site every day of it. */
    MENTOR_MATCH,
    /** On every day, a mentor's mentees in on-site blocks ≤ the mentor's capacity. */
    MENTOR_LOAD,
    /** No block starts inside a blackout. */
    BLACKOUT,
    /** No block overlaps the trainee's leave or another rotation of the same trainee. */
    AVAILABILITY,
    /** The off-site block starts on or after the earliest start; the on-site block ends by the latest end. */
    WINDOW,
    /** Both blocks lie inside the planning horizon. */
    HORIZON,
    /** The blocks have the program's lengths and gap, and the off-site block starts as the start rule allows. */
    CALENDAR,
    /** The plan names a trainee or mentor the problem does not know. */
    UNKNOWN_REFERENCE;

    /** Whether this is one of the seven rules of the product, not one of what a plan file must be. */
    public boolean isPlanningRule() {
        return ordinal() <= WINDOW.ordinal();
    }

    /** Whether the rule counts trainees per day on a department or mentor. */
    public boolean counts() {
        return this == HOST_CAPACITY || this == HOME_COVERAGE || this == MENTOR_LOAD;
    }
}
