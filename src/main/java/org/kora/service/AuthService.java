package org.kora.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.kora.domain.Role;
import org.kora.domain.User;
import org.kora.store.AuditDao;
import org.kora.store.SignInGuard;
import org.kora.store.SignInGuardDao;
import org.kora.store.Store;
import org.kora.store.UserDao;

/** Signing in, and the first administrator's account of a new database. */
public final class AuthService {
    /** The longest user name the accounts, the audit log and the sign-in guard keep. */
    private static final int MAX_NAME = 100;

    private final Store store;
    private final PasswordHasher hasher;
    private final Clock clock;

    public AuthService(Store store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Whether the database has any account yet; a new database has none until its first administrator. */
    public boolean hasAccounts() {
        return store.inTransaction(tx -> tx.dao(UserDao.class).count() > 0);
    }

    /** Creates the first administrator of an empty database and signs them in; refused once any account exists. */
    public Session createFirstAdministrator(String username, String displayName, char[] password) {
        AccountRules.checkNew(username, displayName, password);
        return store.inTransaction(tx -> {
            var users = tx.dao(UserDao.class);
            if (users.count() > 0) {
                throw new InvalidInputException("auth.firstAdminExists");
            }
            users.insert(username.strip(), displayName.strip(), hasher.hash(password), Role.ADMIN, null, clock.instant());
            tx.dao(AuditDao.class).record(clock.instant(), username.strip(), "ACCOUNT_CREATED", "role=ADMIN");
            return new Session(users.findByUsername(username.strip()).orElseThrow());
        });
    }

    /**
     * Checks the password and returns the session. Refusals never tell whether the account exists:
     * an unknown name gets the same messages, waits and locks as a real one, and the same password
     * hashing time. Consecutive failures of a typed name are counted in the database, so the command
     * line obeys them too: after the 3rd a wait of 30 s, after the 4th one minute, and the 5th locks
     * the name until an administrator unlocks it ({@link SignInDelays}, ADR 0018). A try during a wait
     * or a lock is refused without checking the password and does not count.
     *
     * @throws AuthenticationException with {@code auth.wrongCredentials}, {@code auth.wrongCredentialsWait}
     *     (seconds), {@code auth.wait} (seconds) or {@code auth.locked}
     */
    public Session signIn(String username, char[] password) {
        var name = auditName(username == null ? "" : username.strip());
        var outcome = store.inTransaction(tx -> {
            var now = clock.instant();
            var users = tx.dao(UserDao.class);
            var guards = tx.dao(SignInGuardDao.class);
            var audit = tx.dao(AuditDao.class);
            var guard = guards.find(name);
            var user = users.findByUsername(name).filter(User::active);
            var hash = user.isEmpty() ? Optional.<String>empty() : users.passwordHash(name);
            if (guard.isPresent() && guard.get().locked()) {
                hasher.verifyNothing(password);
                audit.record(now, name, "LOGIN_REFUSED", "locked");
                return Outcome.refused(new AuthenticationException("auth.locked", SignInDelays.LOCK_AFTER));
            }
            if (guard.isPresent() && guard.get().blockedUntil() != null && now.isBefore(guard.get().blockedUntil())) {
                hasher.verifyNothing(password);
                var seconds = secondsUntil(now, guard.get().blockedUntil());
                audit.record(now, name, "LOGIN_REFUSED", "wait=" + seconds + "s");
                return Outcome.refused(new AuthenticationException("auth.wait", seconds));
            }
            var passwordRight = false;
            if (hash.isEmpty()) {
                hasher.verifyNothing(password);
            } else {
                passwordRight = hasher.verify(password, hash.get());
            }
            if (passwordRight) {
                guards.clear(name);
                audit.record(now, name, "LOGIN", null);
                return Outcome.signedIn(new Session(user.orElseThrow()));
            }
            var failures = guard.map(SignInGuard::failures).orElse(0) + 1;
            var wait = SignInDelays.after(failures);
            var blockedUntil = wait.map(now::plus).orElse(null);
            var lockedAt = SignInDelays.locks(failures) ? now : null;
            if (guard.isPresent()) {
                guards.update(name, failures, blockedUntil, lockedAt);
            } else {
                guards.insert(name, failures, blockedUntil, lockedAt);
            }
            audit.record(now, name, "LOGIN_FAILED", "failures=" + failures);
            if (lockedAt != null) {
                if (user.isPresent()) {
                    audit.record(now, name, "ACCOUNT_LOCKED", "failures=" + failures);
                }
                return Outcome.refused(new AuthenticationException("auth.locked", SignInDelays.LOCK_AFTER));
            }
            return Outcome.refused(wait.isPresent()
                    ? new AuthenticationException("auth.wrongCredentialsWait", wait.get().toSeconds())
                    : new AuthenticationException());
        });
        if (outcome.session() == null) {
            throw outcome.refusal();
        }
        return outcome.session();
    }

    /** A name as the audit log and the guard keep it: at most as long as their column. */
    private static String auditName(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    private static long secondsUntil(Instant now, Instant until) {
        var millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** A sign-in's result, returned from its transaction so that a refusal's count and audit are kept. */
    private record Outcome(Session session, AuthenticationException refusal) {
        static Outcome signedIn(Session session) {
            return new Outcome(session, null);
        }

        static Outcome refused(AuthenticationException refusal) {
            return new Outcome(null, refusal);
        }
    }
}
