package org.kora.service;

import java.time.Clock;
import java.util.List;

import org.kora.domain.Permission;
import org.kora.domain.Role;
import org.kora.domain.User;
import org.kora.store.AuditDao;
import org.kora.store.Store;
import org.kora.store.UserDao;

/** User accounts: administrators only. */
public final class UserService {
    private final Store store;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(Store store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    public List<User> accounts(Session who) {
        who.require(Permission.MANAGE_ACCOUNTS);
        return store.inTransaction(tx -> tx.dao(UserDao.class).list());
    }

    /** Creates an account; a MENTOR account names the mentor it signs for. */
    public User createAccount(Session who, String username, String displayName, Role role, Long mentorId,
                              char[] password) {
        who.require(Permission.MANAGE_ACCOUNTS);
        AccountRules.checkNew(username, displayName, password);
        if ((role == Role.MENTOR) != (mentorId != null)) {
            throw new InvalidInputException("account.mentorLink");
        }
        return store.inTransaction(tx -> {
            var users = tx.dao(UserDao.class);
            var name = username.strip();
            if (users.findByUsername(name).isPresent()) {
                throw new InvalidInputException("account.usernameTaken", name);
            }
            users.insert(name, displayName.strip(), hasher.hash(password), role, mentorId, clock.instant());
            tx.dao(AuditDao.class).record(clock.instant(), who.user().username(), "ACCOUNT_CREATED",
                    "username=" + name + " role=" + role);
            return users.findByUsername(name).orElseThrow();
        });
    }
}
