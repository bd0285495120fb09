package org.kora.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.kora.domain.DateRange;
import org.kora.domain.Problem;
import org.kora.domain.RotationDates;

/**
 * Where every trainee of a {@link PlanningModel} stands now: start and mentor, the day loads of
 * every department and mentor (fixed assignments included), and the objective kept up to date
 * move by move: placed trainees, total delay, and the sum of squared mentor-days.
 */
final class PlacementState {
    static final int NONE = Integer.MIN_VALUE;

    final PlanningModel model;
    private final DayLoads loads;
    private final int[] start;
    private final int[] mentor;
    private final long[] mentorDays;
    private int placed;
    private long delay;
    private long squares;

    PlacementState(PlanningModel model) {
        this.model = model;
        loads = new DayLoads(model.problem.horizon());
        start = new int[model.size()];
        mentor = new int[model.size()];
        Arrays.fill(start, NONE);
        Arrays.fill(mentor, -1);
        mentorDays = new long[model.mentors.length];
        for (var fixed : model.problem.fixed()) {
            addFixed(fixed);
        }
    }

    /**
     * A fixed assignment loads its trainee's departments and its mentor. A trainee missing from
     * the problem is taken to belong to the mentor's department; its host is then unknown and
     * loads nothing.
     */
    private void addFixed(Assignment fixed) {
        var spec = model.spec(fixed.trainee());
        var m = model.mentorIndex(fixed.mentor());
        if (spec != null) {
            loads.add(PlanningModel.hostKey(spec.hostDepartment()), fixed.offSite(), 1);
            loads.add(PlanningModel.homeKey(spec.homeDepartment()), fixed.offSite(), 1);
        } else if (m >= 0) {
            loads.add(PlanningModel.homeKey(model.mentors[m].department()), fixed.offSite(), 1);
        }
        loads.add(PlanningModel.mentorKey(fixed.mentor()), fixed.onSite(), 1);
        if (m >= 0) {
            addMentorDays(m, fixed.onSite().days());
        }
    }

    int start(int t) {
        return start[t];
    }

    int mentor(int t) {
        return mentor[t];
    }

    boolean isPlaced(int t) {
        return start[t] != NONE;
    }

    /**
     * Whether one more trainee fits the resource on every day of the range. {@code DayLoads.max}
     * scans the whole range; a first plan at 10,000 trainees still takes well under a second.
     */
    private boolean hasRoom(String resource, DateRange range, int limit) {
        return loads.max(resource, range) < limit;
    }

    /** The resource's count per day of the horizon, as a copy. */
    int[] loadCopy(String resource) {
        return loads.copy(resource);
    }

    Score score() {
        return new Score(placed, delay, squares);
    }

    /** Whether the trainee's off-site block fits its host and home department on every day. */
    boolean offSiteFits(int t, RotationDates rotation) {
        return hasRoom(model.hostKey[t], rotation.offSite(), model.hostCapacity[t])
                && hasRoom(model.homeKey[t], rotation.offSite(), model.homeAllowance[t]);
    }

    /** Whether the mentor is on site for the whole block and has room for one more mentee. */
    boolean mentorFits(int m, DateRange onSite) {
        return model.covers(m, onSite) && hasRoom(model.mentorKey[m], onSite, model.mentors[m].capacity());
    }

    /** The free mentor with the fewest mentor-days so far (load spread evenly), or -1. */
    int bestMentor(int t, DateRange onSite) {
        var best = -1;
        for (var m : model.homeMentors[t]) {
            if ((best < 0 || mentorDays[m] < mentorDays[best]) && mentorFits(m, onSite)) {
                best = m;
            }
        }
        return best;
    }

    /** Places the trainee at its earliest start that every load allows; false if none does. */
    boolean placeEarliest(int t) {
        for (var s : model.starts[t]) {
            if (tryStart(t, s)) {
                return true;
            }
        }
        return false;
    }

    /** Places the trainee at this start with the best free mentor, if the loads allow it. */
    boolean tryStart(int t, int s) {
        var rotation = model.rotation(s);
        if (!offSiteFits(t, rotation)) {
            return false;
        }
        var m = bestMentor(t, rotation.onSite());
        if (m < 0) {
            return false;
        }
        place(t, s, m, rotation);
        return true;
    }

