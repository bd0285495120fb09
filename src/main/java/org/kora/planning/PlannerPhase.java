package org.kora.planning;

/** What the auto-planner is doing, for a progress line a planner understands. */
public enum PlannerPhase {
    /** Reading the problem: possible starts per trainee, mentors, independent parts. */
    PREPARING,
    /** Placing every trainee once, the scarcest first, each at its earliest free start. */
    FIRST_PLAN,
    /** Improving the first plan: fewer unplanned, less delay, mentor load spread evenly. */
    IMPROVING,
    /** Finished. */
    DONE
}
