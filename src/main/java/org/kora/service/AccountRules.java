package org.kora.service;

import java.util.Optional;

import org.kora.domain.Problem;

/**
 * The rules a new account's fields must meet. Forms show them live; the services enforce them.
 */
public final class AccountRules {
    public static final int MIN_PASSWORD_LENGTH = 8;

    private AccountRules() {
    }

    public static Optional<Problem> username(String username) {
        return username != null && username.strip().matches("[\\p{L}\\p{N}._-]{2,50}") ? Optional.empty()
                : Optional.of(new Problem("account.usernameInvalid"));
    }

    public static Optional<Problem> displayName(String displayName) {
        return displayName != null && !displayName.isBlank() ? Optional.empty()
                : Optional.of(new Problem("account.displayNameMissing"));
    }

    public static Optional<Problem> password(char[] password) {
        return password != null && password.length >= MIN_PASSWORD_LENGTH ? Optional.empty()
                : Optional.of(new Problem("account.passwordTooShort", MIN_PASSWORD_LENGTH));
    }

    static void checkNew(String username, String displayName, char[] password) {
        var problem = username(username).or(() -> displayName(displayName)).or(() -> password(password));
        if (problem.isPresent()) {
            throw new InvalidInputException(problem.get().messageKey(), problem.get().messageArgs());
        }
    }
}
