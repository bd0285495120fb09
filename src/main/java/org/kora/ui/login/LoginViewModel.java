package org.kora.ui.login;

import java.nio.file.Path;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.kora.domain.Messages;
import org.kora.service.Services;
import org.kora.ui.ErrorText;
import org.kora.ui.Navigator;
import org.kora.ui.TaskExecutor;
import org.kora.ui.Workspace;

/**
 * Sign-in to one database. The database opens (and migrates) in the background as soon as the
 * screen shows, so the user types while it opens.
 */
public final class LoginViewModel {
    private final Workspace workspace;
    private final Navigator navigator;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Path database;

    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Services> services = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSignIn;

    public LoginViewModel(Workspace workspace, Navigator navigator, TaskExecutor executor, Messages messages,
                          Path database) {
        this.workspace = workspace;
        this.navigator = navigator;
        this.executor = executor;
        this.messages = messages;
        this.database = database;
        canSignIn = Bindings.createBooleanBinding(
                () -> services.get() != null && !busy.get() && !username.get().isBlank() && !password.get().isEmpty(),
                services, busy, username, password);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
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

    public ReadOnlyObjectProperty<Services> servicesProperty() {
        return services.getReadOnlyProperty();
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }

    public String databaseName() {
        return database.toString();
    }

    /** The demo's accounts, shown when the database is the demo; empty otherwise. */
    public String demoHint() {
        return database.equals(workspace.demoDatabase())
                ? messages.format("welcome.demo.accounts", "admin, hr, manager, mentor", "demo") : "";
    }

    /** Opens the database in the background; the screen can be used while it opens. */
    public void openDatabase() {
        busy.set(true);
        status.set(messages.get("login.opening"));
        executor.submit(() -> workspace.open(database), opened -> {
            busy.set(false);
            status.set("");
            services.set(opened);
        }, this::fail);
    }

    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        var name = username.get();
        var secret = password.get().toCharArray();
        error.set("");
        busy.set(true);
        status.set(messages.get("login.checking"));
        executor.submit(() -> services.get().auth().signIn(name, secret), session -> {
            busy.set(false);
            status.set("");
            password.set("");
            navigator.showMain(session);
        }, failure -> {
            password.set("");
            fail(failure);
        });
    }

    public void openOther(Path other) {
        navigator.showLogin(other);
    }

    public void toWelcome() {
        navigator.showWelcome(null);
    }

    private void fail(Throwable failure) {
        busy.set(false);
        status.set("");
        error.set(ErrorText.of(failure, messages));
    }
}
