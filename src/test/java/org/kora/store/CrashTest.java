package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.ChainCheck;
import org.kora.domain.SignOff;
import org.kora.service.AuditService;
import org.kora.service.AuthService;
import org.kora.service.DemoService;
import org.kora.service.PasswordHasher;

/**
 * Kill -9 at random moments while {@link CrashWriter} signs off and imports through the real
 * services, then reopen the file and check that every write the writer was told is saved is there
 * as it was saved, that no transaction is half applied, that the sign-off chain verifies, and that
 * the file opens with no recovery step; on a plain and on an encrypted database.
 * {@code -Dkora.crash.runs=200} and {@code -Dkora.crash.encryptedRuns=200} for the long runs
 * (docs/reliability.md); {@code -Dkora.crash.seed=N} repeats a run's kill moments.
 */
class CrashTest {
    private static final int RUNS = Integer.getInteger("kora.crash.runs", 20);
    /** The encrypted database's kills: fewer in the normal build, as each start derives its key (PBKDF2, 600k). */
    private static final int ENCRYPTED_RUNS = Integer.getInteger("kora.crash.encryptedRuns", 6);
    private static final String PASSPHRASE = "kill nine times over";
    /** Kills per copy of the demo: the writer is started again on the file it was killed on. */
    private static final int KILLS_PER_FILE = 4;
    /** One kill in this many falls anywhere from the writer's start, opening and signing in included. */
    private static final int KILL_WHILE_STARTING = 5;
    private static final int MAX_DELAY_MS = 600;
    private static final int MAX_START_DELAY_MS = 2500;
    private static final Pattern SIGNOFF = Pattern.compile("signoff (\\d+) ([0-9a-f]{64})");
    private static final Pattern IMPORT = Pattern.compile("import (\\d+) (\\S+)-1");
    private static final Pattern SAVED_ID = Pattern.compile("\\bid=(\\d+)\\b");
    private static final Pattern IMPORT_FILE = Pattern.compile("\\bfile=(W\\d+-\\d+-\\d+)\\.csv\\b");
    /** A batch's staff numbers are {@code W<run>-<step>-<rows>-<i>}. */
    private static final Pattern CRASH_STAFF_NO = Pattern.compile("(W\\d+-\\d+-(\\d+))-\\d+");

    @TempDir
    static Path dir;
    private static DatabaseFile demo;
    private static DatabaseFile encryptedDemo;

    /** What the writers of one file were told is saved, over all its kills. */
    private static final class Acknowledged {
        final Map<Long, String> signOffs = new LinkedHashMap<>();
        final Map<String, Integer> imports = new LinkedHashMap<>();
        /** Sign-offs found saved that no writer acknowledged: committed just before a kill. */
        final Set<Long> unacknowledged = new HashSet<>();
    }

    /** Totals over all runs, for the report and docs/reliability.md. */
    private static final class Tally {
        int kills;
        int killsWhileStarting;
        int signOffs;
        int imports;
        int importedRows;
        int rowsLost;
        int halfApplied;
        int chainBreaks;
        int failedOpens;
        int savedUnacknowledged;
        long startNanos;
        int starts;
        long checkNanos;
        final List<String> failures = new ArrayList<>();

        void fail(int run, String what) {
            failures.add("run " + run + ": " + what);
        }
    }

