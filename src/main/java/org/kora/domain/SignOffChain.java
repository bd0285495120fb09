package org.kora.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The sign-off hash chain: each entry's hash is SHA-256 over the previous entry's hash and the
 * entry's canonical content, so that an edit, deletion or reordering made behind Kora's back
 * breaks every hash after it.
 */
public final class SignOffChain {
    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private SignOffChain() {
    }

    /** The hash of {@code entry} given the hash of the entry before it. Ignores the entry's own id and hash. */
    public static String hash(String previousHash, SignOff entry) {
        var canonical = new StringBuilder();
        field(canonical, previousHash);
        field(canonical, Long.toString(entry.traineeId()));
        field(canonical, Long.toString(entry.competencyId()));
        field(canonical, entry.performedOn().toString());
        field(canonical, entry.level().name());
        field(canonical, Integer.toString(entry.count()));
        field(canonical, entry.caseReference());
        field(canonical, entry.comment());
        field(canonical, Long.toString(entry.mentorId()));
        // milliseconds: a precision every store and every export keeps exactly
        field(canonical, entry.signedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        field(canonical, entry.amendsId() == null ? null : entry.amendsId().toString());
        field(canonical, entry.amendReason());
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Length-prefixed, so that no two different entries share a canonical form; null differs from "". */
    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("-;");
        } else {
            out.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
