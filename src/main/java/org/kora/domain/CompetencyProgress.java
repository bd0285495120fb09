package org.kora.domain;

import java.util.Objects;

/**
 * How far a trainee has come with one competency: the performances that count (those signed at
 * the competency's achieved level or higher, by entries no later entry corrects) and the highest
 * level any such entry reached (null before the first).
 */
public record CompetencyProgress(Competency competency, int done, SignOffLevel reached) {
    public CompetencyProgress {
        Objects.requireNonNull(competency, "competency");
        if (done < 0) {
            throw new IllegalArgumentException("done must not be negative");
        }
    }

    /** Whether the required number of performances at the achieved level is reached. */
    public boolean achieved() {
        return done >= competency.requiredCount();
    }
}
