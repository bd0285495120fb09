package org.kora.service;

import org.kora.domain.KoraException;

/** Sign-in failed. The message never says whether the user name or the password was wrong. */
public final class AuthenticationException extends KoraException {
    public AuthenticationException() {
        super("auth.wrongCredentials");
    }

    /** A refusal that says more, the same for every name: a wait ({@code auth.wait}) or a lock ({@code auth.locked}). */
    public AuthenticationException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
