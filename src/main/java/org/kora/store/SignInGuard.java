package org.kora.store;

import java.time.Instant;

/**
 * A typed user name's consecutive failed sign-ins: no sign-in before {@code blockedUntil} (null: no
 * wait), none at all once {@code lockedAt} is set, until an administrator unlocks the account.
 */
public record SignInGuard(String username, int failures, Instant blockedUntil, Instant lockedAt) {
    public boolean locked() {
        return lockedAt != null;
    }
}
