package org.kora.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Role;
import org.kora.store.AuditDao;
import org.kora.store.AuditEntry;
import org.kora.store.DatabaseFile;
import org.kora.store.Store;

/** Lockout after wrong passwords (ADR 0018): waits, the lock, the same for unknown names, the administrator's unlock. */
class SignInLockoutTest {
    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private static final char[] ADMIN_PASSWORD = "admin-password".toCharArray();
    private static final char[] PASSWORD = "yak-butter-tea".toCharArray();
    private static final char[] WRONG = "yak-butter-tee".toCharArray();

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock();
    private Store store;
    private AuthService auth;
    private UserService users;
    private Session admin;

    @BeforeEach
    void createStoreWithAdministratorAndPlanner() {
        store = Store.create(DatabaseFile.of(dir.resolve("kora")));
        openServices();
        admin = auth.createFirstAdministrator("admin", "Administrator", ADMIN_PASSWORD);
        users.createAccount(admin, "hr", "Planner", Role.HR, null, PASSWORD);
    }

    private void openServices() {
        var hasher = new PasswordHasher(1000);
        auth = new AuthService(store, hasher, clock);
        users = new UserService(store, hasher, clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** The refusal of one try, as key and arguments; "signed in" if it was not refused. */
    private String attempt(String name, char[] password) {
        try {
            auth.signIn(name, password);
            return "signed in";
        } catch (AuthenticationException e) {
            return e.messageKey() + List.of(e.messageArgs());
        }
    }

    private void fail(String name, int times) {
        for (var i = 0; i < times; i++) {
            assertThat(attempt(name, WRONG)).isNotEqualTo("signed in");
            clock.advance(Duration.ofMinutes(5));
        }
    }

    private List<AuditEntry> audit() {
        return store.inTransaction(tx -> tx.dao(AuditDao.class).list());
    }

    @Test
    void twoWrongPasswordsCostNoWait() {
        assertThat(attempt("hr", WRONG)).isEqualTo("auth.wrongCredentials[]");
        assertThat(attempt("hr", WRONG)).isEqualTo("auth.wrongCredentials[]");
        assertThat(attempt("hr", PASSWORD)).isEqualTo("signed in");
    }

    @Test
    void thirdWrongPasswordMakesTheNameWaitThirtySeconds() {
        fail("hr", 2);
        assertThat(attempt("hr", WRONG)).isEqualTo("auth.wrongCredentialsWait[30]");
        clock.advance(Duration.ofSeconds(20));
        assertThat(attempt("hr", PASSWORD)).isEqualTo("auth.wait[10]");
        clock.advance(Duration.ofSeconds(10));
        assertThat(attempt("hr", PASSWORD)).isEqualTo("signed in");
    }

    @Test
    void fourthWrongPasswordMakesTheNameWaitOneMinute() {
        fail("hr", 3);
        assertThat(attempt("hr", WRONG)).isEqualTo("auth.wrongCredentialsWait[60]");
        clock.advance(Duration.ofMillis(59_001));
        assertThat(attempt("hr", PASSWORD)).isEqualTo("auth.wait[1]");
    }

    @Test
    void triesDuringAWaitDoNotCount() {
        fail("hr", 2);
        attempt("hr", WRONG);
        for (var i = 0; i < 10; i++) {
            assertThat(attempt("hr", WRONG)).startsWith("auth.wait");
        }
        clock.advance(Duration.ofSeconds(30));
        assertThat(attempt("hr", WRONG)).isEqualTo("auth.wrongCredentialsWait[60]");
    }

    @Test
    void fifthWrongPasswordLocksTheAccountForGood() {
        fail("hr", 4);
        assertThat(attempt("hr", WRONG)).isEqualTo("auth.locked[5]");
        clock.advance(Duration.ofDays(30));
        assertThat(attempt("hr", PASSWORD)).isEqualTo("auth.locked[5]");
    }

    @Test
    void lockIsAuditedWithTheFailures() {
        fail("hr", 5);
        assertThat(audit()).filteredOn(entry -> entry.action().equals("ACCOUNT_LOCKED")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.username()).isEqualTo("hr");
                    assertThat(entry.detail()).isEqualTo("failures=5");
                });
    }

