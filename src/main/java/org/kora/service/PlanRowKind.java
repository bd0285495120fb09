package org.kora.service;

/** What a cohort plan does to one rotation. */
public enum PlanRowKind {
    /** The rotation had no blocks and gets them. */
    NEW,
    /** Other dates (and perhaps another mentor). */
    MOVED,
    /** Same dates, another mentor. */
    NEW_MENTOR,
    /** Planned again exactly as it was. */
    UNCHANGED,
    /** The planner found no place for it; the reason says why. Blocks it had are removed on apply. */
    UNPLANNED,
    /** Confirmed, or already started: kept as it is, never moved. */
    PINNED
}
