package org.kora.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The conflict finder and the tests' naive day-by-day checker agree with each other on the
 * planner's plans, and on those plans once reality changed under them (a mentor leaves early, a
 * trainee takes leave, a host department shrinks): both find nothing, or both find something.
 */
class PlannerAgainstConflictFinderTest {
    @Property(tries = 40)
    void conflictFinderFindsNothingInThePlannersPlans(@ForAll @IntRange(min = 1, max = 40) int size,
                                                      @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        var problem = ProblemGenerator.generate(size, seed);
        var plan = new AutoPlanner().plan(problem, PlannerOptions.DEFAULT.withTimeLimit(Duration.ofMillis(100)),
                PlannerProgress.NONE);

        assertThat(ConflictFinder.find(problem, plan)).isEmpty();
    }

    @Property(tries = 60)
    void conflictFinderAndNaiveCheckerAgreeAfterAChange(@ForAll @IntRange(min = 2, max = 40) int size,
                                                        @ForAll @IntRange(min = 0, max = 100_000) int seed,
                                                        @ForAll @IntRange(min = 0, max = 2) int change) {
        var problem = ProblemGenerator.generate(size, seed);
        var plan = new AutoPlanner().plan(problem, PlannerOptions.DEFAULT.firstPlanOnly(), PlannerProgress.NONE);
        if (plan.assignments().isEmpty()) {
            return;
        }
        var changed = RePlannerPropertiesTest.perturb(problem, plan.assignments().get(seed % plan.assignments().size()),
                change);

        assertThat(ConflictFinder.find(changed, plan).isEmpty())
                .isEqualTo(NaiveChecker.conflicts(changed, plan).isEmpty());
    }
}
