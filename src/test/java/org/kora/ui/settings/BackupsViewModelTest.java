package org.kora.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.service.Services;
import org.kora.store.BehindKorasBack;
import org.kora.store.HospitalDao;
import org.kora.ui.Dialogs;
import org.kora.ui.RecordingNavigator;
import org.kora.ui.SameThreadTaskExecutor;
import org.kora.ui.TestWorkspace;

class BackupsViewModelTest {
    @TempDir
    Path folder;

    private TestWorkspace workspace;
    private Services services;
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private Path database;

    @BeforeEach
    void openDemoAsAdministrator() {
        workspace = new TestWorkspace(folder);
        database = workspace.demoDatabase();
        services = workspace.create(database);
        services.demo().populate();
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    private BackupsViewModel backups(String username) {
        var session = services.auth().signIn(username, "demo".toCharArray());
        var viewModel = new BackupsViewModel(services.backups(), workspace, navigator, session,
                new SameThreadTaskExecutor(), new Messages(Language.EN), database);
        viewModel.load();
        return viewModel;
    }

    /** Dialogs that answer a confirmation and passphrases as told and remember what they were asked and told. */
    private static final class AnsweringDialogs implements Dialogs {
        boolean agree = true;
        final List<String> shown = new ArrayList<>();
        /** The passphrases typed, one per question; none left is Cancel. */
        final java.util.Deque<String> passphrases = new java.util.ArrayDeque<>();

        @Override
        public Optional<char[]> askPassphrase(String title, String text, String refusal) {
            shown.add("passphrase " + text + (refusal.isEmpty() ? "" : " / " + refusal));
            return Optional.ofNullable(passphrases.poll()).map(String::toCharArray);
        }

        @Override
        public void info(String title, String text) {
            shown.add("info " + text);
        }

        @Override
        public void error(String title, String text) {
            shown.add("error " + text);
        }

        @Override
        public boolean confirm(String title, String text, String action) {
            shown.add("confirm " + text);
            return agree;
        }

        @Override
        public Optional<Path> chooseDatabaseToOpen() {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseImportFile() {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseNewDatabase() {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseBackupFolder(Path initial) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseBackup(Path initial) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseSaveFile(String fileName, String filterKey, String extension) {
            return Optional.empty();
        }
    }

    @Test
    void anAdministratorBacksUpNowAndSeesTheBackupListed() {
        var viewModel = backups("admin");
        assertThat(viewModel.mayManage()).isTrue();
        assertThat(viewModel.folderProperty().get()).isEqualTo(folder.resolve("backups").toString());
        assertThat(viewModel.rows()).isEmpty();

        viewModel.backUpNow();

        assertThat(viewModel.work().errorProperty().get()).isEmpty();
        assertThat(viewModel.rows()).hasSize(1);
        assertThat(viewModel.rows().get(0).size()).endsWith(" MB");
        assertThat(viewModel.rows().get(0).file()).hasParent(folder.resolve("backups")).isRegularFile();
        assertThat(viewModel.work().statusProperty().get()).startsWith("Backup written to ");
        assertThat(viewModel.workingProperty().get()).isFalse();
    }

    @Test
    void onlyAnAdministratorSeesBackups() {
        var viewModel = backups("hr");
        assertThat(viewModel.mayManage()).isFalse();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.folderProperty().get()).isEmpty();
    }

    @Test
    void aFolderThatIsNotAWritableDirectoryIsRefusedInWords() throws IOException {
        var viewModel = backups("admin");
        viewModel.changeFolder(folder.resolve("nowhere"));
        assertThat(viewModel.work().errorProperty().get()).startsWith("The backup folder ").contains("nowhere");
        assertThat(viewModel.folderProperty().get()).isEqualTo(folder.resolve("backups").toString());

        var chosen = Files.createDirectories(folder.resolve("usb"));
        viewModel.changeFolder(chosen);
        viewModel.backUpNow();
        assertThat(viewModel.folderProperty().get()).isEqualTo(chosen.toString());
        assertThat(viewModel.rows()).extracting(row -> row.file().getParent()).containsExactly(chosen);
    }

    @Test
    void aConfirmedRestoreBringsTheBackupBackAndAsksEveryoneToSignInAgain() {
        var viewModel = backups("admin");
        viewModel.backUpNow();
        var backup = viewModel.rows().get(0).file();
        services.store().inTransaction(tx -> tx.dao(HospitalDao.class).insert("Added later", HospitalKind.HOME));

        viewModel.restore(backup, dialogs);

        assertThat(dialogs.shown.get(0)).startsWith("confirm The backup " + backup.getFileName() + " is intact (");
        assertThat(dialogs.shown.get(1)).startsWith("info The backup is restored (");
        assertThat(navigator.calls).containsExactly("login " + database);
        assertThat(workspace.current()).isEmpty();
        var reopened = workspace.open(database);
        List<Hospital> hospitals = reopened.store().inTransaction(tx -> tx.dao(HospitalDao.class).list());
        assertThat(hospitals).noneMatch(hospital -> hospital.name().equals("Added later"));
    }

    @Test
    void aBackupMadeByHandPutsRightTheAutomaticOneThatFailed() throws IOException, SQLException {
        // the folder the automatic backup goes to cannot be made: a file stands where its parent should be
        var blocked = Files.writeString(folder.resolve("not-a-folder"), "").resolve("backups");
        BehindKorasBack.execute(database, "MERGE INTO setting (name, setting_value) KEY(name) VALUES ('backups.folder', '"
                + blocked + "')");
        assertThat(services.backups().daily()).isEmpty();
        var viewModel = backups("admin");
        assertThat(viewModel.warningProperty().get()).startsWith("The automatic backup failed: ");

        viewModel.changeFolder(Files.createDirectories(folder.resolve("backups-elsewhere")));
        viewModel.backUpNow();

        assertThat(viewModel.warningProperty().get()).isEmpty();
        assertThat(services.backups().warning()).isEmpty();
    }

    @Test
    void aRefusedBackupIsSaidAndTheDatabaseStaysOpen() throws IOException {
        var viewModel = backups("admin");
        var notABackup = Files.writeString(folder.resolve("notes.zip"), "not a backup");

        viewModel.restore(notABackup, dialogs);

        assertThat(viewModel.work().errorProperty().get()).isEqualTo("The file " + notABackup
                + " is not a Kora backup. Nothing was restored.");
        assertThat(dialogs.shown).isEmpty();
        assertThat(navigator.calls).isEmpty();
        assertThat(workspace.current()).containsSame(services);
        assertThat(viewModel.workingProperty().get()).isFalse();
    }

    @Test
    void aRestoreTheUserDoesNotConfirmChangesNothing() {
        var viewModel = backups("admin");
        viewModel.backUpNow();
        dialogs.agree = false;

        viewModel.restore(viewModel.rows().get(0).file(), dialogs);

        assertThat(navigator.calls).isEmpty();
        assertThat(workspace.current()).containsSame(services);
        try (var files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.contains("restor"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String PASSPHRASE = "juniper smoke at the gate";

    /** The demo again, encrypted, with an administrator signed in to its Settings. */
    private BackupsViewModel encryptedDemo() {
        workspace.close();
        database = folder.resolve("encrypted/kora.mv.db");
        services = workspace.create(database, PASSPHRASE.toCharArray());
        services.demo().populate();
        return backups("admin");
    }

    private List<String> hospitals(Services of) {
        return of.store().inTransaction(tx -> tx.dao(HospitalDao.class).list()).stream().map(Hospital::name).toList();
    }

    @Test
    void anEncryptedBackupIsRestoredWithItsPassphraseAskedAgainWhileWrong() {
        var viewModel = encryptedDemo();
        viewModel.backUpNow();
        var backup = viewModel.rows().get(0).file();
        services.store().inTransaction(tx -> tx.dao(HospitalDao.class).insert("Added later", HospitalKind.HOME));
        dialogs.passphrases.add("juniper smoke at the fence");
        dialogs.passphrases.add(PASSPHRASE);

        viewModel.restore(backup, dialogs);

        var asked = "passphrase The backup " + backup.getFileName() + " is of an encrypted database. Enter the passphrase"
                + " it was made with (the database's passphrase at that time); after the restore the database opens with it.";
        assertThat(dialogs.shown).hasSize(4);
        assertThat(dialogs.shown.get(0)).isEqualTo(asked);
        assertThat(dialogs.shown.get(1)).isEqualTo(asked + " / The passphrase is not correct.");
        assertThat(dialogs.shown.get(2)).startsWith("confirm The backup " + backup.getFileName() + " is intact (");
        assertThat(dialogs.shown.get(3)).startsWith("info The backup is restored with its key file (")
                .endsWith("Sign in again with the passphrase of the backup.");
        assertThat(navigator.calls).containsExactly("login " + database);
        assertThat(workspace.current()).isEmpty();
        assertThat(workspace.needsPassphrase(database)).isTrue();
        assertThat(hospitals(workspace.open(database, PASSPHRASE.toCharArray()))).doesNotContain("Added later");
    }

    @Test
    void cancellingThePassphraseOfAnEncryptedBackupChangesNothing() {
        var viewModel = encryptedDemo();
        viewModel.backUpNow();
        services.store().inTransaction(tx -> tx.dao(HospitalDao.class).insert("Added later", HospitalKind.HOME));

        viewModel.restore(viewModel.rows().get(0).file(), dialogs);

        assertThat(dialogs.shown).singleElement().asString().startsWith("passphrase ");
        assertThat(navigator.calls).isEmpty();
        assertThat(workspace.current()).containsSame(services);
        assertThat(hospitals(services)).contains("Added later");
        assertThat(viewModel.workingProperty().get()).isFalse();
    }

    @Test
    void aPlainBackupOverAnEncryptedDatabaseIsSaidToLeaveItPlainBeforeItIsConfirmed() {
        var plainBackup = folder.resolve("plain.zip");
        services.backups().backUpTo(services.auth().signIn("admin", "demo".toCharArray()), plainBackup);
        var viewModel = encryptedDemo();
        dialogs.agree = false;

        viewModel.restore(plainBackup, dialogs);

        assertThat(dialogs.shown).singleElement().asString().startsWith("confirm The backup plain.zip is intact (")
                .contains("but it is not encrypted: restored over " + database + ", the database is no longer encrypted.");
        assertThat(workspace.current()).containsSame(services);
    }
}
