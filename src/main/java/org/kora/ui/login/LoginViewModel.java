package org.kora.ui.login;

import java.nio.file.Path;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
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
    private final StringProperty passphrase = new SimpleStringProperty("");
    /** An encrypted database not open yet: it opens on signing in, with the passphrase typed. */
    private final ReadOnlyBooleanWrapper passphraseNeeded = new ReadOnlyBooleanWrapper();
    private boolean opening;
    /** The last try to open the database failed (in use, a full disk …): signing in tries again. */
    private boolean openFailed;
    private final ReadOnlyObjectWrapper<Services> services = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canSignIn;
    /** Signing in: the password is being checked, or waits for the database to open. */
    private final BooleanProperty signingIn = new SimpleBooleanProperty();
    private boolean waitingForDatabase;

    public LoginViewModel(Workspace workspace, Navigator navigator, TaskExecutor executor, Messages messages,
                          Path database) {
        this.workspace = workspace;
        this.navigator = navigator;
        this.executor = executor;
        this.messages = messages;
        this.database = database;
        this.work = new WorkStatus(messages);
        passphraseNeeded.set(workspace.needsPassphrase(database));
        canSignIn = Bindings.createBooleanBinding(
                () -> !signingIn.get() && !username.get().isBlank() && !password.get().isEmpty()
                        && (!passphraseNeeded.get() || services.get() != null || !passphrase.get().isEmpty()),
                signingIn, username, password, passphrase, services);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public ReadOnlyBooleanProperty passphraseNeededProperty() {
        return passphraseNeeded.getReadOnlyProperty();
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

    /**
     * Opens the database in the background; the screen can be used while it opens. An encrypted
     * one waits for its passphrase, and opens when the user signs in.
     */
    public void openDatabase() {
        if (!passphraseNeeded.get()) {
            open(null);
        }
    }

    private void open(char[] key) {
        opening = true;
        openFailed = false;
        work.start("login.opening");
        executor.submit(() -> workspace.open(database, key), opened -> {
            opening = false;
            work.done();
            services.set(opened);
            if (waitingForDatabase) {
                waitingForDatabase = false;
                check();
            }
        }, failure -> {
            opening = false;
            openFailed = true;
            waitingForDatabase = false;
            signingIn.set(false);
            if (key != null) {
                passphrase.set("");
            }
            work.fail(failure);
        });
    }

    /**
     * Signs in with the name and password typed; if the database is still opening, as soon as it is
     * open (a slow PC takes a while, and the user need not wait to press Enter). A database that
     * could not be opened (in use, a full disk) is tried again, as its message tells the user to.
     */
    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        signingIn.set(true);
        if (services.get() == null) {
            waitingForDatabase = true;
            if (!opening && (passphraseNeeded.get() || openFailed)) {
                open(passphraseNeeded.get() ? passphrase.get().toCharArray() : null);
            } else {
                work.start("login.waiting");
            }
            return;
        }
        check();
    }

    private void check() {
        var name = username.get();
        var secret = password.get().toCharArray();
        work.start("login.checking");
        executor.submit(() -> services.get().auth().signIn(name, secret), session -> {
            work.done();
            signingIn.set(false);
            password.set("");
            navigator.showMain(session);
        }, failure -> {
            signingIn.set(false);
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
