package org.kora.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;

import org.kora.domain.ChainCheck.Broken;
import org.kora.domain.ChainCheck.Fault;

/**
 * The sign-off hash chain: each entry's hash is SHA-256 over the previous entry's hash and the
 * entry's canonical content, so that an edit, deletion or reordering made behind Kora's back
 * breaks every hash after it. Entries are numbered 1, 2, 3 … without gaps, and the store records
 * the newest entry ({@link ChainAnchor}), so that removing the newest entries is seen too.
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

    /**
     * Checks the whole chain: walks {@code entries} (the whole log, in id order), recomputing every
     * hash and following every link to the previous entry, then compares its end with {@code anchor}
     * (null when the store has none, or an unreadable one). Names the first entry found wrong.
     */
    public static ChainCheck verify(List<SignOff> entries, ChainAnchor anchor) {
        var count = entries.size();
        var expectedPrevious = GENESIS;
        for (var i = 0; i < count; i++) {
            var entry = entries.get(i);
            if (anchor != null && entry.id() == i + 1 && entry.id() > anchor.headId()) {
                return new Broken(count, entry.id(), Fault.ADDED, 0);
            }
            // the hash covers milliseconds, and Kora keeps no finer part, so a finer one is an edit too
            if (!entry.hash().equals(hash(entry.previousHash(), entry))
                    || !entry.signedAt().equals(entry.signedAt().truncatedTo(ChronoUnit.MILLIS))) {
                return new Broken(count, entry.id(), Fault.CONTENT_CHANGED, 0);
            }
            if (!entry.previousHash().equals(expectedPrevious)) {
                return brokenLink(entries, i);
            }
            if (entry.id() != i + 1) {
                return new Broken(count, entry.id(), Fault.RENUMBERED, i + 1);
            }
            expectedPrevious = entry.hash();
        }
        if (anchor == null) {
            return new Broken(count, 0, Fault.ANCHOR_DAMAGED, 0);
        }
        if (count < anchor.headId()) {
            return new Broken(count, count + 1, Fault.REMOVED_AT_END, anchor.headId());
        }
        if (!expectedPrevious.equals(anchor.headHash())) {
            return count == 0 ? new Broken(count, 0, Fault.ANCHOR_DAMAGED, 0)
                    : new Broken(count, count, Fault.HEAD_CHANGED, 0);
        }
        if (anchor.count() != count) {
            return new Broken(count, 0, Fault.ANCHOR_DAMAGED, 0);
        }
        return new ChainCheck.Intact(count, expectedPrevious);
    }

    /** Why entry {@code i}, itself intact, does not follow the entry before it. */
    private static Broken brokenLink(List<SignOff> entries, int i) {
        var count = entries.size();
        var entry = entries.get(i);
        if (i > 0 && entry.previousHash().equals(GENESIS)) {
            // a second beginning: the chain Kora signed has only one
            return new Broken(count, entry.id(), Fault.ADDED, 0);
        }
        var byHash = new HashMap<String, Integer>();
        for (var j = 0; j < count; j++) {
            byHash.putIfAbsent(entries.get(j).hash(), j);
        }
        var linked = byHash.get(entry.previousHash());
        if (linked == null) {
            return i == 0 ? new Broken(count, entry.id(), Fault.START_GONE, 0)
                    : new Broken(count, entry.id(), Fault.PREDECESSOR_GONE, entries.get(i - 1).id());
        }
        if (linked >= i) {
            return new Broken(count, entry.id(), Fault.OUT_OF_ORDER, entries.get(linked).id());
        }
        // chained to an earlier entry: those between were slipped in after it
        return new Broken(count, entries.get(linked + 1).id(), Fault.ADDED, 0);
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
