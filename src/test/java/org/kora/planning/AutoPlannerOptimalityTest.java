package org.kora.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;

/** The planner against brute force on problems small enough to search exhaustively. */
class AutoPlannerOptimalityTest {
    private static final int SEEDS = 20;
    private static final long NODE_LIMIT = 50_000_000L;

    @Test
    void plannerFindsTheOptimalCountAndDelayOnTwentySmallProblems() {
        var misses = new ArrayList<String>();
        for (var seed = 1; seed <= SEEDS; seed++) {
            var problem = ProblemGenerator.generate(12, seed, 18);
            var plan = new AutoPlanner().plan(problem, PlannerOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(2))
                    .withSeed(seed), PlannerProgress.NONE);
            assertThat(NaiveChecker.conflicts(problem, plan)).isEmpty();
            misses.addAll(ExhaustiveSolver.misses(problem, plan, seed, NODE_LIMIT));
        }
        assertThat(misses).isEmpty();
    }
}
