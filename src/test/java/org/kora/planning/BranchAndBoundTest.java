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
        assertOptimalEverywhere((state, part) ->
                assertThat(new BranchAndBound(state, part).run(NO_LIMIT, Long.MAX_VALUE, () -> false)).isTrue());
    }

    @Test
    void countSearchThenDelaySearchReachTheOptimumOfEveryPart() {
        assertOptimalEverywhere((state, part) -> {
            assertThat(new BranchAndBound(state, part).raiseCount(NO_LIMIT, Long.MAX_VALUE, () -> false)).isTrue();
            assertThat(new BranchAndBound(state, part).lowerDelay(NO_LIMIT, Long.MAX_VALUE, () -> false)).isTrue();
        });
    }

    @Test
    void countSearchPlacesTheEleventhTraineeAroundAHostOfCapacityOneQuickly() {
        // 1,000 trainees, seed 1: the first plan places 10 of this part's 16; CP-SAT's optimum is 11 (the search
        // without the placeable bound needed about 1.5 million nodes from here)
        var problem = ProblemGenerator.generate(1000, 1);
        var state = firstPlan(problem);
        var part = PlaceableBoundTest.partOf(state.model, "T00207");
        assertThat(placed(state, part)).isEqualTo(10);

        var search = new BranchAndBound(state, part);
        assertThat(search.raiseCount(10_000, Long.MAX_VALUE, () -> false)).isTrue();

        assertThat(search.placedMore()).isTrue();
        assertThat(placed(state, part)).isEqualTo(11);
        assertThat(NaiveChecker.conflicts(problem, plan(state))).isEmpty();
    }

    private interface PartSearch {
        void search(PlacementState state, int[] part);
    }

    private static void assertOptimalEverywhere(PartSearch search) {
        var misses = new ArrayList<String>();
        for (var seed = 1; seed <= SEEDS; seed++) {
            var problem = ProblemGenerator.generate(12, seed, 18);
            var state = firstPlan(problem);
            for (var part : state.model.components()) {
                search.search(state, part);
            }
            var plan = plan(state);
            assertThat(NaiveChecker.conflicts(problem, plan)).isEmpty();
            misses.addAll(ExhaustiveSolver.misses(problem, plan, seed, SOLVER_NODES));
        }
        assertThat(misses).isEmpty();
    }

    private static PlacementState firstPlan(PlanningProblem problem) {
        var state = new PlacementState(new PlanningModel(problem));
        for (var t : AutoPlanner.scarcestFirst(state.model)) {
            state.placeEarliest(t);
        }
        return state;
    }

    private static Plan plan(PlacementState state) {
        var tried = new boolean[state.model.size()];
        Arrays.fill(tried, true);
        return state.toPlan(tried);
    }

    private static long placed(PlacementState state, int[] part) {
        return Arrays.stream(part).filter(state::isPlaced).count();
    }
}
