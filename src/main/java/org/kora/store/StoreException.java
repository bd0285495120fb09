package org.kora.store;

import org.kora.domain.KoraException;

/** The database could not be opened or written; the message key says why, in the user's terms. */
public final class StoreException extends KoraException {
    public StoreException(Throwable cause, String messageKey, Object... args) {
        super(cause, messageKey, args);
    }
}
