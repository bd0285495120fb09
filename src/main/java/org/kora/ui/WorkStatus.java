package org.kora.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.kora.domain.Messages;

/**
 * What a screen shows about its background work: whether it is busy, what it is doing, and what
 * went wrong last, in the user's language. One per view model; the view binds to it.
 */
public final class WorkStatus {
    private final Messages messages;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public WorkStatus(Messages messages) {
        this.messages = messages;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Work started: busy, saying what it does ({@code statusKey}), the last error cleared. */
    public void start(String statusKey) {
        error.set("");
        status.set(messages.get(statusKey));
        busy.set(true);
    }

    /** Says something done, with no work under way (e.g. "Saved."); the next start clears it. */
    public void tell(String statusKey) {
        status.set(messages.get(statusKey));
    }

    /** Says something done, already in words (e.g. the file just written), with no work under way. */
    public void say(String text) {
        status.set(text);
    }

    /** Work ended well. */
    public void done() {
        busy.set(false);
        status.set("");
    }

    /**
     * Runs {@code call} off the JavaFX thread as work that says {@code statusKey}; then {@code done}
     * gets its result, or the failure is said (see {@link #fail}).
     */
    public <T> void run(TaskExecutor executor, String statusKey, Callable<T> call, Consumer<T> done) {
        start(statusKey);
        executor.submit(call, result -> {
            done();
            done.accept(result);
        }, this::fail);
    }

    /**
     * Like {@link #run(TaskExecutor, String, Callable, Consumer)}, but the reason of a failure goes
     * to {@code failed}, to be shown beside the form it concerns, rather than in the status line.
     */
    public <T> void run(TaskExecutor executor, String statusKey, Callable<T> call, Consumer<T> done,
                        Consumer<String> failed) {
        start(statusKey);
        executor.submit(call, result -> {
            done();
            done.accept(result);
        }, failure -> {
            done();
            failed.accept(ErrorText.of(failure, messages));
        });
    }

    /** Says why something the user tried cannot be done, already in words, in the error line. */
    public void warn(String text) {
        error.set(text);
    }

    /** Work failed: says why (see {@link ErrorText}). */
    public void fail(Throwable failure) {
        done();
        error.set(ErrorText.of(failure, messages));
    }
}
