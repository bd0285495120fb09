package org.kora.planning;

import java.util.concurrent.TimeUnit;

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
 * The first feasible plan (greedy placement, no improvement) on generated problems of 100, 1,000
 * and 10,000 trainees, from the problem to the plan: targets 100 ms at 1,000 and 1 s at 10,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class FirstPlanBenchmark {
    @Param({"100", "1000", "10000"})
    public int trainees;

    private PlanningProblem problem;

    @Setup(Level.Trial)
    public void generate() {
        problem = ProblemGenerator.generate(trainees, 42);
    }

    @Benchmark
    public Plan firstPlan() {
        return new AutoPlanner().plan(problem, PlannerOptions.DEFAULT.firstPlanOnly(), PlannerProgress.NONE);
    }
}