    @BeforeAll
    static void prepareDemos() {
        demo = DatabaseFile.of(dir.resolve("demo.mv.db"));
        encryptedDemo = DatabaseFile.of(dir.resolve("secret.mv.db"));
        try (var store = Store.create(demo)) {
            new DemoService(store, new PasswordHasher(CrashWriter.ITERATIONS), CrashWriter.CLOCK).populate();
        }
        try (var store = Store.create(encryptedDemo, KeyFile.create(encryptedDemo, PASSPHRASE.toCharArray()))) {
            new DemoService(store, new PasswordHasher(CrashWriter.ITERATIONS), CrashWriter.CLOCK).populate();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKill9() throws Exception {
        killAndCheck("plain", demo, null, RUNS);
    }

    @Test
    void everyAcknowledgedWriteSurvivesKill9OnAnEncryptedDatabase() throws Exception {
        killAndCheck("encrypted", encryptedDemo, PASSPHRASE, ENCRYPTED_RUNS);
    }

    private static void killAndCheck(String name, DatabaseFile original, String passphrase, int runs) throws Exception {
        var seed = Long.getLong("kora.crash.seed", System.nanoTime());
        System.out.println("CrashTest " + name + ": runs=" + runs + " seed=" + seed + " (-Dkora.crash.seed=" + seed
                + " repeats it)");
        var random = new Random(seed);
        var tally = new Tally();
        var started = System.nanoTime();
        DatabaseFile file = null;
        Acknowledged acknowledged = null;
        var baseChain = 0;
        var opened = true;
        for (var run = 0; run < runs; run++) {
            if (run % KILLS_PER_FILE == 0 || !opened) {
                file = copy(original, name + run);
                acknowledged = new Acknowledged();
                baseChain = chainLength(file, passphrase);
            }
            var whileStarting = random.nextInt(KILL_WHILE_STARTING) == 0;
            var delay = random.nextInt(whileStarting ? MAX_START_DELAY_MS : MAX_DELAY_MS);
            var lines = killWriter(file, passphrase, "W" + run, whileStarting, delay, tally);
            tally.kills++;
            tally.killsWhileStarting += whileStarting ? 1 : 0;
            record(lines, acknowledged, tally);
            var checking = System.nanoTime();
            opened = check(run, file, passphrase, acknowledged, baseChain, tally);
            tally.checkNanos += System.nanoTime() - checking;
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("CrashTest %s: kills=%d (while starting %d) acknowledged signoffs=%d imports=%d (rows %d) "
                        + "saved-unacknowledged=%d rows-lost=%d half-applied=%d chain-breaks=%d failed-opens=%d "
                        + "seconds=%.1f (writer start to ready %.2f s, check %.2f s on average) seed=%d%n", name,
                tally.kills, tally.killsWhileStarting, tally.signOffs, tally.imports,
                tally.importedRows, tally.savedUnacknowledged, tally.rowsLost, tally.halfApplied, tally.chainBreaks,
                tally.failedOpens, seconds, tally.startNanos / 1e9 / Math.max(1, tally.starts),
                tally.checkNanos / 1e9 / Math.max(1, tally.kills), seed);
        assertThat(tally.failures).as("seed %d", seed).isEmpty();
        assertThat(tally.signOffs).as("sign-offs acknowledged before the kills").isPositive();
        assertThat(tally.imports).as("imports acknowledged before the kills").isPositive();
    }

    /** A fresh copy of {@code original} (and of its key file, if encrypted) named {@code name}. */
    private static DatabaseFile copy(DatabaseFile original, String name) throws IOException {
        var copy = DatabaseFile.of(Files.copy(original.file(), dir.resolve(name + ".mv.db"),
                StandardCopyOption.REPLACE_EXISTING));
        if (original.isEncrypted()) {
            Files.copy(original.keyFile(), copy.keyFile(), StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    private static Store open(DatabaseFile file, String passphrase) {
        return Store.open(file, passphrase == null ? null : KeyFile.unlock(file, passphrase.toCharArray()));
    }

    private static int chainLength(DatabaseFile file, String passphrase) {
        try (var store = open(file, passphrase)) {
            return store.inTransaction(tx -> tx.dao(SignOffDao.class).list()).size();
        }
    }

    /** Starts a writer on {@code file}, kills it with kill -9 after {@code delayMs}, gives the lines it printed. */
    private static List<String> killWriter(DatabaseFile file, String passphrase, String tag, boolean fromStart,
            int delayMs, Tally tally) throws IOException, InterruptedException {
        var started = System.nanoTime();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                file.file().toString(), dir.toString(), tag)
                .redirectError(dir.resolve(tag + ".err").toFile());
        if (passphrase != null) {
            builder.environment().put("KORA_PASSPHRASE", passphrase);
        }
        var out = dir.resolve(tag + ".out");
        // to a file, not a pipe: every line the writer wrote before the kill is in it, whenever it is read
        var process = builder.redirectOutput(out.toFile()).start();
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!fromStart && !completeLines(out).contains("ready")) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("writer " + tag + " never got ready: " + completeLines(out) + " "
                        + Files.readString(dir.resolve(tag + ".err")));
            }
            Thread.sleep(10);
        }
        if (!fromStart) {
            tally.startNanos += System.nanoTime() - started;
            tally.starts++;
        }
        Thread.sleep(delayMs);
        if (!process.isAlive()) {
            throw new AssertionError("writer " + tag + " stopped before the kill: "
                    + Files.readString(dir.resolve(tag + ".err")));
        }
        process.destroyForcibly();
        process.waitFor();
        return completeLines(out);
    }

    /** The lines of {@code out} that end in a newline: a line cut by the kill was never acknowledged. */
    private static List<String> completeLines(Path out) throws IOException {
        var text = Files.readString(out, StandardCharsets.UTF_8);
        var lines = List.of(text.split("\n", -1));
        return lines.subList(0, lines.size() - 1);
    }

    private static void record(List<String> lines, Acknowledged acknowledged, Tally tally) {
        for (var line : lines) {
            var signOff = SIGNOFF.matcher(line);
            var batch = IMPORT.matcher(line);
            if (signOff.matches()) {
                acknowledged.signOffs.put(Long.parseLong(signOff.group(1)), signOff.group(2));
                tally.signOffs++;
            } else if (batch.matches()) {
                var rows = Integer.parseInt(batch.group(1));
                acknowledged.imports.put(batch.group(2), rows);
                tally.imports++;
                tally.importedRows += rows;
            }
        }
    }

    /** Reopens the file and checks it; false when it did not open, so that the next run takes a fresh copy. */
    private static boolean check(int run, DatabaseFile file, String passphrase, Acknowledged acknowledged,
            int baseChain, Tally tally) {
        Store store;
        try {
            store = open(file, passphrase);
        } catch (StoreException e) {
            tally.failedOpens++;
            tally.fail(run, "the file did not open: " + e.getMessage());
            return false;
        }
        try (store) {
            checkSignOffs(run, store, acknowledged, baseChain, tally);
            checkImports(run, store, acknowledged, tally);
            var admin = new AuthService(store, new PasswordHasher(CrashWriter.ITERATIONS), CrashWriter.CLOCK)
                    .signIn("admin", CrashWriter.PASSWORD);
            var verified = new AuditService(store, CrashWriter.CLOCK).verifyChain(admin);
            var length = store.inTransaction(tx -> tx.dao(SignOffDao.class).list()).size();
            if (!(verified instanceof ChainCheck.Intact) || verified.count() != length) {
                tally.chainBreaks++;
                tally.fail(run, "the chain does not verify: " + verified);
            }
        }
        return true;
    }

    private static void checkSignOffs(int run, Store store, Acknowledged acknowledged, int baseChain, Tally tally) {
        var chain = store.inTransaction(tx -> tx.dao(SignOffDao.class).list());
        var byId = chain.stream().collect(Collectors.toMap(SignOff::id, s -> s));
        // a loss is counted once: the lost id is forgotten, as a later writer may reuse it
        for (var saved = acknowledged.signOffs.entrySet().iterator(); saved.hasNext(); ) {
            var acked = saved.next();
            var stored = byId.get(acked.getKey());
            if (stored == null || !stored.hash().equals(acked.getValue())) {
                tally.rowsLost++;
                tally.fail(run, "acknowledged sign-off " + acked.getKey() + " is gone or changed: " + stored);
                saved.remove();
            }
        }
        for (var entry : chain) {
            if (entry.id() > baseChain && !acknowledged.signOffs.containsKey(entry.id())
                    && acknowledged.unacknowledged.add(entry.id())) {
                tally.savedUnacknowledged++;
            }
        }
        // a sign-off is its entry, the recorded head (checked with the chain) and its audit line: all or nothing
        var audited = audit(store, "SIGNOFF_SAVED", SAVED_ID).stream().filter(id -> Long.parseLong(id) > baseChain)
                .collect(Collectors.toSet());
        var written = chain.stream().filter(s -> s.id() > baseChain).map(s -> String.valueOf(s.id()))
                .collect(Collectors.toSet());
        if (!audited.equals(written)) {
            tally.halfApplied++;
            tally.fail(run, "sign-offs " + written + " but audit lines for " + audited);
        }
    }

    private static void checkImports(int run, Store store, Acknowledged acknowledged, Tally tally) {
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
                tally.halfApplied++;
                tally.fail(run, "import " + batch.getKey() + " is partly there: " + batch.getValue() + " of "
                        + expected.get(batch.getKey()) + " rows");
            }
        }
        for (var saved = acknowledged.imports.entrySet().iterator(); saved.hasNext(); ) {
            var acked = saved.next();
            var found = batches.getOrDefault(acked.getKey(), 0);
            if (found < acked.getValue()) {
                tally.rowsLost += acked.getValue() - found;
                tally.fail(run, "acknowledged import " + acked.getKey() + " has " + found + " of " + acked.getValue()
                        + " rows");
                saved.remove();
            }
        }
        var audited = audit(store, "IMPORT", IMPORT_FILE);
        if (!audited.equals(batches.keySet())) {
            tally.halfApplied++;
            tally.fail(run, "imports " + batches.keySet() + " but audit lines for " + audited);
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
