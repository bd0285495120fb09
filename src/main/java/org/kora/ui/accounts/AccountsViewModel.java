package org.kora.ui.accounts;

import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.kora.domain.Messages;
import org.kora.service.AccountState;
import org.kora.service.Session;
import org.kora.service.UserService;
import org.kora.ui.TaskExecutor;
import org.kora.ui.WorkStatus;

/**
 * The administrators' Accounts screen: every account with its wrong passwords and lock, unlocking
 * the chosen one, and the minutes without input after which a window locks itself.
 */
public final class AccountsViewModel {
    private final UserService users;
    private final Session session;
    private final TaskExecutor executor;
    private final Messages messages;
    private final WorkStatus work;
    private final ObservableList<AccountState> rows = FXCollections.observableArrayList();
    private final ObjectProperty<AccountState> chosen = new SimpleObjectProperty<>();
    private final StringProperty idleMinutes = new SimpleStringProperty("");
    private final BooleanBinding canUnlock;

    public AccountsViewModel(UserService users, Session session, TaskExecutor executor, Messages messages) {
        this.users = users;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
        this.work = new WorkStatus(messages);
        canUnlock = Bindings.createBooleanBinding(() -> chosen.get() != null && chosen.get().failures() > 0, chosen);
    }

    public WorkStatus work() {
        return work;
    }

    public ObservableList<AccountState> rows() {
        return rows;
    }

    public ObjectProperty<AccountState> chosenProperty() {
        return chosen;
    }

    /** The idle lock's time in minutes, as typed. */
    public StringProperty idleMinutesProperty() {
        return idleMinutes;
    }

    /** Whether the chosen account has wrong passwords to forget. */
    public BooleanBinding canUnlockProperty() {
        return canUnlock;
    }

    public String roleName(AccountState state) {
        return messages.get("role." + state.user().role().name().toLowerCase(Locale.ROOT));
    }

    /** An account's state in words: locked, or its wrong passwords, or nothing to say. */
    public String status(AccountState state) {
        if (state.locked()) {
            return messages.format("accounts.status.locked", state.failures());
        }
        return state.failures() == 0 ? "" : messages.format("accounts.status.failures", state.failures());
    }

    public void load() {
        work.run(executor, "accounts.loading", () -> new Loaded(users.accountStates(session), users.idleMinutes(session)),
                loaded -> {
                    show(loaded);
                    idleMinutes.set(Integer.toString(loaded.idleMinutes()));
                });
    }

    private void show(Loaded loaded) {
        var name = chosen.get() == null ? null : chosen.get().user().username();
        rows.setAll(loaded.states());
        chosen.set(rows.stream().filter(row -> row.user().username().equals(name)).findFirst().orElse(null));
    }

    private record Loaded(List<AccountState> states, int idleMinutes) {
    }

    /** Unlocks the chosen account, then reads the list again. */
    public void unlock() {
        var state = chosen.get();
        if (state == null) {
            return;
        }
        var name = state.user().username();
        work.run(executor, "accounts.unlocking", () -> {
            users.unlock(session, name);
            return new Loaded(users.accountStates(session), users.idleMinutes(session));
        }, loaded -> {
            show(loaded);
            work.say(messages.format("accounts.unlocked", name));
        });
    }

    /** Saves the idle lock's time; a value that is not a whole number of minutes is refused here. */
    public void saveIdleMinutes() {
        int minutes;
        try {
            minutes = Integer.parseInt(idleMinutes.get().strip());
        } catch (NumberFormatException e) {
            work.warn(messages.format("accounts.idleRange", UserService.MAX_IDLE_MINUTES));
            return;
        }
        work.run(executor, "accounts.saving", () -> {
            users.setIdleMinutes(session, minutes);
            return minutes;
        }, saved -> work.say(messages.format("accounts.idleSaved", saved)));
    }
}
