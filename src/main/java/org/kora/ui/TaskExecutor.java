package org.kora.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (anything that touches the store) off the JavaFX thread and hands the result, or
 * the failure, back on it. View models use only this; tests give them a same-thread executor.
 */
public interface TaskExecutor {
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the JavaFX thread soon; callable from any thread (progress from background work). */
    void later(Runnable action);
}
