package org.kora.service;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kora.domain.Permission;
import org.kora.domain.Role;
import org.kora.domain.User;
import org.kora.store.AuditDao;
import org.kora.store.SettingDao;
import org.kora.store.SignInGuard;
import org.kora.store.SignInGuardDao;
import org.kora.store.Store;
import org.kora.store.UserDao;

/**
 * User accounts: administrators only; and the idle lock's time, which every signed-in window reads.
 */
public final class UserService {
    /** Minutes without input after which the window locks, unless an administrator set another time. */
    public static final int DEFAULT_IDLE_MINUTES = 10;
    /** The longest idle time an administrator may set: a shared PC must not stay open for a whole shift. */
    public static final int MAX_IDLE_MINUTES = 120;
    static final String IDLE_MINUTES = "session.idleMinutes";

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

    /** Every account with its failed sign-ins and whether it is locked or must wait. */
    public List<AccountState> accountStates(Session who) {
        who.require(Permission.MANAGE_ACCOUNTS);
        return store.inTransaction(tx -> {
            var guards = tx.dao(SignInGuardDao.class).list().stream()
                    .collect(Collectors.toMap(SignInGuard::username, Function.identity()));
            return tx.dao(UserDao.class).list().stream().map(user -> {
                var guard = guards.get(user.username());
                return guard == null ? new AccountState(user, 0, null, false)
                        : new AccountState(user, guard.failures(), guard.blockedUntil(), guard.locked());
            }).toList();
        });
    }

    /**
     * Lets an account sign in again after wrong passwords: forgets its failures, lifts its lock or
     * wait, and records who did it. Refused for an unknown account and for one with no failures.
     */
    public void unlock(Session who, String username) {
        who.require(Permission.MANAGE_ACCOUNTS);
        store.inTransaction(tx -> {
            if (tx.dao(UserDao.class).findByUsername(username).isEmpty()) {
                throw new InvalidInputException("accounts.unknown", username);
            }
            var guards = tx.dao(SignInGuardDao.class);
            var guard = guards.find(username).orElseThrow(() -> new InvalidInputException("accounts.notLocked", username));
            guards.clear(username);
            tx.dao(AuditDao.class).record(clock.instant(), who.user().username(), "ACCOUNT_UNLOCKED",
                    "username=" + username + " failures=" + guard.failures() + (guard.locked() ? " locked" : ""));
            return null;
        });
    }

    /** Minutes without keyboard or mouse input after which a signed-in window locks itself; any signed-in user reads it. */
    public int idleMinutes(Session who) {
        Objects.requireNonNull(who, "who");
        return store.inTransaction(tx -> tx.dao(SettingDao.class).find(IDLE_MINUTES).map(Integer::parseInt)
                .orElse(DEFAULT_IDLE_MINUTES));
    }

    /** Sets the idle lock's time, 1 to {@link #MAX_IDLE_MINUTES} minutes; administrators only, audited. */
    public void setIdleMinutes(Session who, int minutes) {
        who.require(Permission.EDIT_SETTINGS);
        if (minutes < 1 || minutes > MAX_IDLE_MINUTES) {
            throw new InvalidInputException("accounts.idleRange", MAX_IDLE_MINUTES);
        }
        store.inTransaction(tx -> {
            var settings = tx.dao(SettingDao.class);
            if (settings.update(IDLE_MINUTES, Integer.toString(minutes)) == 0) {
                settings.insert(IDLE_MINUTES, Integer.toString(minutes));
            }
            tx.dao(AuditDao.class).record(clock.instant(), who.user().username(), "SETTING_CHANGED",
                    IDLE_MINUTES + "=" + minutes);
            return null;
        });
    }
}
