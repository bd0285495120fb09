package org.kora.planning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import com.google.ortools.Loader;

/**
 * The auto-planner against an exact solver, OR-Tools CP-SAT ({@link CpSatModel}), on generated
 * problems: the quality targets of the planning issue (docs/performance.md). Per seed the planner
 * plans the whole problem with its default options (or the time limit given) and is timed; then
 * CP-SAT solves each independent part ({@link ExhaustiveSolver#parts}: trainees sharing no
 * department, directly or through others, so the optimum of the whole is the sum of the parts')
 * within a time limit per part on two workers.
 *
 * <p>Every plan must have no conflict by {@link ConflictFinder} — the planner's, each of CP-SAT's
 * and CP-SAT's joined over the parts — and CP-SAT's objective must be the plan's own, or the run
 * stops: this keeps the model to the checker's rules.
 *
 * <p>Compared are the objective's first two levels, lexicographically: trainees placed, then total
 * delay. Per part, CP-SAT's proven bound on {@code unplacedWeight × unplaced + delay} gives the most
 * trainees any plan can place and, where that is the planner's count, a lower bound on the delay at
 * that count. The last column is the planner's delay over CP-SAT's optimum (every part optimal) or
 * over the sum of those bounds (some part open), or says how many placements the planner missed.
 * One markdown row per seed, then notes on parts where CP-SAT found a better plan, where the bound
 * leaves the count open, or where the planner beat the bound (a model disagreement).
 */
public final class CpSatComparison {
    private static final int WORKERS = 2;
    private static final int PROGRESS_EVERY_PARTS = 100;

    private CpSatComparison() {
    }

