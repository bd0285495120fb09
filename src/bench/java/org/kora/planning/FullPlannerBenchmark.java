package org.kora.planning;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full planner (first plan, then improvement for its default 10 s) on generated problems of
 * 100, 1,000 and 10,000 trainees. The score is the time taken; the objective it reached comes out as secondary
 * results: trainees planned, total delay in days, and the first plan's total delay beside it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class FullPlannerBenchmark {
    @Param({"100", "1000", "10000"})
    public int trainees;

    private PlanningProblem problem;
    private long firstPlanDelay;

    /** The objective of the last plan, as JMH's secondary results. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Objective {
        public long planned;
        public long totalDelayDays;
        public long firstPlanDelayDays;
    }

    @Setup(Level.Trial)
    public void generate() {
        problem = ProblemGenerator.generate(trainees, 42);
        var first = new AutoPlanner().plan(problem, PlannerOptions.DEFAULT.firstPlanOnly(), PlannerProgress.NONE);
        firstPlanDelay = PlanObjective.of(problem, first).totalDelayDays();
    }

    @Benchmark
    public Plan plan(Objective objective) {
        var plan = new AutoPlanner().plan(problem, PlannerOptions.DEFAULT, PlannerProgress.NONE);
        var reached = PlanObjective.of(problem, plan);
        objective.planned = reached.planned();
        objective.totalDelayDays = reached.totalDelayDays();
        objective.firstPlanDelayDays = firstPlanDelay;
        return plan;
    }
}
