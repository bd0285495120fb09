package org.kora.planning;

import java.util.List;
import java.util.Objects;

import org.kora.domain.DateRange;
import org.kora.domain.ProgramTemplate;

/**
 * What the planner is given: the horizon every block must lie in, the program's shape, blackouts,
 * departments on both sides, mentors with their deployments, the trainees to place, and the
 * assignments already fixed (confirmed or in progress, or of other cohorts), which count towards
 * every load and are never moved. Mirrors the problem file of ARCHITECTURE.md; ids are text.
 */
public record PlanningProblem(DateRange horizon, ProgramTemplate program, List<BlackoutPeriod> blackouts,
                              List<HostDepartment> hostDepartments, List<HomeDepartment> homeDepartments,
                              List<MentorSpec> mentors, List<TraineeSpec> trainees, List<Assignment> fixed) {
    public PlanningProblem {
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(program, "program");
        blackouts = List.copyOf(blackouts);
        hostDepartments = List.copyOf(hostDepartments);
        homeDepartments = List.copyOf(homeDepartments);
        mentors = List.copyOf(mentors);
        trainees = List.copyOf(trainees);
        fixed = List.copyOf(fixed);
    }
}
