package org.kora.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;

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
            for (var part : ExhaustiveSolver.parts(problem)) {
                var ours = PlanObjective.of(part, restrictedTo(part, plan));
                var best = ExhaustiveSolver.solve(part, ours.planned(), ours.totalDelayDays(), NODE_LIMIT);
                assertThat(best.complete()).as("search of seed %d finished", seed).isTrue();
                if (best.placed() != ours.planned() || best.delay() != ours.totalDelayDays()) {
                    misses.add("seed " + seed + ": ours " + ours.planned() + "/" + ours.totalDelayDays()
                            + ", optimum " + best.placed() + "/" + best.delay());
                }
            }
        }
        assertThat(misses).isEmpty();
    }

    private static Plan restrictedTo(PlanningProblem part, Plan plan) {
        var ids = new HashSet<String>();
        part.trainees().forEach(spec -> ids.add(spec.id()));
        return new Plan(plan.assignments().stream().filter(a -> ids.contains(a.trainee())).toList(),
                plan.unplanned().stream().filter(u -> ids.contains(u.trainee())).toList());
    }
}
