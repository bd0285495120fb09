package org.kora.ui.welcome;

import java.nio.file.Path;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.service.AccountRules;
import org.kora.service.PassphraseRules;
import org.kora.ui.Navigator;
import org.kora.ui.TaskExecutor;
import org.kora.ui.WorkStatus;
import org.kora.ui.Workspace;
import org.kora.service.DemoService;

/**
 * First start: choose the language, then create a new database with its first administrator
 * (encrypted with a passphrase if the administrator asks), or open the demo.
 */
public final class WelcomeViewModel {
    private final Workspace workspace;
    private final Navigator navigator;
    private final TaskExecutor executor;
    private final Messages messages;
    private final WorkStatus work;

    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty passwordRepeat = new SimpleStringProperty("");
    private final StringProperty databasePath = new SimpleStringProperty("");
    private final BooleanProperty encrypt = new SimpleBooleanProperty();
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty passphraseRepeat = new SimpleStringProperty("");
    private final BooleanBinding canCreate;

    public WelcomeViewModel(Workspace workspace, Navigator navigator, TaskExecutor executor, Messages messages,
                            Path newDatabase) {
        this.workspace = workspace;
        this.navigator = navigator;
        this.executor = executor;
        this.messages = messages;
        this.work = new WorkStatus(messages);
        databasePath.set((newDatabase != null ? newDatabase : workspace.defaultDatabase()).toString());
        canCreate = Bindings.createBooleanBinding(() -> !work.busyProperty().get() && firstProblem().isEmpty(),
                username, displayName, password, passwordRepeat, databasePath, encrypt, passphrase, passphraseRepeat,
                work.busyProperty());
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty passwordRepeatProperty() {
        return passwordRepeat;
    }

    public StringProperty databasePathProperty() {
        return databasePath;
    }

    /** Whether the new database is to be encrypted, with the passphrase below. */
    public BooleanProperty encryptProperty() {
        return encrypt;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty passphraseRepeatProperty() {
        return passphraseRepeat;
    }

    public WorkStatus work() {
        return work;
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    public Language language() {
        return messages.language();
    }

    /** The demo's accounts and password, as the welcome screen shows them. */
    public String demoAccounts() {
        return DemoService.accountsText(messages);
    }

    public Optional<String> usernameProblem() {
        return AccountRules.username(username.get()).map(messages::format);
    }

    public Optional<String> displayNameProblem() {
        return AccountRules.displayName(displayName.get()).map(messages::format);
    }

    public Optional<String> passwordProblem() {
        return AccountRules.password(password.get().toCharArray()).map(messages::format);
    }

    public Optional<String> passwordRepeatProblem() {
        return password.get().equals(passwordRepeat.get()) ? Optional.empty()
                : Optional.of(messages.get("welcome.create.passwordMismatch"));
    }

    public Optional<String> databasePathProblem() {
        var path = databasePath.get().strip();
        if (path.isEmpty()) {
            return Optional.of(messages.get("welcome.create.pathMissing"));
        }
        return Optional.empty();
    }

    public Optional<String> passphraseProblem() {
        return encrypt.get() ? PassphraseRules.passphrase(passphrase.get().toCharArray()).map(messages::format) : Optional.empty();
    }

    public Optional<String> passphraseRepeatProblem() {
        return !encrypt.get() || passphrase.get().equals(passphraseRepeat.get()) ? Optional.empty()
                : Optional.of(messages.get("encryption.passphraseMismatch"));
    }

    private Optional<String> firstProblem() {
        return usernameProblem().or(this::displayNameProblem).or(this::passwordProblem)
                .or(this::passwordRepeatProblem).or(this::databasePathProblem)
                .or(this::passphraseProblem).or(this::passphraseRepeatProblem);
    }

    public void chooseLanguage(Language language) {
        if (language != messages.language()) {
            navigator.switchLanguage(language);
        }
    }

    public void createDatabase() {
        if (!canCreate.get()) {
            return;
        }
        var path = Path.of(databasePath.get().strip());
        var name = username.get();
        var shownName = displayName.get();
        var secret = password.get().toCharArray();
        var key = encrypt.get() ? passphrase.get().toCharArray() : null;
        work.start("welcome.create.working");
        executor.submit(() -> workspace.create(path, key).auth().createFirstAdministrator(name, shownName, secret),
                session -> {
                    work.done();
                    navigator.showMain(session);
                },
                work::fail);
    }

    public void openDemo() {
        var path = workspace.demoDatabase();
        if (workspace.needsPassphrase(path)) {
            // a demo made with "kora demo --encrypt": the sign-in screen asks its passphrase
            navigator.showLogin(path);
            return;
        }
        work.start("welcome.demo.working");
        executor.submit(() -> {
            if (path.toFile().exists()) {
                return workspace.open(path);
            }
            var services = workspace.create(path);
            services.demo().populate();
            return services;
        }, services -> {
            work.done();
            navigator.showLogin(path);
        }, work::fail);
    }
}
