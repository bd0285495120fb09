package org.kora.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.kora.domain.SignOffLevel;
import org.kora.domain.TraineeRecord;
import org.kora.io.ImportFiles;
import org.kora.service.AuthService;
import org.kora.service.ImportKind;
import org.kora.service.ImportProgress;
import org.kora.service.ImportService;
import org.kora.service.PasswordHasher;
import org.kora.service.SignOffRequest;
import org.kora.service.SignOffService;

/**
 * The program that {@link CrashTest} kills: opens a demo database as Kora does and, until it is
 * killed, alternates a mentor's sign-off and an administrator's import of a few new trainees, both
 * through the real services. After each call returns it prints what was saved and flushes, so that
 * every line the test reads is a write the user was told is saved:
 *
 * <pre>
 * ready
 * signoff ID HASH
 * import N FIRST_STAFF_NO
 * </pre>
 *
 * An import's staff numbers are {@code TAG-BATCH-N-I} (I = 1…N) and its file is named
 * {@code TAG-BATCH-N.csv}, so that the checker can count each batch's rows and find its audit line.
 * Arguments: the database file, a folder for the import files, and a tag unique to this start. An
 * encrypted database is unlocked with the passphrase in KORA_PASSPHRASE, as the command line does.
 * Exits by itself when its standard input closes, so that it never outlives a test that died.
 */
public final class CrashWriter {
    /** The demo's "today", as in SignOffServiceTest; the writer and the test's demo must agree on it. */
    static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 23).atTime(10, 30).atZone(ZoneId.of("Asia/Shanghai"))
            .toInstant(), ZoneId.of("Asia/Shanghai"));
    static final char[] PASSWORD = "demo".toCharArray();
    static final int ITERATIONS = 1000;

    private CrashWriter() {
    }

    public static void main(String[] args) throws IOException {
        var file = DatabaseFile.of(Path.of(args[0]));
        var folder = Path.of(args[1]);
        var tag = args[2];
        exitWhenStdinCloses();
        var out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        var hasher = new PasswordHasher(ITERATIONS);
        var random = new Random(tag.hashCode());
        var passphrase = System.getenv("KORA_PASSPHRASE");
        try (var store = Store.open(file, passphrase == null ? null : KeyFile.unlock(file, passphrase.toCharArray()))) {
            var auth = new AuthService(store, hasher, CLOCK);
            var signOffs = new SignOffService(store, hasher, CLOCK);
            var imports = new ImportService(store, new ImportFiles(), CLOCK);
            var mentor = auth.signIn("mentor", PASSWORD);
            var admin = auth.signIn("admin", PASSWORD);
            var today = LocalDate.now(CLOCK);
            List<TraineeRecord> mentees = signOffs.mentees(mentor).stream()
                    .filter(record -> record.rotations().stream().anyMatch(r -> r.onSite().contains(today))).toList();
            if (mentees.isEmpty()) {
                throw new IllegalStateException("the demo mentor has no mentee on site today");
            }
            var home = mentees.get(0);
            out.println("ready");
            out.flush();
            for (var step = 0; ; step++) {
                var mentee = mentees.get(step % mentees.size());
                var competencies = mentee.progress().competencies();
                var competency = competencies.get(random.nextInt(competencies.size())).competency();
                var saved = signOffs.signOff(mentor, PASSWORD, new SignOffRequest(mentee.trainee().id(),
                        competency.id(), today, SignOffLevel.values()[random.nextInt(SignOffLevel.values().length)],
                        1 + random.nextInt(3), "crash-" + tag + "-" + step, "written to be killed"));
                out.println("signoff " + saved.id() + " " + saved.hash());
                out.flush();

                var rows = 2 + random.nextInt(5);
                var batch = tag + "-" + step + "-" + rows;
                var lines = new ArrayList<String>();
                lines.add("staff_no,name,hospital,department");
                for (var i = 1; i <= rows; i++) {
                    lines.add(batch + "-" + i + ",Crash " + batch + "-" + i + "," + home.hospitalName() + ","
                            + home.departmentName());
                }
                var csv = Files.write(folder.resolve(batch + ".csv"), lines, StandardCharsets.UTF_8);
                var report = imports.apply(admin, ImportKind.TRAINEES, csv, ImportProgress.NONE);
                if (!report.applied() || report.newRows() != rows) {
                    throw new IllegalStateException("import refused: " + report);
                }
                out.println("import " + rows + " " + batch + "-1");
                out.flush();
            }
        }
    }

    private static void exitWhenStdinCloses() {
        var watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    continue;
                }
            } catch (IOException e) {
                // the test is gone either way
            }
            Runtime.getRuntime().halt(3);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
