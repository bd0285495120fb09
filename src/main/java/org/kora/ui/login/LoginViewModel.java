package org.kora.ui.login;

import java.nio.file.Path;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.kora.domain.Messages;
import org.kora.service.Services;
import org.kora.ui.Navigator;
import org.kora.ui.TaskExecutor;
import org.kora.ui.WorkStatus;
import org.kora.ui.Workspace;
import org.kora.service.DemoService;

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
    private final WorkStatus work;

    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Services> services = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canSignIn;

    public LoginViewModel(Workspace workspace, Navigator navigator, TaskExecutor executor, Messages messages,
                          Path database) {
        this.workspace = workspace;
        this.navigator = navigator;
        this.executor = executor;
        this.messages = messages;
        this.database = database;
        this.work = new WorkStatus(messages);
        canSignIn = Bindings.createBooleanBinding(
                () -> services.get() != null && !work.busyProperty().get() && !username.get().isBlank()
                        && !password.get().isEmpty(),
                services, work.busyProperty(), username, password);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public WorkStatus work() {
        return work;
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
                ? DemoService.accountsText(messages) : "";
    }

    /** Opens the database in the background; the screen can be used while it opens. */
    public void openDatabase() {
        work.start("login.opening");
        executor.submit(() -> workspace.open(database), opened -> {
            work.done();
            services.set(opened);
        }, work::fail);
    }

    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        var name = username.get();
        var secret = password.get().toCharArray();
        work.start("login.checking");
        executor.submit(() -> services.get().auth().signIn(name, secret), session -> {
            work.done();
            password.set("");
            navigator.showMain(session);
        }, failure -> {
            password.set("");
            work.fail(failure);
        });
    }

    public void openOther(Path other) {
        navigator.showLogin(other);
    }

    public void toWelcome() {
        navigator.showWelcome(null);
    }
}
