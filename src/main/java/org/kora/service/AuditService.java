package org.kora.service;

import java.nio.file.Path;
import java.time.Clock;

import org.kora.domain.ChainCheck;
import org.kora.domain.Permission;
import org.kora.store.AuditDao;
import org.kora.store.SignOffLedger;
import org.kora.store.Store;

/**
 * Checks that the records are as Kora wrote them: the sign-off hash chain, every entry recomputed
 * and compared with the recorded head ({@link SignOffLedger#verify}). For administrators; each
 * check is itself recorded in the audit log, with its outcome. Also records exports and prints for
 * every signed-in user: their files are written outside any transaction, so each is recorded by a call
 * of its own once the file is written or the print job sent.
 */
public final class AuditService {
    /** The longest detail the audit log keeps. */
    private static final int MAX_DETAIL = 2000;

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

    /**
     * Records that {@code who} wrote {@code what} ("calendar-xlsx", "signoffs-csv", …) to {@code file},
     * as {@code EXPORTED}. Called once the file is written, so the log names only files that exist.
     */
    public void recordExport(Session who, String what, Path file) {
        record(who, "EXPORTED", "what=" + what + " file=" + file.toAbsolutePath());
    }

    /** Records that {@code who} sent {@code what} ("calendar", "record trainee=12", …) to a printer, as {@code PRINTED}. */
    public void recordPrint(Session who, String what, int pages) {
        record(who, "PRINTED", "what=" + what + " pages=" + pages);
    }

    private void record(Session who, String action, String detail) {
        var clipped = detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        store.inTransaction(tx -> {
            tx.dao(AuditDao.class).record(clock.instant(), who.user().username(), action, clipped);
            return null;
        });
    }

    private static String detail(ChainCheck check) {
        if (check instanceof ChainCheck.Broken broken) {
            return "broken count=" + broken.count() + " entry=" + broken.entryId() + " fault=" + broken.fault();
        }
        return "intact count=" + check.count() + " head=" + ((ChainCheck.Intact) check).head();
    }
}
