package org.kora.planning;

import java.time.Duration;
import java.util.Objects;

/**
 * How the auto-planner runs: how long it may improve the first plan, the seed of its random
 * choices (same seed, same problem and the same number of steps give the same plan), and whether
 * to improve at all ({@code improve = false} returns the first feasible plan, the greedy one).
 */
public record PlannerOptions(Duration timeLimit, long seed, boolean improve) {
    /** Ten seconds of improvement, seed 1. */
    public static final PlannerOptions DEFAULT = new PlannerOptions(Duration.ofSeconds(10), 1L, true);

    public PlannerOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative()) {
            throw new IllegalArgumentException("the time limit must not be negative");
        }
    }

    public PlannerOptions withTimeLimit(Duration limit) {
        return new PlannerOptions(limit, seed, improve);
    }

    public PlannerOptions withSeed(long newSeed) {
        return new PlannerOptions(timeLimit, newSeed, improve);
    }

    /** The first feasible plan only: greedy placement, no improvement. */
    public PlannerOptions firstPlanOnly() {
        return new PlannerOptions(timeLimit, seed, false);
    }
}