    public static void main(String[] args) {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: CpSatComparison SIZE FIRST_SEED LAST_SEED PART_SECONDS [PLANNER_SECONDS]");
            System.exit(2);
        }
        var size = Integer.parseInt(args[0]);
        var firstSeed = Long.parseLong(args[1]);
        var lastSeed = Long.parseLong(args[2]);
        var partSeconds = Double.parseDouble(args[3]);
        var plannerLimit = args.length == 5 ? Duration.ofSeconds(Long.parseLong(args[4]))
                : PlannerOptions.DEFAULT.timeLimit();
        Loader.loadNativeLibraries();
        System.out.println("| trainees | seed | parts | planner placed | planner delay (days) | planner s "
                + "| CP-SAT status | CP-SAT placed | CP-SAT delay (days) | most placeable | delay bound (days) "
                + "| CP-SAT s | planner vs CP-SAT |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|");
        var notes = new ArrayList<String>();
        for (var seed = firstSeed; seed <= lastSeed; seed++) {
            System.out.println(compare(size, seed, partSeconds, plannerLimit, notes).row());
            System.out.flush();
        }
        notes.forEach(note -> System.out.println("- " + note));
    }

    private static Tally compare(int size, long seed, double partSeconds, Duration plannerLimit, List<String> notes) {
        var problem = ProblemGenerator.generate(size, seed);
        var began = System.nanoTime();
        var plan = new AutoPlanner().plan(problem, PlannerOptions.DEFAULT.withTimeLimit(plannerLimit),
                PlannerProgress.NONE);
        var tally = new Tally(size, seed, (System.nanoTime() - began) / 1e9);
        requireNoConflicts(problem, plan, "the planner's plan");
        var parts = ExhaustiveSolver.parts(problem);
        var joined = new ArrayList<Assignment>();
        for (var i = 0; i < parts.size(); i++) {
            var part = parts.get(i);
            var result = CpSatModel.solve(part, partSeconds, WORKERS);
            var theirs = checked(part, result);
            joined.addAll(result.plan().assignments());
            var where = String.format(Locale.ROOT, "%d trainees, seed %d, part %d (%d trainees from %s)", size, seed,
                    i + 1, part.trainees().size(), part.trainees().get(0).id());
            tally.add(PlanObjective.of(part, restrictedTo(part, plan)), theirs, result, where, notes);
            if ((i + 1) % PROGRESS_EVERY_PARTS == 0) {
                System.err.printf(Locale.ROOT, "seed %d: %d of %d parts, CP-SAT %.0f s%n", seed, i + 1, parts.size(),
                        tally.solverSeconds);
            }
        }
        requireNoConflicts(problem, new Plan(joined, List.of()), "CP-SAT's plans joined");
        return tally;
    }

    /** The objective of CP-SAT's plan, after checking that it keeps every rule and is what CP-SAT says. */
    private static PlanObjective checked(PlanningProblem part, CpSatModel.Result result) {
        requireNoConflicts(part, result.plan(), "CP-SAT's plan");
        var own = PlanObjective.of(part, result.plan());
        var objective = result.objectiveOf(result.trainees() - own.planned(), own.totalDelayDays());
        if (result.foundPlan() && objective != result.objective()) {
            throw new IllegalStateException("CP-SAT's objective " + result.objective() + " is not its plan's "
                    + objective + " (part from " + part.trainees().get(0).id() + ")");
        }
        return own;
    }

    private static void requireNoConflicts(PlanningProblem problem, Plan plan, String whose) {
        var conflicts = ConflictFinder.find(problem, plan);
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException(whose + " breaks " + conflicts.size() + " rules, first "
                    + conflicts.get(0));
        }
    }

    private static Plan restrictedTo(PlanningProblem part, Plan plan) {
        var ids = new HashSet<String>();
        part.trainees().forEach(spec -> ids.add(spec.id()));
        return new Plan(plan.assignments().stream().filter(a -> ids.contains(a.trainee())).toList(),
                plan.unplanned().stream().filter(u -> ids.contains(u.trainee())).toList());
    }

    /** One seed's figures, summed over its parts. */
    private static final class Tally {
        private final int size;
        private final long seed;
        private final double plannerSeconds;
        private int parts;
        private int optimalParts;
        private int partsWithoutPlan;
        private int plannerPlaced;
        private long plannerDelay;
        private int solverPlaced;
        private long solverDelay;
        private double solverSeconds;
        private long mostPlaceable;
        /** Parts where CP-SAT's bound does not rule out placing more trainees than the planner did. */
        private int partsShortOfBound;
        /** The planner's delay and the delay bound over the parts whose count is proven. */
        private long plannerDelayCountProven;
        private long delayBound;

        Tally(int size, long seed, double plannerSeconds) {
            this.size = size;
            this.seed = seed;
            this.plannerSeconds = plannerSeconds;
        }

        void add(PlanObjective ours, PlanObjective theirs, CpSatModel.Result result, String where,
                 List<String> notes) {
            parts++;
            optimalParts += result.optimal() ? 1 : 0;
            partsWithoutPlan += result.foundPlan() ? 0 : 1;
            solverSeconds += result.seconds();
            plannerPlaced += ours.planned();
            plannerDelay += ours.totalDelayDays();
            solverPlaced += theirs.planned();
            solverDelay += theirs.totalDelayDays();
            mostPlaceable += result.trainees() - result.minUnplaced();
            var unplaced = result.trainees() - ours.planned();
            var oursObjective = result.objectiveOf(unplaced, ours.totalDelayDays());
            if (result.minUnplaced() == unplaced) {
                plannerDelayCountProven += ours.totalDelayDays();
                delayBound += result.bound() - result.objectiveOf(unplaced, 0);
            } else {
                partsShortOfBound++;
            }
            var disagrees = oursObjective < result.bound();
            if (disagrees || result.minUnplaced() < unplaced || result.objective() < oursObjective) {
                notes.add(String.format(Locale.ROOT, "%s: planner %d placed / %d days, CP-SAT %d / %d (%s), "
                                + "at most %d placeable%s", where, ours.planned(), ours.totalDelayDays(),
                        theirs.planned(), theirs.totalDelayDays(), result.status(),
                        result.trainees() - result.minUnplaced(),
                        disagrees ? "; MODEL DISAGREEMENT: the planner beats CP-SAT's bound " + result.bound() : ""));
            }
        }

        String row() {
            var status = optimalParts == parts ? "OPTIMAL"
                    : String.format(Locale.ROOT, "FEASIBLE, %d of %d parts open", parts - optimalParts, parts)
                    + (partsWithoutPlan > 0 ? ", " + partsWithoutPlan + " without a plan" : "");
            var bound = partsShortOfBound == 0 ? String.format(Locale.ROOT, "%,d", delayBound) : "n/a";
            return String.format(Locale.ROOT,
                    "| %,d | %d | %d | %,d | %,d | %.1f | %s | %,d | %,d | %,d | %s | %.1f | %s |", size, seed, parts,
                    plannerPlaced, plannerDelay, plannerSeconds, status, solverPlaced, solverDelay, mostPlaceable,
                    bound, solverSeconds, verdict());
        }

        /**
         * The planner's delay over the optimum or the bound, on the parts where it places as many as
         * can be placed; before it, the placements it misses (optimum) or may miss (bound).
         */
        private String verdict() {
            var allOptimal = optimalParts == parts;
            var against = ratio(plannerDelayCountProven, delayBound)
                    + (allOptimal ? " of the optimum" : " of the bound");
            if (partsShortOfBound == 0) {
                return against;
            }
            return String.format(Locale.ROOT, "%s %d fewer placed (%d of %d parts); %s on the other parts",
                    allOptimal ? "MISS:" : "may miss: up to", mostPlaceable - plannerPlaced, partsShortOfBound, parts,
                    against);
        }

        private static String ratio(long ours, long best) {
            if (ours == best) {
                return "1.0000×";
            }
            return best == 0 ? "∞" : String.format(Locale.ROOT, "%.4f×", (double) ours / best);
        }
    }
}
