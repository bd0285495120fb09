package org.kora.domain;

/**
 * The outcome of checking the sign-off chain ({@link SignOffChain#verify}): intact, with its length
 * and head; or broken, naming the first entry found wrong and what is wrong with it.
 */
public sealed interface ChainCheck permits ChainCheck.Intact, ChainCheck.Broken {
    /** How many sign-offs the log holds. */
    int count();

    /** Every entry is as it was signed, in its place, and the chain ends where the store last recorded. */
    record Intact(int count, String head) implements ChainCheck {
    }

    /**
     * The first entry found wrong ({@code entryId}; 0 when no single entry is to blame) and the
     * fault; {@code otherId} is the other sign-off the fault's message names, or 0.
     */
    record Broken(int count, long entryId, Fault fault, long otherId) implements ChainCheck, Localized {
        @Override
        public String messageKey() {
            return fault.messageKey();
        }

        @Override
        public Object[] messageArgs() {
            return new Object[] {entryId, otherId};
        }
    }

    /** What is wrong with a broken entry, in the words a user is told. */
    enum Fault {
        /** Its stored content, moment, previous hash or hash no longer agree: it was edited after signing. */
        CONTENT_CHANGED("audit.fault.contentChanged"),
        /** It is chained to an entry that is no longer there: the entry before it was edited, or entries removed. */
        PREDECESSOR_GONE("audit.fault.predecessorGone"),
        /** The first entry is chained to an entry that is not there: the first entries were removed. */
        START_GONE("audit.fault.startGone"),
        /** It is chained to an entry that now comes after it: entries were reordered or their contents swapped. */
        OUT_OF_ORDER("audit.fault.outOfOrder"),
        /** It is not part of the chain that Kora signed: added to the table directly. */
        ADDED("audit.fault.added"),
        /** Its number is not the one Kora gave it; Kora numbers entries 1, 2, 3 … without gaps. */
        RENUMBERED("audit.fault.renumbered"),
        /** The newest entries, up to the recorded head, were removed. */
        REMOVED_AT_END("audit.fault.removedAtEnd"),
        /** The newest entry is not the one whose hash the store recorded as the head. */
        HEAD_CHANGED("audit.fault.headChanged"),
        /** The store's record of the head is missing, unreadable or disagrees with the chain's length. */
        ANCHOR_DAMAGED("audit.fault.anchorDamaged");

        private final String messageKey;

        Fault(String messageKey) {
            this.messageKey = messageKey;
        }

        /** Its message; arguments: the entry's id, the other sign-off's id. */
        public String messageKey() {
            return messageKey;
        }
    }
}
