package org.kora.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs background work at once on the caller's thread, so view models are tested without a toolkit. */
public final class SameThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void later(Runnable action) {
        action.run();
    }
}
