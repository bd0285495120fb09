package org.kora.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.concurrent.Task;

/** The window's {@link TaskExecutor}: a {@link Task} on a small pool of daemon threads. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService pool;

    public FxTaskExecutor() {
        var count = new AtomicInteger();
        pool = Executors.newFixedThreadPool(2, runnable -> {
            var thread = new Thread(runnable, "kora-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        var task = new Task<T>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
        task.setOnFailed(event -> onFailure.accept(task.getException()));
        pool.execute(task);
    }

    @Override
    public void later(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
