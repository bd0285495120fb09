package org.kora.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.service.AccountState;
import org.kora.service.AuthenticationException;
import org.kora.service.Services;
import org.kora.store.SignInGuardDao;
import org.kora.ui.SameThreadTaskExecutor;
import org.kora.ui.TestWorkspace;

class AccountsViewModelTest {
    private static final char[] DEMO = "demo".toCharArray();

    @TempDir
    Path folder;

    private TestWorkspace workspace;
    private Services services;
    private AccountsViewModel viewModel;

    @BeforeEach
    void openDemoAsAdministrator() {
        workspace = new TestWorkspace(folder);
        services = workspace.create(workspace.demoDatabase());
        services.demo().populate();
        viewModel = new AccountsViewModel(services.users(), services.auth().signIn("admin", DEMO),
                new SameThreadTaskExecutor(), new Messages(Language.EN));
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    /** Locks the planner's account as five wrong passwords would (the waits between them are the service's tests). */
    private void lockPlanner() {
        services.store().inTransaction(tx -> {
            tx.dao(SignInGuardDao.class).insert("hr", 5, null, Instant.now());
            return null;
        });
    }

    private AccountState row(String username) {
        return viewModel.rows().stream().filter(row -> row.user().username().equals(username)).findFirst().orElseThrow();
    }

    @Test
    void aLockedAccountSaysSoAndCanBeUnlocked() {
        lockPlanner();
        viewModel.load();
        assertThat(viewModel.status(row("hr"))).isEqualTo("Locked after 5 wrong passwords");
        assertThat(viewModel.status(row("admin"))).isEmpty();

        viewModel.chosenProperty().set(row("hr"));
        assertThat(viewModel.canUnlockProperty().get()).isTrue();
        viewModel.unlock();

        assertThat(viewModel.work().statusProperty().get()).isEqualTo("The account hr is unlocked.");
        assertThat(viewModel.status(row("hr"))).isEmpty();
        assertThat(viewModel.canUnlockProperty().get()).isFalse();
        assertThat(services.auth().signIn("hr", DEMO).user().username()).isEqualTo("hr");
    }

    @Test
    void anAccountWithoutWrongPasswordsCannotBeUnlocked() {
        viewModel.load();
        viewModel.chosenProperty().set(row("hr"));
        assertThat(viewModel.canUnlockProperty().get()).isFalse();
    }

    @Test
    void theIdleTimeIsShownAndSaved() {
        viewModel.load();
        assertThat(viewModel.idleMinutesProperty().get()).isEqualTo("10");
        viewModel.idleMinutesProperty().set(" 3 ");
        viewModel.saveIdleMinutes();
        assertThat(viewModel.work().statusProperty().get()).isEqualTo("Windows lock after 3 minutes without input.");
        assertThat(services.users().idleMinutes(services.auth().signIn("hr", DEMO))).isEqualTo(3);
    }

    @Test
    void anIdleTimeThatIsNoNumberIsRefusedInWords() {
        viewModel.load();
        viewModel.idleMinutesProperty().set("ten");
        viewModel.saveIdleMinutes();
        assertThat(viewModel.work().errorProperty().get()).isEqualTo("The idle time is a whole number of minutes from 1 to 120.");
        viewModel.idleMinutesProperty().set("500");
        viewModel.saveIdleMinutes();
        assertThat(viewModel.work().errorProperty().get()).isEqualTo("The idle time is a whole number of minutes from 1 to 120.");
    }

    @Test
    void refusalOfTheSignInIsInTheUsersLanguage() {
        lockPlanner();
        var refusal = catchThrowableOfType(AuthenticationException.class, () -> services.auth().signIn("hr", DEMO));
        assertThat(new Messages(Language.ZH).format(refusal)).isEqualTo("此账号因连续 5 次密码错误已被锁定。请联系管理员解锁。");
        assertThat(new Messages(Language.EN).format(refusal))
                .isEqualTo("This account is locked after 5 wrong passwords. Ask an administrator to unlock it.");
    }
}
