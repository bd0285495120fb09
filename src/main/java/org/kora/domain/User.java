package org.kora.domain;

import java.util.Objects;

/**
 * An account that can sign in. A MENTOR account is linked to the mentor it signs for; other roles
 * have no mentor.
 */
public record User(long id, String username, String displayName, Role role, Long mentorId, boolean active) {
    public User {
        Text.requireName(username, "username");
        Text.requireName(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        if ((role == Role.MENTOR) != (mentorId != null)) {
            throw new IllegalArgumentException("exactly the MENTOR accounts are linked to a mentor");
        }
    }
}
