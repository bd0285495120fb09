package org.kora.ui.main;

import java.nio.file.Path;
import java.time.Duration;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.kora.domain.Messages;
import org.kora.service.AuthService;
import org.kora.service.Session;
import org.kora.service.UserService;
import org.kora.ui.Navigator;
import org.kora.ui.TaskExecutor;
import org.kora.ui.WorkStatus;

/**
 * The main window's idle lock: how long the window may sit without input, whether it is locked, and
 * the signed-in user's password to return. The password goes through {@link AuthService#signIn}, so
 * wrong ones count towards the account's lockout like any other sign-in. "Switch user" leaves the
 * main window for sign-in, dropping it and every screen built in it.
 */
public final class IdleLockViewModel {
    private final Session session;
    private final AuthService auth;
    private final UserService users;
    private final Navigator navigator;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Path database;
    private final WorkStatus work;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Duration> idleTime =
            new ReadOnlyObjectWrapper<>(Duration.ofMinutes(UserService.DEFAULT_IDLE_MINUTES));
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanBinding canUnlock;

    public IdleLockViewModel(Session session, AuthService auth, UserService users, Navigator navigator,
                             TaskExecutor executor, Messages messages, Path database) {
        this.session = session;
        this.auth = auth;
        this.users = users;
        this.navigator = navigator;
        this.executor = executor;
        this.messages = messages;
        this.database = database;
        this.work = new WorkStatus(messages);
        canUnlock = Bindings.createBooleanBinding(() -> !checking.get() && !password.get().isEmpty(), checking, password);
    }

    public WorkStatus work() {
        return work;
    }

    /** Whether the window is locked: its screens hidden, waiting for the password. */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** How long the window may go without keyboard or mouse input before it locks. */
    public ReadOnlyObjectProperty<Duration> idleTimeProperty() {
        return idleTime.getReadOnlyProperty();
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanBinding canUnlockProperty() {
        return canUnlock;
    }

    /** Who must type their password, for the lock screen. */
    public String prompt() {
        return messages.format("idlelock.prompt", session.user().displayName(), session.user().username());
    }

    /** Reads the idle time an administrator set; until it is read, the default holds. */
    public void load() {
        executor.submit(() -> users.idleMinutes(session), minutes -> idleTime.set(Duration.ofMinutes(minutes)),
                work::fail);
    }

    /** Locks the window: no input came for the idle time. */
    public void lock() {
        password.set("");
        work.done();
        work.warn("");
        locked.set(true);
    }

    /** Checks the password typed; the right one unlocks the window where it was. */
    public void unlock() {
        if (!canUnlock.get()) {
            return;
        }
        var secret = password.get().toCharArray();
        password.set("");
        checking.set(true);
        work.start("idlelock.checking");
        executor.submit(() -> auth.signIn(session.user().username(), secret), signedIn -> {
            checking.set(false);
            work.done();
            locked.set(false);
        }, failure -> {
            checking.set(false);
            work.fail(failure);
        });
    }

    /** Leaves for sign-in: someone else uses the PC now. The window stays locked until sign-in replaces it. */
    public void switchUser() {
        password.set("");
        navigator.showLogin(database);
    }
}
