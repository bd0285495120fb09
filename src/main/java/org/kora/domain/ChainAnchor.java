package org.kora.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the store records, with every append, about the newest entry of the sign-off chain: its
 * id, its hash and how many entries the chain has. Without it, deleting the newest entries would
 * leave a shorter chain that still looks whole.
 */
public record ChainAnchor(long headId, String headHash, long count) {
    /** The anchor of a chain with no entries. */
    public static final ChainAnchor EMPTY = new ChainAnchor(0, SignOffChain.GENESIS, 0);

    private static final Pattern TEXT = Pattern.compile("(\\d{1,18}) ([0-9a-f]{64}) (\\d{1,18})");

    /** As stored: {@code "<head id> <head hash> <count>"}. */
    public String text() {
        return headId + " " + headHash + " " + count;
    }

    /** Reads {@link #text()}; empty if the text is not an anchor (it was damaged). */
    public static Optional<ChainAnchor> parse(String text) {
        var match = TEXT.matcher(text == null ? "" : text);
        if (!match.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ChainAnchor(Long.parseLong(match.group(1)), match.group(2),
                Long.parseLong(match.group(3))));
    }
}
