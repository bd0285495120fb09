package org.kora.planning;

import java.util.HashMap;

/**
 * How good a plan is, in the objective's order: trainees planned (and not), the total delay in
 * days (off-site start − earliest start, over every assignment of a trainee of the problem), and
 * the sum over mentors of their squared mentor-days (lower is evener), fixed assignments counted
 * among the mentor-days since they load mentors too. The benchmarks and tests read it.
 */
public record PlanObjective(int planned, int unplanned, long totalDelayDays, long mentorLoadSquares) {
    public static PlanObjective of(PlanningProblem problem, Plan plan) {
        var specs = new HashMap<String, TraineeSpec>();
        problem.trainees().forEach(spec -> specs.putIfAbsent(spec.id(), spec));
        var mentorDays = new HashMap<String, Long>();
        var delay = 0L;
        for (var assignment : plan.assignments()) {
            var spec = specs.get(assignment.trainee());
            if (spec != null) {
                delay += assignment.offSite().from().toEpochDay() - spec.earliestStart().toEpochDay();
            }
            mentorDays.merge(assignment.mentor(), assignment.onSite().days(), Long::sum);
        }
        for (var fixed : problem.fixed()) {
            mentorDays.merge(fixed.mentor(), fixed.onSite().days(), Long::sum);
        }
        var squares = mentorDays.values().stream().mapToLong(days -> days * days).sum();
        return new PlanObjective(plan.assignments().size(), plan.unplanned().size(), delay, squares);
    }
}
