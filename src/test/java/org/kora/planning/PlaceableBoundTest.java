package org.kora.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.kora.domain.ProgramTemplate;
import org.kora.domain.StartRule;

/**
 * The bound on how many trainees can still be placed never falls below the most that any plan
 * places, and the bound on the delay of placing that many never rises above the least delay any
 * such plan has, as {@link ExhaustiveSolver} (written apart from the planner, from the rules) finds
 * them, whether the departments start empty or loaded by fixed assignments; and the count bound is
 * tight where the simple count is not.
 */
class PlaceableBoundTest {
    private static final long SOLVER_NODES = 20_000_000L;

    @Property(tries = 40)
    void boundsNeverCutOffTheOptimumOfAPart(@ForAll @IntRange(min = 4, max = 20) int size,
                                               @ForAll @IntRange(min = 0, max = 100_000) int seed,
                                               @ForAll @IntRange(min = 12, max = 18) int months) {
        assertBoundHolds(ProblemGenerator.generate(size, seed, months), SOLVER_NODES);
    }

    @Property(tries = 40)
    void boundsNeverCutOffTheOptimumAroundFixedAssignments(
            @ForAll @IntRange(min = 6, max = 24) int size,
            @ForAll @IntRange(min = 0, max = 100_000) int seed,
            @ForAll @IntRange(min = 12, max = 18) int months) {
        var whole = ProblemGenerator.generate(size, seed, months);
        var firstHalf = whole.trainees().subList(0, size / 2);
        var earlier = new AutoPlanner().plan(AutoPlannerPropertiesTest.withTrainees(whole, firstHalf, List.of()),
                PlannerOptions.DEFAULT.firstPlanOnly(), PlannerProgress.NONE);
        assertBoundHolds(AutoPlannerPropertiesTest.withTrainees(whole, whole.trainees(), earlier.assignments()),
                SOLVER_NODES);
    }

    @Property(tries = 30)
    void boundsNeverCutOffTheOptimumWhateverTheProgramShape(
            @ForAll @IntRange(min = 2, max = 6) int size,
            @ForAll @IntRange(min = 0, max = 100_000) int seed,
            @ForAll @IntRange(min = 1, max = 3) int offSiteMonths,
            @ForAll @IntRange(min = 1, max = 3) int onSiteMonths,
            @ForAll @IntRange(min = 0, max = 20) int travelDays,
            @ForAll boolean anyDay) {
        var program = new ProgramTemplate(offSiteMonths, onSiteMonths, travelDays,
                anyDay ? StartRule.ANY_DAY : StartRule.MONTH_START);
        // any-day starts give the exhaustive search hundreds of starts a trainee: fewer nodes, some parts skipped
        assertBoundHolds(PartOptionsTest.withProgram(ProblemGenerator.generate(size, seed, 12), program), 1_000_000L);
    }

    @Test
    void boundAllowsElevenOfSixteenTraineesAroundAHostOfCapacityOne() {
        // 1,000 trainees, seed 1: CP-SAT places at most 11 of this part's 16 trainees, who all have starts
        var model = new PlanningModel(ProblemGenerator.generate(1000, 1));
        var part = partOf(model, "T00207");
        assertThat(part).hasSize(16);
        assertThat(Arrays.stream(part).filter(t -> model.starts[t].length > 0).count()).isEqualTo(16);

        assertThat(PlaceableBound.of(new PlacementState(model), part)).isEqualTo(11);
    }

    static int[] partOf(PlanningModel model, String trainee) {
        return model.components().stream()
                .filter(part -> Arrays.stream(part).anyMatch(t -> model.trainees[t].id().equals(trainee)))
                .findFirst().orElseThrow();
    }

    private static void assertBoundHolds(PlanningProblem problem, long solverNodes) {
        var state = new PlacementState(new PlanningModel(problem));
        for (var part : state.model.components()) {
            var optimum = ExhaustiveSolver.solve(only(problem, state.model, part), 0, 0, solverNodes);
            Assume.that(optimum.complete());
            assertThat(PlaceableBound.of(state, part)).isGreaterThanOrEqualTo(optimum.placed());
            assertThat(PlaceableBound.delayBelow(state, part, optimum.placed(), optimum.delay() + 1)).isTrue();
        }
    }

    /** The part's trainees to place, with every fixed assignment (and its trainee) kept. */
    private static PlanningProblem only(PlanningProblem problem, PlanningModel model, int[] part) {
        var fixed = new HashSet<String>();
        problem.fixed().forEach(assignment -> fixed.add(assignment.trainee()));
        var trainees = new ArrayList<TraineeSpec>();
        for (var t : part) {
            trainees.add(model.trainees[t]);
        }
        problem.trainees().stream().filter(spec -> fixed.contains(spec.id())).forEach(trainees::add);
        return AutoPlannerPropertiesTest.withTrainees(problem, trainees, problem.fixed());
    }
}
