package org.kora.service;

import java.time.Clock;

import org.kora.domain.Role;
import org.kora.domain.User;
import org.kora.store.AuditDao;
import org.kora.store.Store;
import org.kora.store.UserDao;

/** Signing in, and the first administrator's account of a new database. */
public final class AuthService {
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

    /** Checks the password and returns the session; the same refusal for an unknown name and a wrong password. */
    public Session signIn(String username, char[] password) {
        var name = username == null ? "" : username.strip();
        var session = store.inTransaction(tx -> {
            var users = tx.dao(UserDao.class);
            var user = users.findByUsername(name).filter(User::active);
            var hash = users.passwordHash(name);
            Session signedIn = null;
            if (user.isEmpty() || hash.isEmpty()) {
                hasher.verifyNothing(password);
            } else if (hasher.verify(password, hash.get())) {
                signedIn = new Session(user.get());
            }
            tx.dao(AuditDao.class).record(clock.instant(), name, signedIn == null ? "LOGIN_FAILED" : "LOGIN", null);
            return signedIn;
        });
        if (session == null) {
            throw new AuthenticationException();
        }
        return session;
    }
}
