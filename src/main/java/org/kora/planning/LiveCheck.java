package org.kora.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.kora.domain.ProgramCalendar;

/**
 * The rules checked live while a planner edits a plan by hand. Built once from a problem and a
 * plan, it keeps the day loads of every department and mentor; moving one rotation changes the
 * loads on the old and new blocks only, then checks the resources the move touched: the trainee's
 * host and home departments, the old and new mentor, and the trainee's own rotations. The answer
 * equals what {@link ConflictFinder} finds for those, without recounting the plan. Not thread-safe:
 * one per editor.
 */
public final class LiveCheck {
    private final PlanState state;
    private final List<PlanState.Placed> planned = new ArrayList<>();
    private final List<Unplanned> unplanned;

    public LiveCheck(PlanningProblem problem, Plan plan) {
        this.state = new PlanState(problem);
        problem.fixed().forEach(assignment -> state.place(new PlanState.Placed(assignment, true)));
        for (var assignment : plan.assignments()) {
            var placed = new PlanState.Placed(assignment, false);
            state.place(placed);
            planned.add(placed);
        }
        this.unplanned = plan.unplanned();
    }

    /** The plan as it stands after the moves so far. */
    public Plan plan() {
        return new Plan(planned.stream().map(placed -> placed.assignment).toList(), unplanned);
    }

    /** Every conflict of the plan as it stands: a full check, for opening an editor. */
    public List<Conflict> conflicts() {
        return ConflictFinder.find(state.problem(), plan());
    }

    /** Moves the trainee's rotation to start off site on {@code start}, keeping its mentor. */
    public List<Conflict> move(String trainee, LocalDate start) {
        return move(trainee, start, rotationOf(trainee).assignment.mentor());
    }

    /**
     * Moves the trainee's rotation (the first in the plan, if the plan has several) so that its
     * off-site block starts on {@code start}, both blocks as the program's calendar makes them, with
     * {@code mentor} on site; returns the conflicts of the departments, mentors and trainee touched.
     */
    public List<Conflict> move(String trainee, LocalDate start, String mentor) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(mentor, "mentor");
        var old = rotationOf(trainee);
        var dates = ProgramCalendar.rotation(start, state.problem().program());
        var moved = new PlanState.Placed(new Assignment(trainee, dates.offSite(), dates.onSite(), mentor), false);
        state.remove(old);
        state.place(moved);
        planned.set(planned.indexOf(old), moved);
        return touched(trainee, old.assignment.mentor(), mentor);
    }

    private PlanState.Placed rotationOf(String trainee) {
        for (var placed : planned) {
            if (placed.assignment.trainee().equals(trainee)) {
                return placed;
            }
        }
        throw new IllegalArgumentException("the plan has no rotation of " + trainee);
    }

    private List<Conflict> touched(String trainee, String oldMentor, String newMentor) {
        var conflicts = new LinkedHashSet<Conflict>();
        var spec = state.trainee(trainee);
        if (spec != null) {
            conflicts.addAll(state.hostCapacity(spec.hostDepartment()));
            conflicts.addAll(state.homeCoverage(spec.homeDepartment()));
        }
        conflicts.addAll(state.mentorLoad(oldMentor));
        if (!newMentor.equals(oldMentor)) {
            conflicts.addAll(state.mentorLoad(newMentor));
        }
        for (var placed : planned) {
            if (placed.assignment.trainee().equals(trainee)) {
                conflicts.addAll(state.own(placed));
            }
        }
        var sorted = new ArrayList<>(conflicts);
        sorted.sort(Conflict.ORDER);
        return sorted;
    }
}
