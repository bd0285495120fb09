package org.kora.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.kora.domain.ProgramCalendar;
import org.kora.domain.ProgramTemplate;
import org.kora.domain.StartRule;

/** What holds for every plan the auto-planner returns, on generated problems of up to 40 trainees. */
class AutoPlannerPropertiesTest {
    private static final PlannerOptions QUICK = PlannerOptions.DEFAULT.withTimeLimit(Duration.ofMillis(300));

    private static Plan plan(PlanningProblem problem, long seed) {
        return new AutoPlanner().plan(problem, QUICK.withSeed(seed), PlannerProgress.NONE);
    }

    @Property(tries = 40)
    void everyPlanHasNoConflict(@ForAll @IntRange(min = 1, max = 40) int size,
                                @ForAll @IntRange(min = 0, max = 100_000) int seed,
                                @ForAll @IntRange(min = 12, max = 36) int months) {
        var problem = ProblemGenerator.generate(size, seed, months);
        assertThat(NaiveChecker.conflicts(problem, plan(problem, seed))).isEmpty();
    }

    @Property(tries = 30)
    void everyPlanHasNoConflictWhateverTheProgramShape(@ForAll @IntRange(min = 1, max = 30) int size,
                                                       @ForAll @IntRange(min = 0, max = 100_000) int seed,
                                                       @ForAll @IntRange(min = 1, max = 3) int offSiteMonths,
                                                       @ForAll @IntRange(min = 1, max = 3) int onSiteMonths,
                                                       @ForAll @IntRange(min = 0, max = 20) int travelDays,
                                                       @ForAll boolean anyDay) {
        var program = new ProgramTemplate(offSiteMonths, onSiteMonths, travelDays,
                anyDay ? StartRule.ANY_DAY : StartRule.MONTH_START);
        var problem = PartOptionsTest.withProgram(ProblemGenerator.generate(size, seed, 18), program);
        assertThat(NaiveChecker.conflicts(problem, plan(problem, seed))).isEmpty();
    }

    @Property(tries = 40)
    void everyFirstPlanHasNoConflict(@ForAll @IntRange(min = 1, max = 60) int size,
                                     @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        var problem = ProblemGenerator.generate(size, seed);
        var plan = new AutoPlanner().plan(problem, PlannerOptions.DEFAULT.firstPlanOnly(), PlannerProgress.NONE);
        assertThat(NaiveChecker.conflicts(problem, plan)).isEmpty();
    }

    @Property(tries = 30)
    void everyBlockHasTheExactCalendarLength(@ForAll @IntRange(min = 1, max = 30) int size,
                                             @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        var problem = ProblemGenerator.generate(size, seed);
        for (var assignment : plan(problem, seed).assignments()) {
            var expected = ProgramCalendar.rotation(assignment.offSite().from(), problem.program());
            assertThat(assignment.offSite()).isEqualTo(expected.offSite());
            assertThat(assignment.onSite()).isEqualTo(expected.onSite());
        }
    }

    @Property(tries = 30)
    void everyTraineeIsAssignedOrUnplannedExactlyOnce(@ForAll @IntRange(min = 1, max = 40) int size,
                                                      @ForAll @IntRange(min = 0, max = 100_000) int seed,
                                                      @ForAll @IntRange(min = 8, max = 36) int months) {
        var problem = ProblemGenerator.generate(size, seed, months);
        assertThat(NaiveChecker.coverage(problem, plan(problem, seed))).isEmpty();
    }

    @Property(tries = 30)
    void fixedAssignmentsNeverMove(@ForAll @IntRange(min = 2, max = 40) int size,
                                   @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        var whole = ProblemGenerator.generate(size, seed);
        var firstHalf = whole.trainees().subList(0, size / 2);
        var earlier = plan(withTrainees(whole, firstHalf, List.of()), seed);
        var problem = withTrainees(whole, whole.trainees(), earlier.assignments());

        var plan = plan(problem, seed + 1);

        var fixedTrainees = earlier.assignments().stream().map(Assignment::trainee).toList();
        assertThat(plan.assignments()).noneMatch(assignment -> fixedTrainees.contains(assignment.trainee()));
        assertThat(NaiveChecker.conflicts(problem, plan)).isEmpty();
        assertThat(NaiveChecker.coverage(problem, plan)).isEmpty();
    }

    @Property(tries = 30)
    void everyUnplannedTraineeHasAReason(@ForAll @IntRange(min = 1, max = 40) int size,
                                         @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        var problem = ProblemGenerator.generate(size, seed, 12);
        for (var unplanned : plan(problem, seed).unplanned()) {
            assertThat(unplanned.reason().messageKey()).startsWith("unplanned.");
        }
    }

    static PlanningProblem withTrainees(PlanningProblem problem, List<TraineeSpec> trainees, List<Assignment> fixed) {
        return new PlanningProblem(problem.horizon(), problem.program(), problem.blackouts(), problem.hostDepartments(),
                problem.homeDepartments(), problem.mentors(), new ArrayList<>(trainees), fixed);
    }
}
