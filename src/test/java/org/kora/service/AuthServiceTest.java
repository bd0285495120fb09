package org.kora.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Permission;
import org.kora.domain.Role;
import org.kora.store.AuditDao;
import org.kora.store.AuditEntry;
import org.kora.store.DatabaseFile;
import org.kora.store.Store;
import org.kora.store.UserDao;

class AuthServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final char[] PASSWORD = "yak-butter-tea".toCharArray();

    @TempDir
    Path dir;

    private Store store;
    private AuthService auth;

    @BeforeEach
    void createStore() {
        store = Store.create(DatabaseFile.of(dir.resolve("kora")));
        auth = new AuthService(store, new PasswordHasher(1000), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private List<AuditEntry> audit() {
        return store.inTransaction(tx -> tx.dao(AuditDao.class).list());
    }

    private int accountCount() {
        return store.inTransaction(tx -> tx.dao(UserDao.class).count());
    }

    @Test
    void newDatabaseHasNoAccounts() {
        assertThat(auth.hasAccounts()).isFalse();
    }

    @Test
    void databaseWithAnAdministratorHasAccounts() {
        auth.createFirstAdministrator("admin", "Administrator", PASSWORD);
        assertThat(auth.hasAccounts()).isTrue();
    }

    @Test
    void firstAdministratorIsSignedInAtOnce() {
        var session = auth.createFirstAdministrator("admin", "Administrator", PASSWORD);
        assertThat(session.user().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void firstAdministratorCanSignIn() {
        auth.createFirstAdministrator("admin", "Administrator", PASSWORD);
        var session = auth.signIn("admin", PASSWORD);
        assertThat(session.user().username()).isEqualTo("admin");
        assertThat(session.may(Permission.MANAGE_ACCOUNTS)).isTrue();
    }

    @Test
    void signInIgnoresSpacesAroundTheUserName() {
        auth.createFirstAdministrator(" admin ", "Administrator", PASSWORD);
        assertThat(auth.signIn("admin ", PASSWORD).user().username()).isEqualTo("admin");
    }

    @Test
    void secondFirstAdministratorIsRefused() {
        auth.createFirstAdministrator("admin", "Administrator", PASSWORD);
        assertThatThrownBy(() -> auth.createFirstAdministrator("intruder", "Intruder", PASSWORD))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("auth.firstAdminExists"));
        assertThat(accountCount()).isEqualTo(1);
    }

    @Test
    void wrongPasswordIsRefused() {
        auth.createFirstAdministrator("admin", "Administrator", PASSWORD);
        assertThatThrownBy(() -> auth.signIn("admin", "yak-butter-tee".toCharArray()))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("auth.wrongCredentials"));
    }

    @Test
    void unknownUserIsRefusedLikeAWrongPassword() {
        auth.createFirstAdministrator("admin", "Administrator", PASSWORD);
        var wrongPassword = catchThrowableOfType(AuthenticationException.class,
                () -> auth.signIn("admin", "yak-butter-tee".toCharArray()));
        var unknownUser = catchThrowableOfType(AuthenticationException.class, () -> auth.signIn("nobody", PASSWORD));
        assertThat(unknownUser.messageKey()).isEqualTo(wrongPassword.messageKey());
        assertThat(unknownUser.getMessage()).isEqualTo(wrongPassword.getMessage());
        assertThat(unknownUser.messageArgs()).isEqualTo(wrongPassword.messageArgs());
    }

    @Test
    void failedSignInIsAudited() {
        auth.createFirstAdministrator("admin", "Administrator", PASSWORD);
        assertThatThrownBy(() -> auth.signIn("nobody", PASSWORD)).isInstanceOf(AuthenticationException.class);
        assertThat(audit()).last().usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(new AuditEntry(0, NOW, "nobody", "LOGIN_FAILED", "failures=1"));
    }

    @Test
    void successfulSignInIsAudited() {
        auth.createFirstAdministrator("admin", "Administrator", PASSWORD);
        auth.signIn("admin", PASSWORD);
        assertThat(audit()).last().usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(new AuditEntry(0, NOW, "admin", "LOGIN", null));
    }

    @Test
    void firstAdministratorIsAudited() {
        auth.createFirstAdministrator("admin", "Administrator", PASSWORD);
        assertThat(audit()).singleElement().usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(new AuditEntry(0, NOW, "admin", "ACCOUNT_CREATED", "role=ADMIN"));
    }

    @Test
    void shortPasswordIsRefused() {
        assertThatThrownBy(() -> auth.createFirstAdministrator("admin", "Administrator", "short".toCharArray()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.passwordTooShort"));
        assertThat(auth.hasAccounts()).isFalse();
    }

    @Test
    void eightCharacterPasswordIsAccepted() {
        auth.createFirstAdministrator("admin", "Administrator", "12345678".toCharArray());
        assertThat(auth.signIn("admin", "12345678".toCharArray()).user().username()).isEqualTo("admin");
    }
}
