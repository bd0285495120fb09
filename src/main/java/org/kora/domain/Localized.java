package org.kora.domain;

/** Something that can be told to a user in their language: a message key and its arguments. */
public interface Localized {
    String messageKey();

    Object[] messageArgs();
}
