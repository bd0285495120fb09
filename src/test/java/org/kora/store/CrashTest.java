package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 at random moments while {@link CrashWriter} signs off and imports through the real
 * services, then reopen the file and check that every write the writer was told is saved is there
 * as it was saved, that no transaction is half applied, that the sign-off chain verifies
 * ({@link AcknowledgedWrites}), and that the file opens with no recovery step; on a plain and on an
 * encrypted database.
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

    @TempDir
    static Path dir;
    private static DatabaseFile demo;
    private static DatabaseFile encryptedDemo;

    /** Totals over all runs, for the report and docs/reliability.md. */
    private static final class Tally {
        int kills;
        int killsWhileStarting;
        int signOffs;
        int imports;
        int importedRows;
        int failedOpens;
        long startNanos;
        int starts;
        long checkNanos;
        final AcknowledgedWrites.Findings findings = new AcknowledgedWrites.Findings();
    }

    @BeforeAll
    static void prepareDemos() {
        demo = DatabaseFile.of(dir.resolve("demo.mv.db"));
        encryptedDemo = DatabaseFile.of(dir.resolve("secret.mv.db"));
        DemoWrites.createDemo(demo, null);
        DemoWrites.createDemo(encryptedDemo, KeyFile.create(encryptedDemo, PASSPHRASE.toCharArray()));
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
        AcknowledgedWrites acknowledged = null;
        var opened = true;
        for (var run = 0; run < runs; run++) {
            if (run % KILLS_PER_FILE == 0 || !opened) {
                file = copy(original, name + run);
                try (var store = open(file, passphrase)) {
                    acknowledged = new AcknowledgedWrites(AcknowledgedWrites.chainLength(store));
                }
            }
            var whileStarting = random.nextInt(KILL_WHILE_STARTING) == 0;
            var delay = random.nextInt(whileStarting ? MAX_START_DELAY_MS : MAX_DELAY_MS);
            var lines = killWriter(file, passphrase, "W" + run, whileStarting, delay, tally);
            tally.kills++;
            tally.killsWhileStarting += whileStarting ? 1 : 0;
            var counted = acknowledged.record(lines);
            tally.signOffs += counted.signOffs();
            tally.imports += counted.imports();
            tally.importedRows += counted.importedRows();
            var checking = System.nanoTime();
            opened = check(run, file, passphrase, acknowledged, tally);
            tally.checkNanos += System.nanoTime() - checking;
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("CrashTest %s: kills=%d (while starting %d) acknowledged signoffs=%d imports=%d (rows %d) "
                        + "saved-unacknowledged=%d rows-lost=%d half-applied=%d chain-breaks=%d failed-opens=%d "
                        + "seconds=%.1f (writer start to ready %.2f s, check %.2f s on average) seed=%d%n", name,
                tally.kills, tally.killsWhileStarting, tally.signOffs, tally.imports,
                tally.importedRows, tally.findings.savedUnacknowledged, tally.findings.rowsLost,
                tally.findings.halfApplied, tally.findings.chainBreaks, tally.failedOpens, seconds,
                tally.startNanos / 1e9 / Math.max(1, tally.starts), tally.checkNanos / 1e9 / Math.max(1, tally.kills),
                seed);
        assertThat(tally.findings.failures).as("seed %d", seed).isEmpty();
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

    /** Reopens the file and checks it; false when it did not open, so that the next run takes a fresh copy. */
    private static boolean check(int run, DatabaseFile file, String passphrase, AcknowledgedWrites acknowledged,
            Tally tally) {
        Store store;
        try {
            store = open(file, passphrase);
        } catch (StoreException e) {
            tally.failedOpens++;
            tally.findings.fail("run " + run, "the file did not open: " + e.getMessage());
            return false;
        }
        try (store) {
            acknowledged.check(store, tally.findings, "run " + run);
        }
        return true;
    }
}
