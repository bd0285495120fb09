package org.kora.ui.calendar;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import com.sun.javafx.perf.PerformanceTracker;
import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import com.sun.prism.GraphicsPipeline;

import org.kora.app.ServiceFactory;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.service.LargeProgram;
import org.kora.service.Services;
import org.kora.service.Session;
import org.kora.store.DatabaseFile;
import org.kora.ui.FxDialogs;
import org.kora.ui.FxTaskExecutor;
import org.kora.ui.PrintResources;
import org.kora.ui.ViewLoader;

/**
 * The rotation calendar's frame-time benchmark (docs/performance.md, "Rotation calendar"):
 * {@code CalendarFrameBench FILE [SECONDS] [PIXELS_PER_PULSE] [zh|en]} on a database made by
 * {@link LargeProgram}, on a real display.
 *
 * <p>Signs in as the planner, shows a 1280×820 window (Kora's default size, Kora's stylesheet)
 * and, once its first frames are on screen, builds the calendar screen as the program builds it
 * ({@code ViewLoader} with a {@code CalendarController} over a {@code CalendarViewModel}, the window's
 * executor and dialogs) as the window's content. The screen reads the calendar in the background
 * as it comes into view; the benchmark notes when the read's result reaches the JavaFX thread and
 * the first frame that shows the lines. Half a second later it scrolls the calendar down by
 * PIXELS_PER_PULSE (default 24) on every pulse for SECONDS (default 5), turning back at either end,
 * and records for every pulse the time between pulses, the time the canvas takes to draw
 * ({@code scrollBy} draws at once on the JavaFX thread), the time the render thread takes to put
 * the frame on screen, and the time between rendered frames. Then it builds the screen a second
 * time, as when the user comes back to it, and times that too: the first opening in a JVM pays
 * for loading and compiling the code as well.
 *
 * <p>A frame is "rendered" when JavaFX's render thread has drawn and presented it (its
 * {@code PerformanceTracker} frame callback); a pulse's own frame is told apart from the one before
 * by a listener that runs after the pulse has waited for the previous frame and handed its scene
 * to the render thread. Finally the heap after two full collections. Internal JavaFX classes
 * ({@code com.sun.javafx.perf}, {@code com.sun.javafx.tk}, {@code com.sun.prism}) are used only here,
 * to see frames; they are reachable because JavaFX runs on the class path.
 */
public final class CalendarFrameBench {
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 820;
    /** Pulses of the empty window before the screen is built, so that start-up work is over. */
    private static final int IDLE_PULSES = 60;
    /** Pulses between the first frame of lines and the start of scrolling. */
    private static final int SETTLE_PULSES = 30;
    private static final int MAX = 100_000;

    private enum Phase { IDLE, BUILDING, SETTLING, SCROLLING, DRAINING, DONE }

    private final Services services;
    private final Session session;
    private final Messages messages;
    private final double seconds;
    private final double step;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final PrintResources prints = new PrintResources();
    private final CompletableFuture<String> report = new CompletableFuture<>();
    /** Held here: the toolkit keeps its pulse listeners only weakly. */
    private final TKPulseListener afterSync = this::afterSync;

    // written by the render thread, read by the JavaFX thread
    private final long[] frames = new long[MAX];
    private final AtomicInteger frameCount = new AtomicInteger();

    private Phase phase = Phase.IDLE;
    private int pulses;
    private Stage stage;
    private CalendarViewModel viewModel;
    private CalendarCanvas canvas;
    private ScrollBar down;
    private double direction = 1;
    private long screenAt;
    private long fxmlDoneAt;
    private long dataAt;
    private long linesAt;
    private long shownAt;
    private long firstPulseAt;
    private long firstSyncAt;
    private int firstFrameIndex = -1;
    private int opened;
    private final StringBuilder text = new StringBuilder();
    private int scrollPulses;
    private long scrollStart;
    private int scrollFirstFrame;
    private int scrollLastFrame;
    private final long[] pulseAt = new long[MAX];
    private final long[] paintNanos = new long[MAX];
    private final long[] syncedAt = new long[MAX];
    private final int[] frameOfPulse = new int[MAX];
    private long heapPeak;

