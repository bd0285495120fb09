package org.kora.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

import org.kora.domain.Problem;

/**
 * Minimal-change re-planning: after the problem changed under a plan (a mentor's deployment was
 * shortened, a trainee took leave, a department shrank), repairs only what broke.
 *
 * <ol>
 * <li>Every rotation that still keeps every rule is kept as it is. When rotations overload a
 * department or mentor together, they are kept in start order as long as they fit, so the later
 * ones are the ones that break.</li>
 * <li>Each broken rotation, the scarcest first, gets the same dates with another mentor if that
 * is all that broke; else its earliest free start; else room is made for it by moving as few
 * rotations of its departments as possible (one, then two, …, each moved one preferring its old
 * dates), and only if all of them find a place again.</li>
 * <li>Trainees who had no rotation get one if a free start exists; nothing moves for them.</li>
 * </ol>
 *
 * So a rotation without a conflict moves only to make room for a broken one, and its change then
 * names that trainee. Stateless and thread-safe.
 */
public final class RePlanner {
    private static final int MAX_MOVED = 4;
    private static final int TRIES_PER_SIZE = 60;

    public RePlan rePlan(PlanningProblem problem, Plan current, PlannerOptions options, PlannerProgress progress) {
        var deadline = System.nanoTime() + options.timeLimit().toNanos();
        progress.report(0, PlannerPhase.PREPARING);
        var model = new PlanningModel(problem);
        var state = new PlacementState(model);
        var index = new HashMap<String, Integer>();
        for (var t = 0; t < model.size(); t++) {
            index.putIfAbsent(model.trainees[t].id(), t);
        }
        var before = new Assignment[model.size()];
        var wasUnplanned = new HashSet<String>();
        current.unplanned().forEach(unplanned -> wasUnplanned.add(unplanned.trainee()));
        for (var assignment : current.assignments()) {
            var t = index.get(assignment.trainee());
            if (t != null && before[t] == null) {
                before[t] = assignment;
            }
        }

        progress.report(0.1, PlannerPhase.FIRST_PLAN);
        var broken = keepWhatStillHolds(model, state, before);
        var changes = new ArrayList<PlanChange>();
        var random = new SplittableRandom(options.seed());
        for (var t : broken) {
            if (progress.cancelled()) {
                break;
            }
            repair(model, state, t, before, changes, random, deadline);
        }
        for (var t = 0; t < model.size(); t++) {
            if (before[t] == null && state.placeEarliest(t)) {
                changes.add(new PlanChange(model.trainees[t].id(), PlanChange.Kind.PLACED, null, state.assignment(t),
                        null, null));
            } else if (before[t] == null && !wasUnplanned.contains(model.trainees[t].id())) {
                changes.add(new PlanChange(model.trainees[t].id(), PlanChange.Kind.UNPLANNED, null, null, null,
                        state.reason(t)));
            }
        }
        var tried = new boolean[model.size()];
        Arrays.fill(tried, true);
        var plan = state.toPlan(tried);
        progress.report(1, PlannerPhase.DONE);
        return new RePlan(plan, changes);
    }

    /**
     * Places every rotation that keeps every rule, in start order; returns the others, scarcest
     * first (as the planner orders them).
     */
    private static List<Integer> keepWhatStillHolds(PlanningModel model, PlacementState state, Assignment[] before) {
        var holders = new ArrayList<Integer>();
        for (var t = 0; t < model.size(); t++) {
            if (before[t] != null) {
                holders.add(t);
            }
        }
        holders.sort(Comparator.<Integer, LocalDate>comparing(t -> before[t].offSite().from())
                .thenComparing(t -> model.trainees[t].id()));
        var broken = new HashSet<Integer>();
        for (var t : holders) {
            var start = PlanningModel.day(before[t].offSite().from());
            var m = model.mentorIndex(before[t].mentor());
            var valid = Arrays.binarySearch(model.starts[t], start) >= 0 && sameDates(model, start, before[t])
                    && m >= 0 && isHomeMentor(model, t, m) && state.tryStartWith(t, start, m);
            if (!valid) {
                broken.add(t);
            }
        }
        var order = new ArrayList<Integer>();
        for (var t : AutoPlanner.scarcestFirst(model)) {
            if (broken.contains(t)) {
                order.add(t);
            }
        }
        return order;
    }

    private static boolean sameDates(PlanningModel model, int start, Assignment assignment) {
        var rotation = model.rotation(start);
        return rotation.offSite().equals(assignment.offSite()) && rotation.onSite().equals(assignment.onSite());
    }

