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
    /** Every conflict of the plan, kept by {@link #move}; null until {@link #conflicts} first checks all. */
    private List<Conflict> all;

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

    /**
     * Every conflict of the plan as it stands. The first call checks the whole plan (for opening an
     * editor); after that, each move replaces only the conflicts of the resources it touched.
     */
    public List<Conflict> conflicts() {
        if (all == null) {
            all = ConflictFinder.find(state.problem(), plan());
        }
        return List.copyOf(all);
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
        var touched = touched(trainee, old.assignment.mentor(), mentor);
        if (all != null) {
            var spec = state.trainee(trainee);
            all.removeIf(conflict -> touches(conflict, spec, trainee, old.assignment.mentor(), mentor));
            all.addAll(touched);
            all.sort(Conflict.ORDER);
        }
        return touched;
    }

    /** Whether {@link #touched} reports {@code conflict}'s resource anew after a move of {@code trainee}. */
    private static boolean touches(Conflict conflict, TraineeSpec spec, String trainee, String oldMentor,
                                   String newMentor) {
        return switch (conflict.rule()) {
            case HOST_CAPACITY -> spec != null && conflict.resource().equals(spec.hostDepartment());
            case HOME_COVERAGE -> spec != null && conflict.resource().equals(spec.homeDepartment());
            case MENTOR_LOAD -> conflict.resource().equals(oldMentor) || conflict.resource().equals(newMentor);
            default -> conflict.trainees().contains(trainee);
        };
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
