package org.kora.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class ProgressTest {
    /** Holds what work posts to the JavaFX thread until the test runs it, as a busy JavaFX thread would. */
    private static final class HeldExecutor implements TaskExecutor {
        final List<Runnable> waiting = new ArrayList<>();

        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void later(Runnable action) {
            waiting.add(action);
        }

        void runWaiting() {
            var now = List.copyOf(waiting);
            waiting.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void manyReportsWaitAsOneUpdateShowingTheLatest() {
        var executor = new HeldExecutor();
        var progress = new Progress(executor);
        progress.start("Reading");

        for (var i = 1; i <= 1000; i++) {
            progress.report(i / 1000.0, "Step " + i);
        }

        assertThat(executor.waiting).hasSize(1);
        assertThat(progress.fractionProperty().get()).isNegative();
        executor.runWaiting();
        assertThat(progress.fractionProperty().get()).isEqualTo(1.0);
        assertThat(progress.phaseProperty().get()).isEqualTo("Step 1000");
        progress.report(0.5, "Again");
        assertThat(executor.waiting).hasSize(1);
    }

    @Test
    void cancelIsSeenByTheWorkAndClearedByTheNextStart() {
        var progress = new Progress(new HeldExecutor());
        progress.start("Planning");
        assertThat(progress.runningProperty().get()).isTrue();

        progress.cancel();

        assertThat(progress.cancelled()).isTrue();
        progress.stop();
        assertThat(progress.runningProperty().get()).isFalse();
        progress.start("Planning");
        assertThat(progress.cancelled()).isFalse();
    }

    @Test
    void aReportArrivingAfterTheWorkStoppedChangesNothing() {
        var executor = new HeldExecutor();
        var progress = new Progress(executor);
        progress.start("Planning");
        progress.report(0.7, "Improving");
        progress.stop();

        executor.runWaiting();

        assertThat(progress.fractionProperty().get()).isNegative();
        assertThat(progress.phaseProperty().get()).isEmpty();
    }
}