    @Test
    void refusedTriesAreAuditedWithoutCounting() {
        fail("hr", 5);
        attempt("hr", PASSWORD);
        assertThat(audit()).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("LOGIN_REFUSED");
            assertThat(entry.detail()).isEqualTo("locked");
        });
    }

    @Test
    void rightPasswordForgetsEarlierFailures() {
        fail("hr", 4);
        assertThat(attempt("hr", PASSWORD)).isEqualTo("signed in");
        fail("hr", 4);
        assertThat(attempt("hr", PASSWORD)).isEqualTo("signed in");
    }

    @Test
    void failuresOfOneAccountDoNotTouchAnother() {
        fail("hr", 5);
        assertThat(attempt("admin", ADMIN_PASSWORD)).isEqualTo("signed in");
    }

    @Test
    void unknownNameIsRefusedExactlyLikeAnAccount() {
        var account = new ArrayList<String>();
        var unknown = new ArrayList<String>();
        for (var i = 0; i < 7; i++) {
            account.add(attempt("hr", WRONG));
            unknown.add(attempt("nobody", WRONG));
            clock.advance(Duration.ofSeconds(i % 2 == 0 ? 10 : 60));
        }
        assertThat(unknown).isEqualTo(account);
        assertThat(account).contains("auth.wrongCredentialsWait[30]", "auth.wait[20]", "auth.locked[5]");
    }

    @Test
    void lockIsKeptInTheDatabaseSoEveryProgramObeysIt() {
        fail("hr", 5);
        store.close();
        store = Store.open(DatabaseFile.of(dir.resolve("kora")));
        openServices();
        assertThat(attempt("hr", PASSWORD)).isEqualTo("auth.locked[5]");
    }

    @Test
    void administratorUnlocksALockedAccount() {
        fail("hr", 5);
        users.unlock(admin, "hr");
        assertThat(attempt("hr", PASSWORD)).isEqualTo("signed in");
    }

    @Test
    void unlockIsAuditedWithWhoDidIt() {
        fail("hr", 5);
        users.unlock(admin, "hr");
        assertThat(audit()).last().usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(new AuditEntry(0, clock.instant(), "admin", "ACCOUNT_UNLOCKED", "username=hr failures=5 locked"));
    }

    @Test
    void unlockForgetsAllFailures() {
        fail("hr", 5);
        users.unlock(admin, "hr");
        fail("hr", 2);
        assertThat(attempt("hr", WRONG)).isEqualTo("auth.wrongCredentialsWait[30]");
    }

    @Test
    void onlyAdministratorsUnlock() {
        users.createAccount(admin, "boss", "Manager", Role.MANAGER, null, PASSWORD);
        var manager = auth.signIn("boss", PASSWORD);
        fail("hr", 5);
        assertThatThrownBy(() -> users.unlock(manager, "hr")).isInstanceOf(AccessDeniedException.class);
        assertThat(attempt("hr", PASSWORD)).isEqualTo("auth.locked[5]");
    }

    @Test
    void unlockOfAnUnknownAccountIsRefused() {
        fail("nobody", 5);
        var refusal = catchThrowableOfType(InvalidInputException.class, () -> users.unlock(admin, "nobody"));
        assertThat(refusal.messageKey()).isEqualTo("accounts.unknown");
    }

    @Test
    void unlockOfAnAccountWithoutFailuresIsRefused() {
        var refusal = catchThrowableOfType(InvalidInputException.class, () -> users.unlock(admin, "hr"));
        assertThat(refusal.messageKey()).isEqualTo("accounts.notLocked");
    }

    @Test
    void accountStatesShowTheLockAndTheWait() {
        fail("hr", 2);
        attempt("hr", WRONG);
        var waiting = users.accountStates(admin).stream().filter(s -> s.user().username().equals("hr")).findFirst().orElseThrow();
        assertThat(waiting.failures()).isEqualTo(3);
        assertThat(waiting.blockedUntil()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(waiting.locked()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        fail("hr", 2);
        var locked = users.accountStates(admin).stream().filter(s -> s.user().username().equals("hr")).findFirst().orElseThrow();
        assertThat(locked.locked()).isTrue();
    }

    @Test
    void veryLongUnknownNameIsRefusedLikeAnyOther() {
        var name = "x".repeat(300);
        assertThat(attempt(name, WRONG)).isEqualTo("auth.wrongCredentials[]");
    }

    @Test
    void idleTimeIsTenMinutesUntilChanged() {
        assertThat(users.idleMinutes(admin)).isEqualTo(10);
    }

    @Test
    void administratorChangesTheIdleTimeAudited() {
        users.setIdleMinutes(admin, 3);
        assertThat(users.idleMinutes(auth.signIn("hr", PASSWORD))).isEqualTo(3);
        assertThat(audit()).filteredOn(entry -> entry.action().equals("SETTING_CHANGED")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo("session.idleMinutes=3"));
    }

    @Test
    void idleTimeOutOfRangeIsRefused() {
        assertThatThrownBy(() -> users.setIdleMinutes(admin, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> users.setIdleMinutes(admin, 121)).isInstanceOf(InvalidInputException.class);
        assertThat(users.idleMinutes(admin)).isEqualTo(10);
    }

    @Test
    void onlyAdministratorsChangeTheIdleTime() {
        var planner = auth.signIn("hr", PASSWORD);
        assertThatThrownBy(() -> users.setIdleMinutes(planner, 30)).isInstanceOf(AccessDeniedException.class);
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
