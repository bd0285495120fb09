package org.kora.domain;

import java.util.Locale;

/** How independently a trainee performed a competency, from least to most. */
public enum SignOffLevel {
    OBSERVED, ASSISTED, SUPERVISED, INDEPENDENT;

    /** The key of the level's name in the message bundles, the one name every screen and print uses. */
    public String messageKey() {
        return "signoff.level." + name().toLowerCase(Locale.ROOT);
    }

    /** Whether a performance at this level counts towards a competency achieved at {@code required}. */
    public boolean reaches(SignOffLevel required) {
        return compareTo(required) >= 0;
    }
}
