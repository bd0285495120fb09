package org.kora.ui.settings;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.kora.domain.Blackout;
import org.kora.domain.ChainCheck;
import org.kora.domain.Messages;
import org.kora.domain.Permission;
import org.kora.service.AuditService;
import org.kora.service.BlackoutService;
import org.kora.service.Session;
import org.kora.ui.TaskExecutor;
import org.kora.ui.WorkStatus;

/**
 * The Settings screen: the blackout periods in which no block may start, with a form to add,
 * change or remove one, and the usual Spring Festival and Losar periods of the coming years added
 * in one step (the Losar dates estimated, to be checked against the year's almanac); and, for
 * administrators, the check of the sign-off hash chain, its outcome told in words.
 */
public final class SettingsViewModel {
    private final BlackoutService blackouts;
    private final AuditService audit;
    private final Session session;
    private final TaskExecutor executor;
    private final Messages messages;
    private final WorkStatus work;
    private final ObservableList<Blackout> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Blackout> chosen = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty label = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper chainIntact = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper chainBroken = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper();

    public SettingsViewModel(BlackoutService blackouts, AuditService audit, Session session, TaskExecutor executor,
                             Messages messages) {
        this.blackouts = blackouts;
        this.audit = audit;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
        this.work = new WorkStatus(messages);
        chosen.addListener((property, was, is) -> fill(is));
    }

    public WorkStatus work() {
        return work;
    }

    public ObservableList<Blackout> rows() {
        return rows;
    }

    /** The blackout the form edits; null for a new one. */
    public ObjectProperty<Blackout> chosenProperty() {
        return chosen;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    /** What the last check of the sign-off chain found, when the chain is intact; else empty. */
    public ReadOnlyStringProperty chainIntactProperty() {
        return chainIntact.getReadOnlyProperty();
    }

    /** The first broken entry the last check found, in words; else empty. */
    public ReadOnlyStringProperty chainBrokenProperty() {
        return chainBroken.getReadOnlyProperty();
    }

    /** While the chain is being checked: one check at a time. */
    public ReadOnlyBooleanProperty verifyingProperty() {
        return verifying.getReadOnlyProperty();
    }

    /** Whether this user may check the sign-off chain at all. */
    public boolean mayVerifyChain() {
        return session.may(Permission.VERIFY_AUDIT);
    }

    /** Checks the whole sign-off chain in the background and tells what it found. */
    public void verifyChain() {
        chainIntact.set("");
        chainBroken.set("");
        verifying.set(true);
        work.run(executor, "audit.verifying", () -> audit.verifyChain(session), check -> {
            verifying.set(false);
            if (check instanceof ChainCheck.Broken broken) {
                chainBroken.set(messages.format(broken) + " " + messages.get("audit.broken"));
            } else {
                chainIntact.set(messages.format("audit.intact", check.count(), ((ChainCheck.Intact) check).head()));
            }
        }, reason -> {
            verifying.set(false);
            chainBroken.set(reason);
        });
    }

    public String festivalsAction() {
        return messages.format("blackouts.addFestivals", BlackoutService.FESTIVAL_YEARS);
    }

    public void load() {
        run("blackouts.loading", blackouts::list, list -> rows.setAll(list));
    }

    private void fill(Blackout blackout) {
        formError.set("");
        from.set(blackout == null ? null : blackout.from());
        to.set(blackout == null ? null : blackout.to());
        label.set(blackout == null ? "" : blackout.label());
    }

    /** Empties the form for a new blackout. */
    public void newBlackout() {
        chosen.set(null);
        fill(null);
    }

    /** Saves the form: a new blackout, or the chosen one changed. Checked here first, then by the service. */
    public void save() {
        formError.set("");
        if (from.get() == null || to.get() == null || label.get() == null || label.get().isBlank()) {
            formError.set(messages.get("blackouts.incomplete"));
            return;
        }
        if (to.get().isBefore(from.get())) {
            formError.set(messages.get("blackouts.reversed"));
            return;
        }
        var id = chosen.get() == null ? 0 : chosen.get().id();
        var blackout = new Blackout(id, from.get(), to.get(), label.get());
        change(who -> {
            var saved = blackouts.save(who, blackout);
            return new Saved(saved, blackouts.list(who));
        }, saved -> {
            rows.setAll(saved.list());
            chosen.set(saved.blackout());
            work.tell("blackouts.saved");
        });
    }

    private record Saved(Blackout blackout, List<Blackout> list) {
    }

    /** Removes the chosen blackout (the view asks first). */
    public void remove() {
        var blackout = chosen.get();
        if (blackout == null) {
            return;
        }
        change(who -> {
            blackouts.remove(who, blackout);
            return blackouts.list(who);
        }, list -> {
            rows.setAll(list);
            chosen.set(null);
            work.tell("blackouts.removed");
        });
    }

    public String removeQuestion() {
        return chosen.get() == null ? "" : messages.format("blackouts.removeQuestion", chosen.get().label());
    }

    public String removeTitle() {
        return messages.get("blackouts.remove");
    }

    /** Adds the Spring Festival and Losar periods of the coming years that are not covered yet. */
    public void addFestivals() {
        change(who -> new Added(blackouts.addFestivals(who), blackouts.list(who)), added -> {
            rows.setAll(added.list());
            work.tell(added.count() == 0 ? "blackouts.noneAdded" : "blackouts.added");
        });
    }

    private record Added(int count, List<Blackout> list) {
    }

    private <T> void run(String statusKey, Function<Session, T> call, Consumer<T> done) {
        work.run(executor, statusKey, () -> call.apply(session), done);
    }

    /** A change: a refusal shows beside the form, and the list is read again. */
    private <T> void change(Function<Session, T> call, Consumer<T> done) {
        work.run(executor, "blackouts.saving", () -> call.apply(session), done, reason -> {
            formError.set(reason);
            load();
        });
    }
}