    /** Places the trainee at this start with this mentor, if the loads allow it. */
    boolean tryStartWith(int t, int s, int m) {
        var rotation = model.rotation(s);
        if (!offSiteFits(t, rotation) || !mentorFits(m, rotation.onSite())) {
            return false;
        }
        place(t, s, m, rotation);
        return true;
    }

    void place(int t, int s, int m, RotationDates rotation) {
        if (start[t] != NONE) {
            throw new IllegalStateException("trainee " + model.trainees[t].id() + " is placed already");
        }
        loads.add(model.hostKey[t], rotation.offSite(), 1);
        loads.add(model.homeKey[t], rotation.offSite(), 1);
        loads.add(model.mentorKey[m], rotation.onSite(), 1);
        addMentorDays(m, rotation.onSite().days());
        start[t] = s;
        mentor[t] = m;
        placed++;
        delay += model.delayOf(t, s);
    }

    void remove(int t) {
        if (start[t] == NONE) {
            return;
        }
        var rotation = model.rotation(start[t]);
        loads.add(model.hostKey[t], rotation.offSite(), -1);
        loads.add(model.homeKey[t], rotation.offSite(), -1);
        loads.add(model.mentorKey[mentor[t]], rotation.onSite(), -1);
        addMentorDays(mentor[t], -rotation.onSite().days());
        placed--;
        delay -= model.delayOf(t, start[t]);
        start[t] = NONE;
        mentor[t] = -1;
    }

    private void addMentorDays(int m, long days) {
        squares -= mentorDays[m] * mentorDays[m];
        mentorDays[m] += days;
        squares += mentorDays[m] * mentorDays[m];
    }

    Assignment assignment(int t) {
        var rotation = model.rotation(start[t]);
        return new Assignment(model.trainees[t].id(), rotation.offSite(), rotation.onSite(),
                model.mentors[mentor[t]].id());
    }

    /**
     * Why an unplaced trainee stays unplaced: the rule that alone excludes the start, or that
     * excludes most starts when several do. Host capacity, then home coverage, then mentor load
     * are tried in turn for each start.
     */
    Problem reason(int t) {
        if (model.staticReason[t] != null) {
            return model.staticReason[t];
        }
        var spec = model.trainees[t];
        var host = 0;
        var home = 0;
        var mentors = 0;
        for (var s : model.starts[t]) {
            var rotation = model.rotation(s);
            if (!hasRoom(model.hostKey[t], rotation.offSite(), model.hostCapacity[t])) {
                host++;
            } else if (!hasRoom(model.homeKey[t], rotation.offSite(), model.homeAllowance[t])) {
                home++;
            } else {
                mentors++;
            }
        }
        if (host >= home && host >= mentors) {
            return new Problem("unplanned.noCapacity", spec.hostDepartment());
        }
        if (home >= mentors) {
            return new Problem("unplanned.noCover", spec.homeDepartment());
        }
        return new Problem("unplanned.mentorsFull", spec.homeDepartment());
    }

    /**
     * The plan as it stands: the placed trainees, then the unplaced with reasons; fixed
     * assignments stay in the problem, as the conflict finder expects. Trainees a cancelled run
     * never tried ({@code tried[t]} false) say so.
     */
    Plan toPlan(boolean[] tried) {
        var assignments = new ArrayList<Assignment>();
        List<Unplanned> unplanned = new ArrayList<>();
        for (var t = 0; t < model.size(); t++) {
            if (isPlaced(t)) {
                assignments.add(assignment(t));
            } else {
                var why = tried[t] || model.starts[t].length == 0 ? reason(t) : new Problem("unplanned.cancelled");
                unplanned.add(new Unplanned(model.trainees[t].id(), why));
            }
        }
        return new Plan(assignments, unplanned);
    }

    /** The objective, lexicographic: more placed, then less delay, then evener mentor load. */
    record Score(int placed, long delay, long squares) {
        boolean betterThan(Score other) {
            if (placed != other.placed) {
                return placed > other.placed;
            }
            if (delay != other.delay) {
                return delay < other.delay;
            }
            return squares < other.squares;
        }
    }
}
