package org.kora.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.domain.Permission;
import org.kora.service.Session;
import org.kora.store.LocalSettings;
import org.kora.ui.FxDialogs;
import org.kora.ui.FxTaskExecutor;
import org.kora.ui.PrintResources;
import org.kora.ui.Navigator;
import org.kora.ui.ViewLoader;
import org.kora.ui.accounts.AccountsController;
import org.kora.ui.accounts.AccountsViewModel;
import org.kora.ui.calendar.CalendarController;
import org.kora.ui.calendar.CalendarViewModel;
import org.kora.ui.cohorts.CohortsController;
import org.kora.ui.cohorts.CohortsViewModel;
import org.kora.ui.login.LoginController;
import org.kora.ui.login.LoginViewModel;
import org.kora.ui.main.Area;
import org.kora.ui.main.IdleLockController;
import org.kora.ui.main.IdleLockViewModel;
import org.kora.ui.main.IdleWatch;
import org.kora.ui.main.MainController;
import org.kora.ui.main.MainViewModel;
import org.kora.ui.main.PlaceholderController;
import org.kora.ui.people.PeopleController;
import org.kora.ui.people.PeopleViewModel;
import org.kora.ui.settings.BackupsViewModel;
import org.kora.ui.settings.SettingsController;
import org.kora.ui.signoffs.SignOffsController;
import org.kora.ui.signoffs.SignOffsViewModel;
import org.kora.ui.settings.SettingsViewModel;
import org.kora.ui.welcome.WelcomeController;
import org.kora.ui.welcome.WelcomeViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window: builds each screen's view model and controller when the screen is shown, moves
 * between welcome, sign-in and main window, remembers the window's place and the language.
 */
public final class KoraDesktop implements Navigator {
    private static final Logger LOG = LoggerFactory.getLogger(KoraDesktop.class);
    static final String LANGUAGE = "language";
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 820;

    private final LocalSettings settings;
    private final DesktopWorkspace workspace;
    private final Clock clock;
    private final String version;
    private final Runnable onClosed;
    private final boolean startupTraining;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final PrintResources prints = new PrintResources();
    private Stage stage;
    private Messages messages;
    private FxDialogs dialogs;
    private Runnable currentScreen = () -> { };
    /** The main window's idle watch while it shows; null on other screens. */
    private IdleWatch idleWatch;
    /** A backup the window was opened with (a double-clicked file), until the first sign-in takes it up. */
    private Path offeredBackup;

    /** {@code startupTraining}: close the window once the sign-in screen's database is open ({@link Kora#STARTUP_TRAINING_PROPERTY}). */
    KoraDesktop(LocalSettings settings, DesktopWorkspace workspace, Clock clock, String version, Runnable onClosed,
                boolean startupTraining) {
        this.settings = settings;
        this.clock = clock;
        this.workspace = workspace;
        this.version = version;
        this.onClosed = onClosed;
        this.startupTraining = startupTraining;
    }

