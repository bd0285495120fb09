package org.kora.service;

import org.kora.domain.KoraException;

/** A value the user entered was refused; the key names the field and the rule. */
public final class InvalidInputException extends KoraException {
    public InvalidInputException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
