package org.kora.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The planner's exact search against {@link ExhaustiveSolver}, written apart from it from the
 * rules: started from the greedy first plan with no limit, the search must reach the optimum of
 * every part, and its plan must keep every rule.
 */
class BranchAndBoundTest {
    private static final int SEEDS = 20;
    private static final long NO_LIMIT = Long.MAX_VALUE;
    private static final long SOLVER_NODES = 50_000_000L;

    @Test
    void searchFromTheFirstPlanReachesTheOptimumOfEveryPart() {
        var misses = new ArrayList<String>();
        for (var seed = 1; seed <= SEEDS; seed++) {
            var problem = ProblemGenerator.generate(12, seed, 18);
            var model = new PlanningModel(problem);
            var state = new PlacementState(model);
            for (var t : AutoPlanner.scarcestFirst(model)) {
                state.placeEarliest(t);
            }
            for (var part : model.components()) {
                assertThat(new BranchAndBound(state, part).run(NO_LIMIT, Long.MAX_VALUE, () -> false)).isTrue();
            }
            var tried = new boolean[model.size()];
            Arrays.fill(tried, true);
            var plan = state.toPlan(tried);
            assertThat(NaiveChecker.conflicts(problem, plan)).isEmpty();
            misses.addAll(ExhaustiveSolver.misses(problem, plan, seed, SOLVER_NODES));
        }
        assertThat(misses).isEmpty();
    }
}
