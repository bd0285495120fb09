package org.kora.service;

import org.kora.domain.KoraException;
import org.kora.domain.Permission;

/** A signed-in user asked for something their role does not allow. */
public final class AccessDeniedException extends KoraException {
    public AccessDeniedException(String username, Permission permission) {
        super("auth.denied", username, permission.name());
    }
}