    /**
     * Shows the first screen in {@code stage}: sign-in to {@code database} if given, else to the
     * last database, else the welcome screen, in {@code language}. The database opens in the background.
     * {@code backup}, if not null, is offered for restoring once someone signs in: an administrator
     * gets the Settings screen and the restore's check and question; anyone else is told who may restore it.
     */
    public void start(Stage stage, Path database, Language language, Path backup) {
        this.stage = stage;
        this.offeredBackup = backup;
        useLanguage(language);
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> reportUncaught(failure));
        stage.setTitle("Kora");
        for (var size : StageIcons.SIZES) {
            var icon = KoraDesktop.class.getResource(StageIcons.resource(size));
            if (icon == null) {
                LOG.warn("Window icon {} is not on the class path", StageIcons.resource(size));
            } else {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        var scene = new Scene(new StackPane(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(KoraDesktop.class.getResource("/org/kora/ui/kora.css")).toExternalForm());
        stage.setScene(scene);
        WindowPlace.restore(stage, settings, Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
        stage.setOnHidden(event -> close());
        var start = database != null ? Optional.of(database) : workspace.startDatabase();
        if (start.isPresent()) {
            showLogin(start.get());
        } else {
            showWelcome(null);
        }
        stage.show();
    }

    private void useLanguage(Language language) {
        messages = new Messages(language);
        dialogs = new FxDialogs(stage, messages);
    }

    @Override
    public void showWelcome(Path newDatabase) {
        show(() -> new ViewLoader(messages).load(new WelcomeController(
                new WelcomeViewModel(workspace, this, executor, messages, newDatabase), dialogs)),
                () -> showWelcome(newDatabase), "Kora");
    }

    @Override
    public void showLogin(Path database) {
        show(() -> {
            var login = new LoginViewModel(workspace, this, executor, messages, database);
            if (startupTraining) {
                closeWhenOpened(login);
            }
            return new ViewLoader(messages).load(new LoginController(login, dialogs));
        }, () -> showLogin(database), "Kora");
    }

    /**
     * The training run's end: the sign-in screen is on screen (its database opens a few frames after
     * it starts showing) and the database is open, or could not be opened; then the window closes
     * as when the user closes it, and the program ends.
     */
    private void closeWhenOpened(LoginViewModel login) {
        InvalidationListener ready = observable -> {
            if (login.servicesProperty().get() != null || !login.work().errorProperty().get().isEmpty()) {
                LOG.info("Start-up training run: the sign-in screen is ready; closing the window");
                Platform.runLater(stage::close);
            }
        };
        login.servicesProperty().addListener(ready);
        login.work().errorProperty().addListener(ready);
    }

    @Override
    public void showMain(Session session) {
        var services = workspace.current().orElseThrow();
        var database = services.store().file().file();
        var loader = new ViewLoader(messages);
        var viewModel = new MainViewModel(session, this, messages, database, version, LocalDate.now(clock),
                services.backups()::warning);
        var title = "Kora — " + session.user().displayName();
        var backup = offeredBackup;
        offeredBackup = null;
        var restoring = backup != null && session.may(Permission.MANAGE_BACKUPS) && viewModel.areas().contains(Area.SETTINGS);
        if (restoring) {
            viewModel.selectedProperty().set(Area.SETTINGS);
        } else if (backup != null) {
            Platform.runLater(() -> dialogs.info(messages.get("backup.restore"),
                    messages.format("backup.offeredNotAdministrator", backup.getFileName())));
        }
        show(() -> watchIdle(loader.load(new MainController(viewModel, dialogs, area -> switch (area) {
            case PEOPLE -> loader.load(new PeopleController(new PeopleViewModel(services.people(), services.imports(),
                    services.curricula(), session, executor, messages), dialogs));
            case COHORTS -> loader.load(new CohortsController(new CohortsViewModel(services.cohorts(), services.people(),
                    session, executor, messages), dialogs));
            case CALENDAR -> loader.load(new CalendarController(new CalendarViewModel(services.calendar(), services.signOffs(), services.audit(), session,
                    executor, messages, prints), dialogs));
            case SETTINGS -> {
                var backups = new BackupsViewModel(services.backups(), workspace, this, session, executor, messages, database);
                // a backup made here puts right the failed automatic one the status bar speaks of
                backups.warningProperty().addListener((property, was, now) -> viewModel.refreshBackupWarning());
                var screen = loader.load(new SettingsController(new SettingsViewModel(services.blackouts(),
                        services.audit(), session, executor, messages), backups, dialogs));
                if (restoring) {
                    Platform.runLater(() -> backups.restore(backup, dialogs));
                }
                yield screen;
            }
            case SIGNOFFS -> loader.load(new SignOffsController(new SignOffsViewModel(services.signOffs(),
                    services.audit(), session, executor, messages, prints, clock), dialogs));
            case ACCOUNTS -> loader.load(new AccountsController(new AccountsViewModel(services.users(), session, executor,
                    messages)));
            default -> loader.load(new PlaceholderController(area, messages));
        })), session, database, title), () -> showMain(session), title);
    }

    /**
     * Locks the main window after the idle time: the scene's root becomes the lock screen, so no
     * screen of the main window is drawn or reachable from the scene; the right password puts
     * {@code main} back as it was. Leaving the main window ({@link #show}) stops the watch.
     */
    private Parent watchIdle(Parent main, Session session, Path database, String title) {
        var services = workspace.current().orElseThrow();
        var lock = new IdleLockViewModel(session, services.auth(), services.users(), this, executor, messages, database);
        var scene = stage.getScene();
        var watch = new IdleWatch(scene, lock.idleTimeProperty(), lock::lock);
        var focused = new Node[1];
        lock.lockedProperty().addListener((property, was, locked) -> {
            if (locked) {
                watch.stop();
                focused[0] = scene.getFocusOwner();
                scene.setRoot(new ViewLoader(messages).load(new IdleLockController(lock)));
                stage.setTitle("Kora");
            } else if (idleWatch == watch) {
                scene.setRoot(main);
                stage.setTitle(title);
                if (focused[0] != null) {
                    focused[0].requestFocus();
                }
                watch.start();
            }
        });
        lock.load();
        idleWatch = watch;
        watch.start();
        return main;
    }

    @Override
    public void switchLanguage(Language language) {
        settings.put(LANGUAGE, language.code());
        useLanguage(language);
        currentScreen.run();
    }

    /** Shows a screen; {@code again} shows it anew, as after a change of language. */
    private void show(Supplier<Parent> screen, Runnable again, String title) {
        if (idleWatch != null) {
            idleWatch.stop();
            idleWatch = null;
        }
        currentScreen = again;
        stage.getScene().setRoot(screen.get());
        stage.setTitle(title);
    }

    private void close() {
        WindowPlace.save(stage, settings);
        executor.close();
        prints.close();
        workspace.close();
        onClosed.run();
    }

    private void reportUncaught(Throwable failure) {
        LOG.error("Uncaught error", failure);
        Platform.runLater(() -> {
            var alert = new Alert(Alert.AlertType.ERROR, messages.format("error.uncaught",
                    String.valueOf(failure.getMessage())));
            alert.initOwner(stage);
            alert.setHeaderText(messages.get("error.title"));
            alert.show();
        });
    }
}
