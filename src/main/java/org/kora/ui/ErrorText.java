package org.kora.ui;

import org.kora.domain.Localized;
import org.kora.domain.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure of background work into a sentence for the user: a refusal says its own
 * reason in the user's language; anything else is logged with its stack trace and told briefly.
 */
public final class ErrorText {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorText.class);

    private ErrorText() {
    }

    public static String of(Throwable failure, Messages messages) {
        if (failure instanceof Localized localized) {
            LOG.info("Refused: {}", failure.getMessage());
            return messages.format(localized);
        }
        LOG.error("Unexpected failure", failure);
        return messages.format("error.unexpected", String.valueOf(failure.getMessage()));
    }
}
