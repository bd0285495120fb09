package org.kora.service;

import java.util.Optional;

import org.kora.domain.Problem;

/**
 * The rule a new encrypted database's passphrase must meet. It is the only thing between a thief
 * with the file and its key file and the data (PBKDF2 at 600,000 iterations only slows guessing),
 * so it is longer than an account password. Forms show it live; {@link #check} enforces it.
 */
public final class PassphraseRules {
    public static final int MIN_LENGTH = 12;

    private PassphraseRules() {
    }

    public static Optional<Problem> passphrase(char[] passphrase) {
        return passphrase != null && passphrase.length >= MIN_LENGTH ? Optional.empty()
                : Optional.of(new Problem("encryption.passphraseTooShort", MIN_LENGTH));
    }

    /** Refuses a passphrase too short for a new encrypted database. */
    public static void check(char[] passphrase) {
        var problem = passphrase(passphrase);
        if (problem.isPresent()) {
            throw new InvalidInputException(problem.get().messageKey(), problem.get().messageArgs());
        }
    }
}
