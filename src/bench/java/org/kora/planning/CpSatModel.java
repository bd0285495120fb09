package org.kora.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;

import org.kora.domain.DateRange;
import org.kora.domain.ProgramCalendar;
import org.kora.domain.RotationDates;

/**
 * A planning problem as an OR-Tools CP-SAT model, so that the auto-planner can be measured against
 * an exact solver ({@link CpSatComparison}). Written from PRODUCT.md's hard rules, not from the
 * planner's code, so that the two do not share a mistake; every plan it returns is checked with
 * {@link ConflictFinder} by the comparison.
 *
 * <p>One boolean per trainee, allowed start and able mentor (an {@link Option}); at most one per
 * trainee. Options exist only where the rules of one rotation hold: the start rule and block
 * lengths of {@link ProgramCalendar}, both blocks in the horizon, the window, no block starting in
 * a blackout, no leave overlapping a block, and a mentor of the home department on site (one joined
 * stay) for the whole on-site block. The counting rules (host capacity, home coverage, mentor load)
 * are linear constraints on the days where some block of the department or mentor starts: the load
 * of a set of blocks peaks on one of their first days, so those days are enough.
 *
 * <p>Objective: minimise {@code unplacedWeight × unplaced + total delay}, where the weight exceeds
 * the largest total delay possible: the planner's first two objective levels (placed, then delay),
 * lexicographically. Fixed assignments are not modelled (generated problems have none); a trainee
 * whose host or home department the problem does not know gets no option, as in the planner.
 */
final class CpSatModel {
    /** One possible rotation of one trainee with one mentor; the solver decides {@code chosen}. */
    private record Option(TraineeSpec trainee, RotationDates rotation, MentorSpec mentor, long delay,
                          BoolVar chosen) {
        DateRange offSite() {
            return rotation.offSite();
        }

        DateRange onSite() {
            return rotation.onSite();
        }
    }

    /**
     * What the solver reached in its time: status, the best plan found (empty when none was), its
     * objective, the proven lower bound on the objective, the weight of one unplaced trainee, the
     * number of trainees and the solver's wall time.
     */
    record Result(CpSolverStatus status, Plan plan, long objective, long bound, long unplacedWeight, int trainees,
                  double seconds) {
        boolean optimal() {
            return status == CpSolverStatus.OPTIMAL;
        }

        boolean foundPlan() {
            return status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
        }

        /** The fewest unplaced trainees any plan can have, as far as the bound proves. */
        long minUnplaced() {
            return bound / unplacedWeight;
        }

        /** The objective of a plan with this many unplaced trainees and this total delay. */
        long objectiveOf(long unplaced, long delay) {
            return unplacedWeight * unplaced + delay;
        }
    }

    private final PlanningProblem problem;
    private final CpModel model = new CpModel();
    private final List<Option> options = new ArrayList<>();
    private final Map<String, List<MentorSpec>> mentorsByDepartment = new HashMap<>();
    private final Map<String, List<DateRange>> staysByMentor = new HashMap<>();
    private long unplacedWeight = 1;

    private CpSatModel(PlanningProblem problem) {
        if (!problem.fixed().isEmpty()) {
            throw new IllegalArgumentException("fixed assignments are not modelled");
        }
        this.problem = problem;
        for (var mentor : problem.mentors()) {
            mentorsByDepartment.computeIfAbsent(mentor.department(), key -> new ArrayList<>()).add(mentor);
            staysByMentor.put(mentor.id(), mentor.stays());
        }
        addOptions();
        limitLoads(option -> option.trainee().hostDepartment(), hostCapacities(), Option::offSite);
        limitLoads(option -> option.trainee().homeDepartment(), homeAllowances(), Option::offSite);
        limitLoads(option -> option.mentor().id(), mentorCapacities(), Option::onSite);
        minimiseUnplacedThenDelay();
    }

    /** Builds the model of {@code problem} and solves it within {@code seconds} on {@code workers} threads. */
    static Result solve(PlanningProblem problem, double seconds, int workers) {
        return new CpSatModel(problem).solve(seconds, workers);
    }

    private Result solve(double seconds, int workers) {
        var solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(workers);
        var status = solver.solve(model);
        if (status == CpSolverStatus.MODEL_INVALID || status == CpSolverStatus.INFEASIBLE) {
            throw new IllegalStateException("CP-SAT: " + status + " (the empty plan is always feasible)");
        }
        var found = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
        var trainees = problem.trainees().size();
        var plan = found ? planOf(solver) : new Plan(List.of(), List.of());
        var objective = found ? Math.round(solver.objectiveValue()) : unplacedWeight * trainees;
        var bound = Math.max(0L, (long) Math.ceil(solver.bestObjectiveBound() - 1e-6));
        return new Result(status, plan, objective, bound, unplacedWeight, trainees, solver.wallTime());
    }

    private Plan planOf(CpSolver solver) {
        var assignments = new ArrayList<Assignment>();
        for (var option : options) {
            if (solver.booleanValue(option.chosen())) {
                assignments.add(new Assignment(option.trainee().id(), option.offSite(), option.onSite(),
                        option.mentor().id()));
            }
        }
        return new Plan(assignments, List.of());
    }

