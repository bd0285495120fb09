package org.kora.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
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
 * The live check of a hand edit as the Cohorts screen makes it: one planned rotation moved to
 * another month start (both blocks), then the plan's whole conflict list read, on generated
 * problems of 100, 1,000 and 10,000 trainees planned by the first plan. Target: one frame, 16 ms.
 * Sample time, so that JMH reports the percentiles, not only the mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class LiveCheckBenchmark {
    @Param({"100", "1000", "10000"})
    public int trainees;

    private LiveCheck live;
    private List<Assignment> planned;
    private LocalDate firstMonth;
    private int months;
    private final SplittableRandom random = new SplittableRandom(1);

    @Setup(Level.Trial)
    public void planAndOpen() {
        var problem = ProblemGenerator.generate(trainees, 42);
        var plan = new AutoPlanner().plan(problem, PlannerOptions.DEFAULT.firstPlanOnly(), PlannerProgress.NONE);
        planned = plan.assignments();
        firstMonth = problem.horizon().from().withDayOfMonth(1);
        months = (int) firstMonth.until(problem.horizon().to()).toTotalMonths() - 6;
        live = new LiveCheck(problem, plan);
        live.conflicts();
    }

    @Benchmark
    public List<Conflict> moveAndCheck() {
        var rotation = planned.get(random.nextInt(planned.size()));
        live.move(rotation.trainee(), firstMonth.plusMonths(random.nextInt(months)), rotation.mentor());
        return live.conflicts();
    }
}