    private CalendarFrameBench(Services services, Session session, Messages messages, double seconds, double step) {
        this.services = services;
        this.session = session;
        this.messages = messages;
        this.seconds = seconds;
        this.step = step;
    }

    public static void main(String[] args) throws Exception {
        var file = DatabaseFile.of(Path.of(args[0]));
        var seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        var step = args.length > 2 ? Double.parseDouble(args[2]) : 24;
        var language = Language.fromCode(args.length > 3 ? args[3] : "zh");
        var services = new ServiceFactory(Clock.systemDefaultZone()).open(file);
        var session = services.auth().signIn(LargeProgram.PLANNER, LargeProgram.PASSWORD.toCharArray());
        var bench = new CalendarFrameBench(services, session, new Messages(language), seconds, step);
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.runLater(bench::show);
        try {
            System.out.print(bench.report.get(10, TimeUnit.MINUTES));
            System.out.println(bench.heap());
        } finally {
            Platform.runLater(() -> bench.stage.hide());
            bench.executor.close();
            bench.prints.close();
            services.close();
            Platform.exit();
        }
    }

    private void show() {
        stage = new Stage();
        stage.setTitle("Kora");
        var scene = new Scene(new StackPane(), WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(CalendarFrameBench.class.getResource("/org/kora/ui/kora.css"))
                .toExternalForm());
        stage.setScene(scene);
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
            var index = frameCount.get();
            if (index < MAX) {
                frames[index] = System.nanoTime();
                frameCount.incrementAndGet();
            }
        });
        Toolkit.getToolkit().addPostSceneTkPulseListener(afterSync);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                try {
                    pulse(this);
                } catch (RuntimeException e) {
                    stop();
                    report.completeExceptionally(e);
                }
            }
        }.start();
        stage.show();
    }

    /** After the pulse has waited for the previous frame: the next frame rendered is this pulse's. */
    private void afterSync() {
        if (phase == Phase.BUILDING && linesAt != 0 && firstFrameIndex < 0) {
            firstFrameIndex = frameCount.get();
            firstSyncAt = System.nanoTime();
        } else if (phase == Phase.SCROLLING && scrollPulses > 0) {
            syncedAt[scrollPulses - 1] = System.nanoTime();
            frameOfPulse[scrollPulses - 1] = frameCount.get();
        }
    }

    private void pulse(AnimationTimer timer) {
        pulses++;
        if (pulses % 30 == 0) {
            heapPeak = Math.max(heapPeak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        switch (phase) {
            case IDLE -> {
                if (pulses == IDLE_PULSES) {
                    build();
                }
            }
            case BUILDING -> {
                if (linesAt != 0 && firstPulseAt == 0) {
                    firstPulseAt = System.nanoTime();
                }
                if (firstFrameIndex >= 0 && frameCount.get() > firstFrameIndex) {
                    if (opened == 0) {
                        text.append(built("first opened"));
                        phase = Phase.SETTLING;
                    } else {
                        text.append(built("opened again"));
                        phase = Phase.DONE;
                        timer.stop();
                        report.complete(text.toString());
                    }
                    opened++;
                    pulses = 0;
                }
            }
            case SETTLING -> {
                if (pulses == SETTLE_PULSES) {
                    phase = Phase.SCROLLING;
                    scrollStart = System.nanoTime();
                    scrollFirstFrame = frameCount.get();
                    scroll();
                }
            }
            case SCROLLING -> {
                if (System.nanoTime() - scrollStart >= seconds * 1e9 || scrollPulses == MAX) {
                    phase = Phase.DRAINING;
                    pulses = 0;
                } else {
                    scroll();
                }
            }
            case DRAINING -> {
                if (pulses == 10) {
                    text.append(scrolled());
                    build();
                }
            }
            default -> {
            }
        }
    }

    private void build() {
        phase = Phase.BUILDING;
        dataAt = 0;
        linesAt = 0;
        shownAt = 0;
        firstPulseAt = 0;
        firstSyncAt = 0;
        firstFrameIndex = -1;
        screenAt = System.nanoTime();
        viewModel = new CalendarViewModel(services.calendar(), services.signOffs(), services.audit(), session, executor, messages, prints);
        viewModel.work().busyProperty().addListener((property, was, busy) -> {
            if (!busy && dataAt == 0) {
                dataAt = System.nanoTime();
            }
        });
        // the span of the months is the last thing the view model sets when it takes the data in
        // (the away list is made only when its tab is open)
        viewModel.spanProperty().addListener((property, was, span) -> {
            if (dataAt != 0 && firstPulseAt == 0) {
                shownAt = System.nanoTime();
            }
        });
        viewModel.linesProperty().addListener((property, was, lines) -> {
            if (!lines.isEmpty() && linesAt == 0) {
                linesAt = System.nanoTime();
            }
        });
        var root = new ViewLoader(messages).load(new CalendarController(viewModel, new FxDialogs(stage, messages)));
        fxmlDoneAt = System.nanoTime();
        canvas = (CalendarCanvas) root.lookup(".calendar-canvas");
        down = canvas.getChildrenUnmodifiable().stream().filter(node -> node instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.VERTICAL).map(ScrollBar.class::cast).findFirst().orElseThrow();
        stage.getScene().setRoot(root);
    }

    private void scroll() {
        if (direction > 0 && down.getValue() + step > down.getMax() || direction < 0 && down.getValue() - step < 0) {
            direction = -direction;
        }
        var start = System.nanoTime();
        canvas.scrollBy(direction * step);
        paintNanos[scrollPulses] = System.nanoTime() - start;
        pulseAt[scrollPulses] = start;
        scrollPulses++;
    }

    /** How long the screen took to build, the read in the background included. */
    private String built(String when) {
        var firstFrame = frames[firstFrameIndex];
        var out = new StringBuilder();
        if (opened == 0) {
            var lines = viewModel.linesProperty().get();
            out.append(String.format(Locale.ROOT, "calendar: %,d lines (%,d rotations); window %.0fx%.0f, canvas %.0fx%.0f; "
                            + "pipeline %s; pulse cap %s Hz%s%n", lines.size(), lines.stream().filter(line -> !line.isHeading()).count(),
                    WIDTH, HEIGHT, canvas.getWidth(), canvas.getHeight(), GraphicsPipeline.getPipeline().getClass().getSimpleName(),
                    Integer.getInteger("javafx.animation.pulse", 60),
                    Boolean.getBoolean("javafx.animation.fullspeed") ? " (fullspeed)" : ""));
        }
        out.append(String.format(Locale.ROOT, "built (%s): screen made (FXML) %.0f ms; read in background until data on "
                        + "the JavaFX thread %.0f ms; data on the JavaFX thread -> first frame with lines %.0f ms; "
                        + "screen creation -> first frame %.0f ms%n", when,
                ms(fxmlDoneAt - screenAt), ms(dataAt - screenAt), ms(firstFrame - dataAt), ms(firstFrame - screenAt)));
        out.append(String.format(Locale.ROOT, "  from the data on the JavaFX thread: lines set %.0f ms, data taken in "
                + "%.0f ms, next pulse %.0f ms, scene handed to the renderer %.0f ms, frame rendered %.0f ms%n",
                ms(linesAt - dataAt), ms(shownAt - dataAt), ms(firstPulseAt - dataAt), ms(firstSyncAt - dataAt),
                ms(firstFrame - dataAt)));
        return out.toString();
    }

    /** The frames while scrolling. */
    private String scrolled() {
        scrollLastFrame = frameCount.get();
        var out = new StringBuilder();
        // frames rendered while scrolling: from the first scroll pulse's frame to the last one's
        var from = frameOfPulse[0];
        var to = Math.min(scrollLastFrame, frameOfPulse[scrollPulses - 1] + 1);
        var intervals = new double[Math.max(0, to - from - 1)];
        for (var i = from + 1; i < to; i++) {
            intervals[i - from - 1] = ms(frames[i] - frames[i - 1]);
        }
        var span = ms(frames[to - 1] - frames[from]) / 1000;
        var pulseGaps = new double[scrollPulses - 1];
        for (var i = 1; i < scrollPulses; i++) {
            pulseGaps[i - 1] = ms(pulseAt[i] - pulseAt[i - 1]);
        }
        var paints = new double[scrollPulses];
        var renders = new double[scrollPulses - 1];
        for (var i = 0; i < scrollPulses; i++) {
            paints[i] = ms(paintNanos[i]);
            if (i < scrollPulses - 1) {
                var frame = frameOfPulse[i];
                renders[i] = frame < scrollLastFrame ? ms(frames[frame] - syncedAt[i]) : Double.NaN;
            }
        }
        out.append(String.format(Locale.ROOT, "scrolling %.1f s at %.0f px/pulse: %d pulses, %d frames rendered = %.1f fps "
                + "(%.1f pulses/s)%n", ms(pulseAt[scrollPulses - 1] - pulseAt[0]) / 1000, step, scrollPulses,
                to - from, (to - from - 1) / span, (scrollPulses - 1) / (ms(pulseAt[scrollPulses - 1] - pulseAt[0]) / 1000)));
        out.append(row("frame interval (rendered)", intervals));
        out.append(row("pulse interval", pulseGaps));
        out.append(row("canvas draw on FX thread", paints));
        out.append(row("render thread per frame", renders));
        out.append(String.format(Locale.ROOT, "frames over 20 ms: %d of %d; over 33 ms: %d%n",
                Arrays.stream(intervals).filter(value -> value > 20).count(), intervals.length,
                Arrays.stream(intervals).filter(value -> value > 33.4).count()));

        return out.toString();
    }

    /**
     * The heap in use after a full collection, once the render thread is idle: while it draws it
     * holds arrays in native code, and the JVM then puts off a requested collection (GCLocker).
     */
    private String heap() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        var before = memory.getHeapMemoryUsage().getUsed();
        var full = 0L;
        for (var attempt = 0; attempt < 20 && full == 0; attempt++) {
            var frames = frameCount.get();
            Thread.sleep(250);
            if (frameCount.get() != frames) {
                continue;
            }
            var counted = fullCollections();
            System.gc();
            full = fullCollections() - counted;
        }
        var heap = memory.getHeapMemoryUsage();
        return String.format(Locale.ROOT, "heap: %.1f MB used after a full GC%s (%.1f MB before it; highest sampled, garbage included, %.1f MB; "
                + "committed %.1f MB; max %.0f MB)", mb(heap.getUsed()), full == 0 ? " (NOT RUN)" : "", mb(before),
                mb(Math.max(heapPeak, before)), mb(heap.getCommitted()), mb(heap.getMax()));
    }

    private static long fullCollections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(bean -> bean.getName().contains("Old") || bean.getName().contains("MarkSweep"))
                .mapToLong(bean -> bean.getCollectionCount()).sum();
    }

    private static String row(String what, double[] values) {
        var sorted = Arrays.stream(values).filter(value -> !Double.isNaN(value)).sorted().toArray();
        if (sorted.length == 0) {
            return what + ": none\n";
        }
        return String.format(Locale.ROOT, "%-26s p50 %6.2f  p95 %6.2f  p99 %6.2f  max %6.2f ms  (n=%d, mean %.2f)%n", what,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1],
                sorted.length, Arrays.stream(sorted).average().orElse(0));
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double p) {
        var rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
