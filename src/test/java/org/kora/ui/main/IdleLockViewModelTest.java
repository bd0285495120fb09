package org.kora.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.service.Services;
import org.kora.store.AuditDao;
import org.kora.store.AuditEntry;
import org.kora.ui.RecordingNavigator;
import org.kora.ui.SameThreadTaskExecutor;
import org.kora.ui.TestWorkspace;

class IdleLockViewModelTest {
    @TempDir
    Path folder;

    private TestWorkspace workspace;
    private Services services;
    private final RecordingNavigator navigator = new RecordingNavigator();
    private IdleLockViewModel lock;

    @BeforeEach
    void signInAsPlanner() {
        workspace = new TestWorkspace(folder);
        services = workspace.create(workspace.demoDatabase());
        services.demo().populate();
        lock = lockOf(Language.EN);
    }

    private IdleLockViewModel lockOf(Language language) {
        var session = services.auth().signIn("hr", "demo".toCharArray());
        return new IdleLockViewModel(session, services.auth(), services.users(), navigator, new SameThreadTaskExecutor(),
                new Messages(language), workspace.demoDatabase());
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    @Test
    void idleTimeIsTheAdministratorsSetting() {
        assertThat(lock.idleTimeProperty().get()).isEqualTo(Duration.ofMinutes(10));
        services.users().setIdleMinutes(services.auth().signIn("admin", "demo".toCharArray()), 2);
        lock.load();
        assertThat(lock.idleTimeProperty().get()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void rightPasswordUnlocks() {
        lock.lock();
        assertThat(lock.lockedProperty().get()).isTrue();
        lock.passwordProperty().set("demo");
        lock.unlock();
        assertThat(lock.lockedProperty().get()).isFalse();
        assertThat(lock.passwordProperty().get()).isEmpty();
    }

    @Test
    void wrongPasswordKeepsTheWindowLockedAndSaysWhy() {
        lock.lock();
        lock.passwordProperty().set("guess");
        lock.unlock();
        assertThat(lock.lockedProperty().get()).isTrue();
        assertThat(lock.work().errorProperty().get()).isEqualTo("Wrong user name or password.");
        assertThat(lock.passwordProperty().get()).isEmpty();
    }

    @Test
    void wrongPasswordsAtTheLockCountTowardsTheLockout() {
        lock.lock();
        for (var i = 0; i < 3; i++) {
            lock.passwordProperty().set("guess");
            lock.unlock();
        }
        assertThat(lock.work().errorProperty().get()).isEqualTo("Wrong user name or password. Try again in 30 seconds.");
        lock.passwordProperty().set("demo");
        lock.unlock();
        assertThat(lock.lockedProperty().get()).isTrue();
        assertThat(lock.work().errorProperty().get()).matches("Too many wrong passwords\\. Try again in \\d+ seconds\\.");
        var audit = services.store().inTransaction(tx -> tx.dao(AuditDao.class).list());
        assertThat(audit).extracting(AuditEntry::action).containsSubsequence("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
                "LOGIN_REFUSED");
    }

    @Test
    void refusalIsInTheUsersLanguage() {
        var chinese = lockOf(Language.ZH);
        chinese.lock();
        chinese.passwordProperty().set("guess");
        chinese.unlock();
        assertThat(chinese.work().errorProperty().get()).isEqualTo("用户名或密码错误。");
        assertThat(chinese.prompt()).contains("hr");
    }

    @Test
    void lockingForgetsAPasswordTypedBefore() {
        lock.passwordProperty().set("dem");
        lock.lock();
        assertThat(lock.passwordProperty().get()).isEmpty();
        assertThat(lock.canUnlockProperty().get()).isFalse();
    }

    @Test
    void switchUserGoesToSignIn() {
        lock.lock();
        lock.switchUser();
        assertThat(navigator.calls).containsExactly("login " + workspace.demoDatabase());
    }
}