    private static boolean isHomeMentor(PlanningModel model, int t, int m) {
        for (var candidate : model.homeMentors[t]) {
            if (candidate == m) {
                return true;
            }
        }
        return false;
    }

    private static void repair(PlanningModel model, PlacementState state, int t, Assignment[] before,
                               List<PlanChange> changes, SplittableRandom random, long deadline) {
        var id = model.trainees[t].id();
        var oldStart = PlanningModel.day(before[t].offSite().from());
        var sameStartPossible = Arrays.binarySearch(model.starts[t], oldStart) >= 0 && sameDates(model, oldStart, before[t]);
        if (sameStartPossible && state.tryStart(t, oldStart) || state.placeEarliest(t)) {
            addChange(changes, id, before[t], state.assignment(t), null);
            return;
        }
        var moved = makeRoom(model, state, t, before, random, deadline);
        if (moved != null) {
            addChange(changes, id, before[t], state.assignment(t), null);
            for (var other : moved) {
                addChange(changes, model.trainees[other].id(), before[other], state.assignment(other), id);
            }
            return;
        }
        Problem reason = state.reason(t);
        changes.add(new PlanChange(id, PlanChange.Kind.UNPLANNED, before[t], null, null, reason));
    }

    /**
     * Records a change, unless the rotation came back exactly as it was (room made for another
     * broken rotation can free its old place).
     */
    private static void addChange(List<PlanChange> changes, String trainee, Assignment before, Assignment after,
                                  String makesRoomFor) {
        if (before.equals(after)) {
            return;
        }
        var kind = before.offSite().equals(after.offSite()) ? PlanChange.Kind.NEW_MENTOR : PlanChange.Kind.MOVED;
        changes.add(new PlanChange(trainee, kind, before, after, makesRoomFor, null));
    }

    /**
     * Tries to place {@code t} by taking out one, then two, … placed rotations of its host or home
     * department and putting them back, each at its old dates if it can, else at its earliest free
     * start. Returns the trainees that moved, or null (and the state as it was) if no try worked.
     */
    private static List<Integer> makeRoom(PlanningModel model, PlacementState state, int t, Assignment[] before,
                                          SplittableRandom random, long deadline) {
        if (model.starts[t].length == 0) {
            return null;
        }
        var neighbours = new ArrayList<Integer>();
        for (var u = 0; u < model.size(); u++) {
            if (u != t && state.isPlaced(u)
                    && (model.hostKey[u].equals(model.hostKey[t]) || model.homeKey[u].equals(model.homeKey[t]))) {
                neighbours.add(u);
            }
        }
        for (var size = 1; size <= Math.min(MAX_MOVED, neighbours.size()); size++) {
            for (var attempt = 0; attempt < TRIES_PER_SIZE; attempt++) {
                if (System.nanoTime() > deadline) {
                    return null;
                }
                var taken = pick(neighbours, size, random);
                var moved = tryTaking(model, state, t, taken);
                if (moved != null) {
                    return moved;
                }
            }
        }
        return null;
    }

    private static int[] pick(List<Integer> pool, int size, SplittableRandom random) {
        var copy = new ArrayList<>(pool);
        var taken = new int[size];
        for (var i = 0; i < size; i++) {
            taken[i] = copy.remove(random.nextInt(copy.size()));
        }
        return taken;
    }

    private static List<Integer> tryTaking(PlanningModel model, PlacementState state, int t, int[] taken) {
        var oldStart = new int[taken.length];
        var oldMentor = new int[taken.length];
        for (var i = 0; i < taken.length; i++) {
            oldStart[i] = state.start(taken[i]);
            oldMentor[i] = state.mentor(taken[i]);
            state.remove(taken[i]);
        }
        var ok = state.placeEarliest(t);
        var moved = new ArrayList<Integer>();
        for (var i = 0; ok && i < taken.length; i++) {
            if (state.tryStartWith(taken[i], oldStart[i], oldMentor[i])) {
                continue;
            }
            ok = state.tryStart(taken[i], oldStart[i]) || state.placeEarliest(taken[i]);
            moved.add(taken[i]);
        }
        if (ok) {
            return moved;
        }
        state.remove(t);
        for (var u : taken) {
            state.remove(u);
        }
        for (var i = 0; i < taken.length; i++) {
            state.place(taken[i], oldStart[i], oldMentor[i], model.rotation(oldStart[i]));
        }
        return null;
    }
}
