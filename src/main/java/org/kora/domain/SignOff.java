package org.kora.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A mentor's attestation (带教签字) that a trainee performed a competency. Never edited: a correction
 * is a new sign-off whose {@code amendsId} points to the one it corrects, with a reason. Each entry
 * carries the hash of the previous entry of the chain and its own.
 */
public record SignOff(long id, long traineeId, long competencyId, LocalDate performedOn,
                      SignOffLevel level, int count, String caseReference, String comment,
                      long mentorId, Instant signedAt, Long amendsId, String amendReason,
                      String previousHash, String hash) {
    public SignOff {
        Objects.requireNonNull(performedOn, "performedOn");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(signedAt, "signedAt");
        if (count < 1) {
            throw new IllegalArgumentException("a sign-off counts at least one performance");
        }
        if (amendsId != null && (amendReason == null || amendReason.isBlank())) {
            throw new IllegalArgumentException("an amendment needs a reason");
        }
    }
}
