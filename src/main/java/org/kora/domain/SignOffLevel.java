package org.kora.domain;

/** How independently a trainee performed a competency, from least to most. */
public enum SignOffLevel {
    OBSERVED, ASSISTED, SUPERVISED, INDEPENDENT;

    /** Whether a performance at this level counts towards a competency achieved at {@code required}. */
    public boolean reaches(SignOffLevel required) {
        return compareTo(required) >= 0;
    }
}
