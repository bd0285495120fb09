package org.kora.store;

import org.kora.domain.SignOff;
import org.kora.domain.SignOffChain;

/**
 * The one way a sign-off enters the store: appended to the hash chain after the current head, in
 * the caller's transaction. Whoever appends (a mentor's sign-off, an amendment, the demo) goes
 * through here, so that the chain cannot be extended any other way.
 */
public final class SignOffLedger {
    private SignOffLedger() {
    }

    /**
     * Appends {@code draft} (its id and hashes are ignored) after the chain's head and returns it
     * as stored, with its id, the head's hash as its previous hash, and its own hash.
     */
    public static SignOff append(Tx tx, SignOff draft) {
        var signOffs = tx.dao(SignOffDao.class);
        var previous = head(tx);
        var hash = SignOffChain.hash(previous, draft);
        var chained = new SignOff(0, draft.traineeId(), draft.competencyId(), draft.performedOn(), draft.level(),
                draft.count(), draft.caseReference(), draft.comment(), draft.mentorId(), draft.signedAt(),
                draft.amendsId(), draft.amendReason(), previous, hash);
        var id = signOffs.insert(chained);
        return new SignOff(id, chained.traineeId(), chained.competencyId(), chained.performedOn(), chained.level(),
                chained.count(), chained.caseReference(), chained.comment(), chained.mentorId(), chained.signedAt(),
                chained.amendsId(), chained.amendReason(), previous, hash);
    }

    /** The hash of the chain's newest entry; {@link SignOffChain#GENESIS} while there is none. */
    public static String head(Tx tx) {
        return tx.dao(SignOffDao.class).head().map(SignOff::hash).orElse(SignOffChain.GENESIS);
    }
}
