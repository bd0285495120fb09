package org.kora.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.kora.domain.ChainCheck;
import org.kora.domain.SignOff;
import org.kora.service.AuditService;
import org.kora.service.AuthService;
import org.kora.service.PasswordHasher;

/**
 * What the writers of one copy of the demo database were told is saved (the lines of
 * {@link DemoWrites}), and the checks, after the file is opened again, that it is all there as it was
 * saved and that nothing is half applied:
 * <ul>
 *   <li>every acknowledged sign-off is there under its id with the hash it was saved with;</li>
 *   <li>every acknowledged import has all its rows, and no import is partly there;</li>
 *   <li>the sign-offs and their {@code SIGNOFF_SAVED} audit lines name the same ids, the imported
 *       batches and their {@code IMPORT} audit lines the same files;</li>
 *   <li>the sign-off chain verifies as an administrator verifies it, over all its entries.</li>
 * </ul>
 * Used by {@link CrashTest} (after kill -9) and {@link FullDiskTest} (after the disk refused a write).
 */
final class AcknowledgedWrites {
    private static final Pattern SIGNOFF = Pattern.compile("signoff (\\d+) ([0-9a-f]{64})");
    private static final Pattern IMPORT = Pattern.compile("import (\\d+) (\\S+)-1");
    private static final Pattern SAVED_ID = Pattern.compile("\\bid=(\\d+)\\b");
    private static final Pattern IMPORT_FILE = Pattern.compile("\\bfile=(W\\d+-\\d+-\\d+)\\.csv\\b");
    /** A batch's staff numbers are {@code W<run>-<step>-<rows>-<i>}. */
    private static final Pattern CRASH_STAFF_NO = Pattern.compile("(W\\d+-\\d+-(\\d+))-\\d+");

    /** What the checks found wrong, added up over several checks. */
    static final class Findings {
        int rowsLost;
        int halfApplied;
        int chainBreaks;
        /** Sign-offs found saved that no writer acknowledged: committed just before the writer stopped. */
        int savedUnacknowledged;
        final List<String> failures = new ArrayList<>();

        void fail(String where, String what) {
            failures.add(where + ": " + what);
        }
    }

    /** How many writes, and imported rows, a writer's lines acknowledged. */
    record Counted(int signOffs, int imports, int importedRows) {
    }

    private final int baseChain;
    private final Map<Long, String> signOffs = new LinkedHashMap<>();
    private final Map<String, Integer> imports = new LinkedHashMap<>();
    private final Set<Long> unacknowledged = new HashSet<>();

    /** For a copy of the demo whose sign-off chain had {@code baseChain} entries before any writer began. */
    AcknowledgedWrites(int baseChain) {
        this.baseChain = baseChain;
    }

    static int chainLength(Store store) {
        return store.inTransaction(tx -> tx.dao(SignOffDao.class).list()).size();
    }

    /** Takes in the writes that {@code lines} acknowledge; other lines are passed over. */
    Counted record(List<String> lines) {
        int signOffCount = 0;
        int importCount = 0;
        int rows = 0;
        for (var line : lines) {
            var signOff = SIGNOFF.matcher(line);
            var batch = IMPORT.matcher(line);
            if (signOff.matches()) {
                signOffs.put(Long.parseLong(signOff.group(1)), signOff.group(2));
                signOffCount++;
            } else if (batch.matches()) {
                var batchRows = Integer.parseInt(batch.group(1));
                imports.put(batch.group(2), batchRows);
                importCount++;
                rows += batchRows;
            }
        }
        return new Counted(signOffCount, importCount, rows);
    }

