package org.kora.store;

import java.time.temporal.ChronoUnit;

import org.kora.domain.ChainAnchor;
import org.kora.domain.ChainCheck;
import org.kora.domain.SignOff;
import org.kora.domain.SignOffChain;

/**
 * The one way a sign-off enters the store: appended to the hash chain after the current head, in
 * the caller's transaction. Whoever appends (a mentor's sign-off, an amendment, the demo) goes
 * through here, so that the chain cannot be extended any other way.
 *
 * <p>Each append also records the new head ({@link ChainAnchor}) in the setting {@value #ANCHOR},
 * and holds that setting's row locked until the transaction ends, so that two appends at once
 * follow each other rather than both chaining onto the same head.
 */
public final class SignOffLedger {
    /** The setting that holds the chain's {@link ChainAnchor}; made by migration V3. */
    static final String ANCHOR = "ledger.head";

    private SignOffLedger() {
    }

    /**
     * Appends {@code draft} (its id and hashes are ignored, its moment kept to the millisecond that
     * the hash covers) after the chain's head and returns it as stored, with its id (the head's plus
     * one), the head's hash as its previous hash, and its own hash. Refused with
     * {@code store.chainTampered} if the chain does not end where Kora last recorded: appending
     * would hide what was done to it.
     */
    public static SignOff append(Tx tx, SignOff draft) {
        var settings = tx.dao(SettingDao.class);
        var anchor = settings.findForUpdate(ANCHOR).flatMap(ChainAnchor::parse)
                .orElseThrow(() -> new StoreException(null, "store.chainTampered"));
        var signOffs = tx.dao(SignOffDao.class);
        var head = signOffs.head();
        var headId = head.map(SignOff::id).orElse(0L);
        var previous = head.map(SignOff::hash).orElse(SignOffChain.GENESIS);
        if (headId != anchor.headId() || !previous.equals(anchor.headHash())) {
            throw new StoreException(null, "store.chainTampered");
        }
        var id = headId + 1;
        var unsealed = new SignOff(id, draft.traineeId(), draft.competencyId(), draft.performedOn(), draft.level(),
                draft.count(), draft.caseReference(), draft.comment(), draft.mentorId(),
                draft.signedAt().truncatedTo(ChronoUnit.MILLIS), draft.amendsId(), draft.amendReason(), null, null);
        var hash = SignOffChain.hash(previous, unsealed);
        var stored = new SignOff(id, unsealed.traineeId(), unsealed.competencyId(), unsealed.performedOn(),
                unsealed.level(), unsealed.count(), unsealed.caseReference(), unsealed.comment(), unsealed.mentorId(),
                unsealed.signedAt(), unsealed.amendsId(), unsealed.amendReason(), previous, hash);
        signOffs.insert(stored);
        settings.update(ANCHOR, new ChainAnchor(id, hash, anchor.count() + 1).text());
        return stored;
    }

    /** The hash of the chain's newest entry; {@link SignOffChain#GENESIS} while there is none. */
    public static String head(Tx tx) {
        return tx.dao(SignOffDao.class).head().map(SignOff::hash).orElse(SignOffChain.GENESIS);
    }

    /**
     * Checks the whole chain against the recorded head ({@link SignOffChain#verify}). Holds appends
     * off meanwhile, so that the entries and the head are read as of one moment.
     */
    public static ChainCheck verify(Tx tx) {
        var anchor = tx.dao(SettingDao.class).findForUpdate(ANCHOR).flatMap(ChainAnchor::parse).orElse(null);
        return SignOffChain.verify(tx.dao(SignOffDao.class).list(), anchor);
    }
}
