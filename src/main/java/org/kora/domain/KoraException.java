package org.kora.domain;

/**
 * A refusal or failure that a user is told about in their language. The exception's own message is
 * the English text, for the log; {@link Messages#format(Localized)} gives the user's.
 */
public class KoraException extends RuntimeException implements Localized {
    private final String messageKey;
    private final transient Object[] messageArgs;

    public KoraException(String messageKey, Object... messageArgs) {
        this(null, messageKey, messageArgs);
    }

    public KoraException(Throwable cause, String messageKey, Object... messageArgs) {
        super(Messages.english().format(messageKey, messageArgs), cause);
        this.messageKey = messageKey;
        this.messageArgs = messageArgs.clone();
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public Object[] messageArgs() {
        return messageArgs.clone();
    }
}