    /** Checks the reopened {@code store}; what is wrong goes to {@code findings}, said to be at {@code where}. */
    void check(Store store, Findings findings, String where) {
        checkSignOffs(store, findings, where);
        checkImports(store, findings, where);
        var admin = new AuthService(store, new PasswordHasher(DemoWrites.ITERATIONS), DemoWrites.CLOCK)
                .signIn("admin", DemoWrites.PASSWORD);
        var verified = new AuditService(store, DemoWrites.CLOCK).verifyChain(admin);
        var length = chainLength(store);
        if (!(verified instanceof ChainCheck.Intact) || verified.count() != length) {
            findings.chainBreaks++;
            findings.fail(where, "the chain does not verify: " + verified);
        }
    }

    private void checkSignOffs(Store store, Findings findings, String where) {
        var chain = store.inTransaction(tx -> tx.dao(SignOffDao.class).list());
        var byId = chain.stream().collect(Collectors.toMap(SignOff::id, s -> s));
        // a loss is counted once: the lost id is forgotten, as a later writer may reuse it
        for (var saved = signOffs.entrySet().iterator(); saved.hasNext(); ) {
            var acked = saved.next();
            var stored = byId.get(acked.getKey());
            if (stored == null || !stored.hash().equals(acked.getValue())) {
                findings.rowsLost++;
                findings.fail(where, "acknowledged sign-off " + acked.getKey() + " is gone or changed: " + stored);
                saved.remove();
            }
        }
        for (var entry : chain) {
            if (entry.id() > baseChain && !signOffs.containsKey(entry.id()) && unacknowledged.add(entry.id())) {
                findings.savedUnacknowledged++;
            }
        }
        // a sign-off is its entry, the recorded head (checked with the chain) and its audit line: all or nothing
        var audited = audit(store, "SIGNOFF_SAVED", SAVED_ID).stream().filter(id -> Long.parseLong(id) > baseChain)
                .collect(Collectors.toSet());
        var written = chain.stream().filter(s -> s.id() > baseChain).map(s -> String.valueOf(s.id()))
                .collect(Collectors.toSet());
        if (!audited.equals(written)) {
            findings.halfApplied++;
            findings.fail(where, "sign-offs " + written + " but audit lines for " + audited);
        }
    }

    private void checkImports(Store store, Findings findings, String where) {
        var batches = new HashMap<String, Integer>();
        var expected = new HashMap<String, Integer>();
        for (var trainee : store.inTransaction(tx -> tx.dao(TraineeDao.class).list())) {
            var staffNo = CRASH_STAFF_NO.matcher(trainee.staffNo());
            if (staffNo.matches()) {
                batches.merge(staffNo.group(1), 1, Integer::sum);
                expected.put(staffNo.group(1), Integer.parseInt(staffNo.group(2)));
            }
        }
        for (var batch : batches.entrySet()) {
            if (!batch.getValue().equals(expected.get(batch.getKey()))) {
                findings.halfApplied++;
                findings.fail(where, "import " + batch.getKey() + " is partly there: " + batch.getValue() + " of "
                        + expected.get(batch.getKey()) + " rows");
            }
        }
        for (var saved = imports.entrySet().iterator(); saved.hasNext(); ) {
            var acked = saved.next();
            var found = batches.getOrDefault(acked.getKey(), 0);
            if (found < acked.getValue()) {
                findings.rowsLost += acked.getValue() - found;
                findings.fail(where, "acknowledged import " + acked.getKey() + " has " + found + " of "
                        + acked.getValue() + " rows");
                saved.remove();
            }
        }
        var audited = audit(store, "IMPORT", IMPORT_FILE);
        if (!audited.equals(batches.keySet())) {
            findings.halfApplied++;
            findings.fail(where, "imports " + batches.keySet() + " but audit lines for " + audited);
        }
    }

    /** The {@code pattern}'s first group in the details of every audit line of {@code action}. */
    private static Set<String> audit(Store store, String action, Pattern pattern) {
        var found = new HashSet<String>();
        for (var entry : store.inTransaction(tx -> tx.dao(AuditDao.class).list())) {
            if (entry.action().equals(action)) {
                var matcher = pattern.matcher(entry.detail());
                if (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }
}
