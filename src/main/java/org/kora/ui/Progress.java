package org.kora.ui;

import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The progress of one long piece of background work (planning, an import) as a screen shows it: a
 * fraction (negative while unknown), a line saying what it does, whether it runs, and the user's
 * cancel. The work reports from its own thread; the screen's properties change on the JavaFX thread,
 * at most one update waiting at a time however often the work reports.
 */
public final class Progress {
    private final TaskExecutor executor;
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final AtomicBoolean updateWaiting = new AtomicBoolean();
    private volatile double latestFraction;
    private volatile String latestPhase = "";
    private volatile boolean cancelled;

    public Progress(TaskExecutor executor) {
        this.executor = executor;
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The work starts: running, progress unknown, not cancelled. On the JavaFX thread. */
    public void start(String phaseText) {
        cancelled = false;
        latestFraction = -1;
        latestPhase = phaseText;
        fraction.set(-1);
        phase.set(phaseText);
        running.set(true);
    }

    /** The work ended, however it ended. On the JavaFX thread. */
    public void stop() {
        running.set(false);
        phase.set("");
        fraction.set(-1);
    }

    /** The user asks the work to stop; it stops at its next check. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether the user cancelled; the work checks it often, from its own thread. */
    public boolean cancelled() {
        return cancelled;
    }

    /** From the work's thread: how far it is (0 to 1, negative while unknown) and what it does. */
    public void report(double done, String phaseText) {
        latestFraction = done;
        latestPhase = phaseText;
        if (updateWaiting.compareAndSet(false, true)) {
            executor.later(() -> {
                updateWaiting.set(false);
                if (running.get()) {
                    fraction.set(latestFraction);
                    phase.set(latestPhase);
                }
            });
        }
    }
}
