package org.kora.ui;

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

    /** Work ended well. */
    public void done() {
        busy.set(false);
        status.set("");
    }

    /** Work failed: says why (see {@link ErrorText}). */
    public void fail(Throwable failure) {
        done();
        error.set(ErrorText.of(failure, messages));
    }
}
