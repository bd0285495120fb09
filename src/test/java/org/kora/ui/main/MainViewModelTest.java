package org.kora.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.KoraException;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.service.Session;
import org.kora.store.StoreException;
import org.kora.ui.RecordingNavigator;
import org.kora.ui.TestWorkspace;

class MainViewModelTest {
    @TempDir
    Path folder;

    private TestWorkspace workspace;
    private final RecordingNavigator navigator = new RecordingNavigator();

    @BeforeEach
    void setUp() {
        workspace = new TestWorkspace(folder);
        workspace.create(workspace.demoDatabase()).demo().populate();
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    private MainViewModel signedIn(String username) {
        return signedIn(username, Optional::empty);
    }

    private MainViewModel signedIn(String username, Supplier<Optional<KoraException>> backupFailure) {
        Session session = workspace.current().orElseThrow().auth().signIn(username, "demo".toCharArray());
        return new MainViewModel(session, navigator, new Messages(Language.EN), workspace.demoDatabase(), "1.2.3",
                LocalDate.of(2026, 11, 23), backupFailure);
    }

    @Test
    void mentorSeesOnlyCalendarAndSignOffs() {
        assertThat(signedIn("mentor").areas()).containsExactly(Area.CALENDAR, Area.SIGNOFFS);
    }

    @Test
    void managerSeesNoPlanningAndNoSettings() {
        assertThat(signedIn("manager").areas()).containsExactly(Area.PEOPLE, Area.CALENDAR, Area.SIGNOFFS, Area.DASHBOARD);
    }

    @Test
    void administratorSeesEveryScreen() {
        assertThat(signedIn("admin").areas()).containsExactly(Area.values()).contains(Area.ACCOUNTS);
    }

    @Test
    void firstAllowedScreenIsSelected() {
        assertThat(signedIn("hr").selectedProperty().get()).isEqualTo(Area.PEOPLE);
    }

    @Test
    void aMentorStartsOnTheSignOffs() {
        assertThat(signedIn("mentor").selectedProperty().get()).isEqualTo(Area.SIGNOFFS);
    }

    @Test
    void statusBarNamesUserRoleAndDatabase() {
        var viewModel = signedIn("hr");
        assertThat(viewModel.userName()).endsWith("(hr)");
        assertThat(viewModel.roleName()).isEqualTo("HR planner");
        assertThat(viewModel.databaseName()).isEqualTo(workspace.demoDatabase().toString());
        assertThat(viewModel.aboutText()).contains("Kora 1.2.3");
        assertThat(viewModel.today()).isEqualTo("Nov 23, 2026");
    }

    @Test
    void todayFollowsTheChineseLocale() {
        Session session = workspace.current().orElseThrow().auth().signIn("hr", "demo".toCharArray());
        var chinese = new MainViewModel(session, navigator, new Messages(Language.ZH), workspace.demoDatabase(), "1",
                LocalDate.of(2026, 11, 23), Optional::empty);
        assertThat(chinese.today()).isEqualTo("2026年11月23日");
    }

    @Test
    void aFailedAutomaticBackupIsSaidToTheAdministratorAndOpensSettings() {
        KoraException failure = new StoreException(null, "backup.failed", "/media/usb/backups", "No space left on device");
        var stillFailed = new AtomicBoolean(true);
        var viewModel = signedIn("admin", () -> stillFailed.get() ? Optional.of(failure) : Optional.empty());
        assertThat(viewModel.backupWarningProperty().get())
                .startsWith("The automatic backup failed: The backup to /media/usb/backups failed").contains("No space left on device");
        viewModel.showBackups();
        assertThat(viewModel.selectedProperty().get()).isEqualTo(Area.SETTINGS);

        stillFailed.set(false); // a backup made on Settings
        viewModel.refreshBackupWarning();
        assertThat(viewModel.backupWarningProperty().get()).isEmpty();
    }

    @Test
    void aFailedAutomaticBackupIsNotSaidToThoseWhoCannotMakeBackups() {
        KoraException failure = new StoreException(null, "backup.failed", "/media/usb/backups", "No space left on device");
        assertThat(signedIn("hr", () -> Optional.of(failure)).backupWarningProperty().get()).isEmpty();
        assertThat(signedIn("admin").backupWarningProperty().get()).as("no failure").isEmpty();
    }

    @Test
    void signOutReturnsToTheSameDatabasesSignIn() {
        signedIn("hr").signOut();
        assertThat(navigator.calls).containsExactly("login " + workspace.demoDatabase());
    }
}
