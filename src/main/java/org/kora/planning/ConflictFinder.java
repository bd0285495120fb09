package org.kora.planning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Finds every conflict of a plan against its problem: the seven hard rules of PRODUCT.md, and
 * that blocks lie in the horizon, follow the program's calendar and name known trainees and
 * mentors ({@link Rule}). Fixed assignments count towards every load but are not themselves
 * checked; a count they break on their own is not reported. Conflicts come in {@link Conflict#ORDER}.
 */
public final class ConflictFinder {
    private ConflictFinder() {
    }

    /** Every conflict of {@code plan}, each once, in a stable order. */
    public static List<Conflict> find(PlanningProblem problem, Plan plan) {
        var state = new PlanState(problem);
        problem.fixed().forEach(assignment -> state.place(new PlanState.Placed(assignment, true)));
        var planned = new ArrayList<PlanState.Placed>();
        for (var assignment : plan.assignments()) {
            var placed = new PlanState.Placed(assignment, false);
            state.place(placed);
            planned.add(placed);
        }
        // a set: two rotations of one trainee that overlap find the same conflict from either side
        var conflicts = new LinkedHashSet<Conflict>();
        problem.hostDepartments().forEach(host -> conflicts.addAll(state.hostCapacity(host.id())));
        problem.homeDepartments().forEach(home -> conflicts.addAll(state.homeCoverage(home.id())));
        problem.mentors().forEach(mentor -> conflicts.addAll(state.mentorLoad(mentor.id())));
        planned.forEach(placed -> conflicts.addAll(state.own(placed)));
        var sorted = new ArrayList<>(conflicts);
        sorted.sort(Conflict.ORDER);
        return sorted;
    }
}
