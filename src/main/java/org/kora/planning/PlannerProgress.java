package org.kora.planning;

/**
 * The auto-planner's line back to whoever waits for it: progress as a fraction of the work and
 * the phase, and a cancel flag it checks often. A window's background task implements it with
 * {@code updateProgress} and {@code isCancelled}; a cancelled run returns the best plan so far.
 */
public interface PlannerProgress {
    /** No one is watching and no one cancels. */
    PlannerProgress NONE = (fraction, phase) -> {
    };

    /** Called now and then with a fraction between 0 and 1 of the whole run. */
    void report(double fraction, PlannerPhase phase);

    /** Whether the caller wants the planner to stop now. */
    default boolean cancelled() {
        return false;
    }
}
