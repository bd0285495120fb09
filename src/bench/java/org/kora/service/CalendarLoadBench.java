package org.kora.service;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import org.kora.store.CalendarDao;
import org.kora.store.DatabaseFile;
import org.kora.store.Store;

/**
 * Times the calendar's read from the store (docs/performance.md, "Rotation calendar"):
 * {@code CalendarLoadBench FILE MODE [REPEATS]} on a database made by {@link LargeProgram}.
 *
 * <ul>
 * <li>{@code cold-rows}, {@code cold-load}: opens the file (Flyway's check included), signs in as
 * the planner as the window does before any screen, then times the first {@link CalendarDao#rows()}
 * (the one query) or the first {@link CalendarService#load} (the query, the other reads and the
 * whole-program conflict check) of this JVM. Run it as a fresh process per sample.</li>
 * <li>{@code warm}: in one JVM, {@code REPEATS} (default 20) of each after 10 unrecorded rounds,
 * printing the median, minimum and maximum.</li>
 * </ul>
 */
public final class CalendarLoadBench {
    private static final int WARM_UP = 10;

    private CalendarLoadBench() {
    }

    public static void main(String[] args) {
        var file = DatabaseFile.of(Path.of(args[0]));
        var mode = args[1];
        var repeats = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        var clock = Clock.systemDefaultZone();
        var hasher = new PasswordHasher(Integer.getInteger("kora.passwordIterations", PasswordHasher.DEFAULT_ITERATIONS));
        try (var store = Store.open(file)) {
            var session = new AuthService(store, hasher, clock).signIn(LargeProgram.PLANNER, LargeProgram.PASSWORD.toCharArray());
            var calendar = new CalendarService(store, clock);
            var rows = new Timed<>("rows()", () -> store.inTransaction(tx -> tx.dao(CalendarDao.class).rows()),
                    list -> String.format(Locale.ROOT, "%,d rows", list.size()));
            var load = new Timed<>("load()", () -> calendar.load(session),
                    data -> String.format(Locale.ROOT, "%,d rotations, %,d marked in conflict", data.entries().size(),
                            data.entries().stream().filter(entry -> entry.inConflict()).count()));
            switch (mode) {
                case "cold-rows" -> rows.once();
                case "cold-load" -> load.once();
                case "warm" -> {
                    for (var i = 0; i < WARM_UP; i++) {
                        rows.work().get();
                        load.work().get();
                    }
                    rows.repeat(repeats);
                    load.repeat(repeats);
                }
                default -> throw new IllegalArgumentException("mode: cold-rows, cold-load or warm, not " + mode);
            }
        }
    }

    /**
     * A read to time, and what to say about its result (worked out after the clock stops). Besides
     * the wall clock, the CPU time of the reading thread (H2 runs in it): on a shared machine the
     * wall clock also measures the neighbours.
     */
    private record Timed<T>(String name, Supplier<T> work, Function<T, String> describe) {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        void once() {
            var cpu = THREADS.getCurrentThreadCpuTime();
            var start = System.nanoTime();
            var result = work.get();
            var ms = (System.nanoTime() - start) / 1e6;
            var cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
            System.out.printf(Locale.ROOT, "cold %s: %.1f ms (CPU %.1f ms) (%s)%n", name, ms, cpuMs, describe.apply(result));
        }

        void repeat(int repeats) {
            var times = new double[repeats];
            var cpus = new double[repeats];
            T result = null;
            for (var i = 0; i < repeats; i++) {
                var cpu = THREADS.getCurrentThreadCpuTime();
                var start = System.nanoTime();
                result = work.get();
                times[i] = (System.nanoTime() - start) / 1e6;
                cpus[i] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
            }
            Arrays.sort(times);
            Arrays.sort(cpus);
            System.out.printf(Locale.ROOT, "warm %s: median %.1f ms, min %.1f, max %.1f over %d; CPU median %.1f ms, "
                    + "min %.1f (%s)%n", name, median(times), times[0], times[repeats - 1], repeats, median(cpus), cpus[0],
                    describe.apply(result));
        }

        private static double median(double[] sorted) {
            var n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }
}