    /** Every trainee's options, at most one chosen; the unplaced weight grows by each one's largest delay. */
    private void addOptions() {
        var hosts = hostCapacities();
        var homes = homeAllowances();
        for (var trainee : problem.trainees()) {
            if (!hosts.containsKey(trainee.hostDepartment()) || !homes.containsKey(trainee.homeDepartment())) {
                continue;
            }
            var own = optionsOf(trainee);
            model.addAtMostOne(own.stream().map(Option::chosen).toArray(BoolVar[]::new));
            unplacedWeight += own.stream().mapToLong(Option::delay).max().orElse(0L);
            options.addAll(own);
        }
    }

    private List<Option> optionsOf(TraineeSpec trainee) {
        var own = new ArrayList<Option>();
        for (var rotation : allowedRotations(trainee)) {
            var delay = rotation.offSite().from().toEpochDay() - trainee.earliestStart().toEpochDay();
            for (var mentor : mentorsByDepartment.getOrDefault(trainee.homeDepartment(), List.of())) {
                if (onSiteThroughout(mentor, rotation.onSite())) {
                    var chosen = model.newBoolVar(trainee.id() + "@" + rotation.offSite().from() + "/" + mentor.id());
                    own.add(new Option(trainee, rotation, mentor, delay, chosen));
                }
            }
        }
        return own;
    }

    /**
     * The rotations the start rule allows from the earliest start on whose blocks lie in the
     * horizon and the window, start outside every blackout and miss the trainee's leave. The
     * on-site block ends no earlier for a later start, so the walk stops at the first that ends
     * too late.
     */
    private List<RotationDates> allowedRotations(TraineeSpec trainee) {
        var horizon = problem.horizon();
        var first = trainee.earliestStart().isAfter(horizon.from()) ? trainee.earliestStart() : horizon.from();
        var rotations = new ArrayList<RotationDates>();
        for (var start = first; !start.isAfter(horizon.to()); start = start.plusDays(1)) {
            if (!ProgramCalendar.allowsStart(start, problem.program())) {
                continue;
            }
            var rotation = ProgramCalendar.rotation(start, problem.program());
            var end = rotation.onSite().to();
            if (end.isAfter(horizon.to()) || trainee.latestEnd() != null && end.isAfter(trainee.latestEnd())) {
                break;
            }
            if (!startsInBlackout(rotation) && !overlapsLeave(trainee, rotation)) {
                rotations.add(rotation);
            }
        }
        return rotations;
    }

    private boolean startsInBlackout(RotationDates rotation) {
        return problem.blackouts().stream().anyMatch(blackout -> blackout.range().contains(rotation.offSite().from())
                || blackout.range().contains(rotation.onSite().from()));
    }

    private static boolean overlapsLeave(TraineeSpec trainee, RotationDates rotation) {
        return trainee.leave().stream().anyMatch(leave -> leave.overlaps(rotation.offSite())
                || leave.overlaps(rotation.onSite()));
    }

    /** Whether one of the mentor's stays (deployments joined) holds the whole block. */
    private boolean onSiteThroughout(MentorSpec mentor, DateRange block) {
        return staysByMentor.get(mentor.id()).stream()
                .anyMatch(stay -> stay.contains(block.from()) && stay.contains(block.to()));
    }

    private Map<String, Integer> hostCapacities() {
        var limits = new HashMap<String, Integer>();
        problem.hostDepartments().forEach(host -> limits.put(host.id(), host.capacity()));
        return limits;
    }

    private Map<String, Integer> homeAllowances() {
        var limits = new HashMap<String, Integer>();
        problem.homeDepartments().forEach(home -> limits.put(home.id(), home.awayAllowance()));
        return limits;
    }

    private Map<String, Integer> mentorCapacities() {
        var limits = new HashMap<String, Integer>();
        problem.mentors().forEach(mentor -> limits.put(mentor.id(), mentor.capacity()));
        return limits;
    }

    /**
     * For each resource (department or mentor) and each day on which one of its blocks starts: the
     * chosen options whose block holds that day ≤ the resource's limit. Days on which fewer trainees
     * than the limit could be present need no constraint.
     */
    private void limitLoads(Function<Option, String> resource, Map<String, Integer> limits,
                            Function<Option, DateRange> block) {
        var groups = new LinkedHashMap<String, List<Option>>();
        options.forEach(option -> groups.computeIfAbsent(resource.apply(option), key -> new ArrayList<>()).add(option));
        groups.forEach((key, group) -> {
            var firstDays = new TreeSet<LocalDate>();
            group.forEach(option -> firstDays.add(block.apply(option).from()));
            for (var day : firstDays) {
                var present = group.stream().filter(option -> block.apply(option).contains(day)).toList();
                var trainees = present.stream().map(option -> option.trainee().id()).distinct().count();
                if (trainees > limits.get(key)) {
                    model.addLessOrEqual(LinearExpr.sum(present.stream().map(Option::chosen).toArray(BoolVar[]::new)),
                            limits.get(key));
                }
            }
        });
    }

    private void minimiseUnplacedThenDelay() {
        var objective = LinearExpr.newBuilder().add(unplacedWeight * problem.trainees().size());
        options.forEach(option -> objective.addTerm(option.chosen(), option.delay() - unplacedWeight));
        model.minimize(objective);
    }
}
