package org.kora.service;

import java.time.Clock;

import org.kora.domain.ChainCheck;
import org.kora.domain.Permission;
import org.kora.store.AuditDao;
import org.kora.store.SignOffLedger;
import org.kora.store.Store;

/**
 * Checks that the records are as Kora wrote them: the sign-off hash chain, every entry recomputed
 * and compared with the recorded head ({@link SignOffLedger#verify}). For administrators; each
 * check is itself recorded in the audit log, with its outcome.
 */
public final class AuditService {
    private final Store store;
    private final Clock clock;

    public AuditService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Checks the whole sign-off chain; says whether it is intact, or which entry is the first broken one and why. */
    public ChainCheck verifyChain(Session who) {
        who.require(Permission.VERIFY_AUDIT);
        return store.inTransaction(tx -> {
            var check = SignOffLedger.verify(tx);
            tx.dao(AuditDao.class).record(clock.instant(), who.user().username(), "CHAIN_VERIFIED", detail(check));
            return check;
        });
    }

    private static String detail(ChainCheck check) {
        if (check instanceof ChainCheck.Broken broken) {
            return "broken count=" + broken.count() + " entry=" + broken.entryId() + " fault=" + broken.fault();
        }
        return "intact count=" + check.count() + " head=" + ((ChainCheck.Intact) check).head();
    }
}
