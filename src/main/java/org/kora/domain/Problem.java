package org.kora.domain;

/** A reason a value is refused, told to the user in their language. */
public record Problem(String messageKey, Object... messageArgs) implements Localized {
}
