package org.kora.ui.settings;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.kora.domain.KoraException;
import org.kora.domain.Messages;
import org.kora.domain.Permission;
import org.kora.service.BackupFile;
import org.kora.service.BackupService;
import org.kora.service.RestoreOutcome;
import org.kora.service.Session;
import org.kora.ui.Dialogs;
import org.kora.ui.Navigator;
import org.kora.ui.TaskExecutor;
import org.kora.ui.WorkStatus;
import org.kora.ui.Workspace;

/**
 * The backup part of the Settings screen, for administrators: the backup folder (changeable), the
 * backups in it, "Back up now", and restoring a backup: checked first, confirmed by the user, then
 * put in place of the database, after which everyone signs in again to the restored database.
 */
public final class BackupsViewModel {
    private static final DateTimeFormatter MADE_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final String WRONG_PASSPHRASE = "backup.wrongPassphrase";

    private final BackupService backups;
    private final Workspace workspace;
    private final Navigator navigator;
    private final Session session;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Path database;
    private final WorkStatus work;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper folder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();

    /** One backup as listed: when it was made, its size, its file. */
    public record Row(String madeAt, String size, Path file) {
    }

    public BackupsViewModel(BackupService backups, Workspace workspace, Navigator navigator, Session session,
                            TaskExecutor executor, Messages messages, Path database) {
        this.backups = backups;
        this.workspace = workspace;
        this.navigator = navigator;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
        this.database = database;
        this.work = new WorkStatus(messages);
    }

    /** Whether this user may see and use backups at all. */
    public boolean mayManage() {
        return session.may(Permission.MANAGE_BACKUPS);
    }

    public WorkStatus work() {
        return work;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty folderProperty() {
        return folder.getReadOnlyProperty();
    }

    /** Why the last automatic backup failed, in words; empty if none failed. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** While a backup or restore runs: one at a time. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** The folder, as a path to start a folder chooser in. */
    public Path folder() {
        return folder.get().isEmpty() ? database.getParent() : Path.of(folder.get());
    }

    /** Reads the folder and its backups. */
    public void load() {
        if (!mayManage()) {
            return;
        }
        showWarning();
        work.run(executor, "backup.loading", () -> new Listing(backups.folder(session), backups.list(session)), this::show);
    }

    private void showWarning() {
        warning.set(warningText(backups.warning(), messages));
    }

    /** How the failure of the last automatic backup is said, on Settings and in the status bar; empty if none failed. */
    public static String warningText(Optional<KoraException> failure, Messages messages) {
        return failure.map(messages::format).map(text -> messages.format("backup.warning", text)).orElse("");
    }

    private record Listing(Path folder, java.util.List<BackupFile> files) {
    }

    private void show(Listing listing) {
        folder.set(listing.folder().toString());
        rows.setAll(listing.files().stream().map(this::row).toList());
    }

    private Row row(BackupFile file) {
        return new Row(MADE_AT.format(file.madeAt()), messages.format("backup.size", file.size() / (1024.0 * 1024.0)),
                file.file());
    }

    /** Makes a backup in the folder now. */
    public void backUpNow() {
        working.set(true);
        work.run(executor, "backup.running", () -> {
            var made = backups.backUpNow(session);
            return new Made(made, new Listing(backups.folder(session), backups.list(session)));
        }, made -> {
            working.set(false);
            show(made.listing());
            showWarning();
            work.say(messages.format("backup.made", made.file().file()));
        }, this::failed);
    }

    private record Made(BackupFile file, Listing listing) {
    }

    /** Makes {@code chosen} the backup folder (refused unless Kora can write there). */
    public void changeFolder(Path chosen) {
        work.run(executor, "backup.loading", () -> {
            backups.changeFolder(session, chosen);
            return new Listing(backups.folder(session), backups.list(session));
        }, listing -> {
            show(listing);
            work.tell("backup.folderChanged");
        }, work::warn);
    }

    /**
     * Restores {@code backup}: checks it in the background (an encrypted one after asking the user
     * for its passphrase through {@code dialogs}, again as long as it is wrong), asks the user to
     * confirm (what the backup holds; the current database kept aside; a plain backup over an
     * encrypted database said to leave it plain), then restores it and shows the sign-in of the
     * restored database. A refused backup is said and nothing changes.
     */
    public void restore(Path backup, Dialogs dialogs) {
        working.set(true);
        work.run(executor, "backup.checking", () -> backups.needsPassphrase(session, backup), encrypted -> {
            if (encrypted) {
                askPassphrase(backup, dialogs, "");
            } else {
                check(backup, null, dialogs);
            }
        }, this::failed);
    }

    private void askPassphrase(Path backup, Dialogs dialogs, String refusal) {
        var passphrase = dialogs.askPassphrase(messages.get("backup.restore"),
                messages.format("backup.passphraseQuestion", backup.getFileName()), refusal);
        if (passphrase.isEmpty()) {
            working.set(false);
            return;
        }
        check(backup, passphrase.get(), dialogs);
    }

    private void check(Path backup, char[] passphrase, Dialogs dialogs) {
        work.run(executor, "backup.checking", () -> checked(backup, passphrase), checked -> {
            if (checked.isEmpty()) {
                wipe(passphrase);
                askPassphrase(backup, dialogs, messages.get("store.encryption.wrongPassphrase"));
                return;
            }
            var leavesPlain = !checked.get().encrypted() && backups.databaseEncrypted();
            var question = messages.format(leavesPlain ? "backup.restoreQuestionUnencrypted" : "backup.restoreQuestion",
                    backup.getFileName(), checked.get().signOffs(), database);
            if (!dialogs.confirm(messages.get("backup.restore"), question, messages.get("backup.restoreAction"))) {
                wipe(passphrase);
                working.set(false);
                return;
            }
            work.run(executor, "backup.restoring", () -> workspace.restore(session, backup, passphrase), restored -> {
                wipe(passphrase);
                done(restored, dialogs);
            }, reason -> {
                wipe(passphrase);
                dialogs.error(messages.get("backup.restore"), reason);
                navigator.showLogin(database);
            });
        }, reason -> {
            wipe(passphrase);
            failed(reason);
        });
    }

    /** The check of the backup, or empty if its passphrase is wrong (to be asked again). */
    private Optional<RestoreOutcome> checked(Path backup, char[] passphrase) {
        try {
            return Optional.of(backups.check(session, backup, passphrase));
        } catch (KoraException e) {
            if (WRONG_PASSPHRASE.equals(e.messageKey())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void wipe(char[] passphrase) {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }

    private void done(RestoreOutcome restored, Dialogs dialogs) {
        working.set(false);
        dialogs.info(messages.get("backup.restore"), messages.format(
                restored.encrypted() ? "backup.restoredSignInEncrypted" : "backup.restoredSignIn",
                restored.signOffs(), String.valueOf(restored.keptAside())));
        navigator.showLogin(database);
    }

    private void failed(String reason) {
        working.set(false);
        work.warn(reason);
    }
}
