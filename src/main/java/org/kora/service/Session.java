package org.kora.service;

import org.kora.domain.Permission;
import org.kora.domain.User;

/**
 * A signed-in user, as every service call names its caller. Only {@link AuthService} makes one,
 * after checking the password, so a caller cannot claim a role it was not given.
 */
public final class Session {
    private final User user;

    Session(User user) {
        this.user = user;
    }

    public User user() {
        return user;
    }

    public boolean may(Permission permission) {
        return user.role().may(permission);
    }

    /** Refuses the call unless the user's role allows {@code permission}. */
    void require(Permission permission) {
        if (!may(permission)) {
            throw new AccessDeniedException(user.username(), permission);
        }
    }
}
