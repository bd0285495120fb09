package org.kora.ui.main;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.kora.domain.KoraException;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.domain.Permission;
import org.kora.service.Session;
import org.kora.ui.Navigator;
import org.kora.ui.settings.BackupsViewModel;

/** The main window: who is signed in, which screens their role may use, and the menu commands. */
public final class MainViewModel {
    private final Session session;
    private final Navigator navigator;
    private final Messages messages;
    private final Path database;
    private final String version;
    private final LocalDate today;
    private final List<Area> areas;
    private final Supplier<Optional<KoraException>> backupFailure;
    private final ReadOnlyStringWrapper backupWarning = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Area> selected = new SimpleObjectProperty<>();

    /** {@code backupFailure}: why the last automatic backup failed, if it did ({@code BackupService#warning}). */
    public MainViewModel(Session session, Navigator navigator, Messages messages, Path database, String version,
                         LocalDate today, Supplier<Optional<KoraException>> backupFailure) {
        this.session = session;
        this.today = today;
        this.navigator = navigator;
        this.messages = messages;
        this.database = database;
        this.version = version;
        this.areas = Arrays.stream(Area.values()).filter(area -> session.may(area.permission())).toList();
        this.backupFailure = backupFailure;
        refreshBackupWarning();
        // a mentor's work is signing: they start there; everyone else on their first screen
        selected.set(session.may(Permission.SIGN_OFF) && areas.contains(Area.SIGNOFFS) ? Area.SIGNOFFS
                : areas.isEmpty() ? null : areas.get(0));
    }

    /**
     * Why the last automatic backup failed, for a user who looks after backups; empty otherwise, and
     * once a backup made by hand stands in for it. Said in the status bar, where it is seen at once,
     * not only on Settings, which an administrator may not open for weeks.
     */
    public ReadOnlyStringProperty backupWarningProperty() {
        return backupWarning.getReadOnlyProperty();
    }

    /** Reads again whether the last automatic backup failed (after a backup on Settings). */
    public void refreshBackupWarning() {
        backupWarning.set(session.may(Permission.MANAGE_BACKUPS) && areas.contains(Area.SETTINGS)
                ? BackupsViewModel.warningText(backupFailure.get(), messages) : "");
    }

    /** Opens Settings, where backups are made and their folder chosen. */
    public void showBackups() {
        selected.set(Area.SETTINGS);
    }

    /** The screens this user's role may use, in navigation order. */
    public List<Area> areas() {
        return areas;
    }

    public String areaName(Area area) {
        return messages.get(area.nameKey());
    }

    public ObjectProperty<Area> selectedProperty() {
        return selected;
    }

    public String userName() {
        return session.user().displayName() + " (" + session.user().username() + ")";
    }

    public String roleName() {
        return messages.get("role." + session.user().role().name().toLowerCase(Locale.ROOT));
    }

    /** Today's date in the user's locale, for the status bar. */
    public String today() {
        return messages.date(today);
    }

    public String databaseName() {
        return database.toString();
    }

    public Language language() {
        return messages.language();
    }

    public String aboutTitle() {
        return messages.get("about.title");
    }

    public String aboutText() {
        return messages.format("about.text", version, System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", "?"), database.toString());
    }

    public void signOut() {
        navigator.showLogin(database);
    }

    public void openDatabase(Path other) {
        navigator.showLogin(other);
    }

    public void newDatabase(Path file) {
        navigator.showWelcome(file);
    }

    public void switchLanguage(Language language) {
        if (language != messages.language()) {
            navigator.switchLanguage(language);
        }
    }
}
