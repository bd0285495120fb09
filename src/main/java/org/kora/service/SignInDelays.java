package org.kora.service;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a user name must wait after its {@code n}th consecutive failed sign-in (ADR 0018): the
 * first two failures cost nothing (a typo, a caps lock), the third 30 seconds, the fourth one minute,
 * and the fifth locks the account until an administrator unlocks it. A guesser thus gets five
 * passwords per account in all, a user who mistypes twice never waits.
 */
public final class SignInDelays {
    /** The failure that locks the account. */
    public static final int LOCK_AFTER = 5;

    private SignInDelays() {
    }

    /** The wait after the {@code failures}th failure; empty for none, and for a lock (see {@link #locks}). */
    public static Optional<Duration> after(int failures) {
        return switch (failures) {
            case 3 -> Optional.of(Duration.ofSeconds(30));
            case 4 -> Optional.of(Duration.ofMinutes(1));
            default -> Optional.empty();
        };
    }

    /** Whether the {@code failures}th failure locks the account. */
    public static boolean locks(int failures) {
        return failures >= LOCK_AFTER;
    }
}
