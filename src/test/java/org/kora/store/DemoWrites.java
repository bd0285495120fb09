package org.kora.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.kora.domain.SignOff;
import org.kora.domain.SignOffLevel;
import org.kora.domain.TraineeRecord;
import org.kora.io.ImportFiles;
import org.kora.service.AuthService;
import org.kora.service.DemoService;
import org.kora.service.ImportKind;
import org.kora.service.ImportProgress;
import org.kora.service.ImportService;
import org.kora.service.PasswordHasher;
import org.kora.service.Session;
import org.kora.service.SignOffRequest;
import org.kora.service.SignOffService;

/**
 * The writes that {@link CrashWriter} and {@link FullDiskWriter} make on a demo database, through
 * the real services: a mentor's sign-off, and an administrator's import of a few new trainees. Each
 * write's line is what the writer prints once the service has returned:
 *
 * <pre>
 * signoff ID HASH
 * import N FIRST_STAFF_NO
 * </pre>
 *
 * A sign-off's case reference is {@code crash-TAG-STEP}. An import's staff numbers are
 * {@code TAG-STEP-N-I} (I = 1…N) and its file is named {@code TAG-STEP-N.csv}, so that
 * {@link AcknowledgedWrites} can count each batch's rows and find its audit line.
 */
final class DemoWrites {
    /** The demo's "today", as in SignOffServiceTest; the writers and the tests' demo must agree on it. */
    static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 23).atTime(10, 30).atZone(ZoneId.of("Asia/Shanghai"))
            .toInstant(), ZoneId.of("Asia/Shanghai"));
    static final char[] PASSWORD = "demo".toCharArray();
    static final int ITERATIONS = 1000;

    private final Path folder;
    private final String tag;
    private final Random random;
    private final SignOffService signOffs;
    private final ImportService imports;
    private final Session mentor;
    private final Session admin;
    private final List<TraineeRecord> mentees;
    private final LocalDate today = LocalDate.now(CLOCK);

    /** Signs the demo's mentor and administrator in on {@code store}; import files go to {@code folder}. */
    DemoWrites(Store store, Path folder, String tag) {
        this.folder = folder;
        this.tag = tag;
        this.random = new Random(tag.hashCode());
        var hasher = new PasswordHasher(ITERATIONS);
        var auth = new AuthService(store, hasher, CLOCK);
        signOffs = new SignOffService(store, hasher, CLOCK);
        imports = new ImportService(store, new ImportFiles(), CLOCK);
        mentor = auth.signIn("mentor", PASSWORD);
        admin = auth.signIn("admin", PASSWORD);
        mentees = signOffs.mentees(mentor).stream()
                .filter(record -> record.rotations().stream().anyMatch(r -> r.onSite().contains(today))).toList();
        if (mentees.isEmpty()) {
            throw new IllegalStateException("the demo mentor has no mentee on site today");
        }
    }

    /** Creates the demo database that the writers write to, plain or encrypted with {@code key}. */
    static void createDemo(DatabaseFile file, FileKey key) {
        try (var store = Store.create(file, key)) {
            new DemoService(store, new PasswordHasher(ITERATIONS), CLOCK).populate();
        }
    }

    /** The case reference of step {@code step}'s sign-off: finds it whether or not it was acknowledged. */
    String caseReference(int step) {
        return "crash-" + tag + "-" + step;
    }

    /** Signs one performance off as the demo's mentor; gives its line. */
    String signOff(int step) {
        var mentee = mentees.get(step % mentees.size());
        var competencies = mentee.progress().competencies();
        var competency = competencies.get(random.nextInt(competencies.size())).competency();
        SignOff saved = signOffs.signOff(mentor, PASSWORD, new SignOffRequest(mentee.trainee().id(), competency.id(),
                today, SignOffLevel.values()[random.nextInt(SignOffLevel.values().length)], 1 + random.nextInt(3),
                caseReference(step), "written to be killed"));
        return "signoff " + saved.id() + " " + saved.hash();
    }

    /** The batch name of step {@code step}'s import: its staff numbers begin with it. */
    String batch(int step) {
        return tag + "-" + step + "-" + rows(step);
    }

    /** Imports 2–6 new trainees as the demo's administrator, in the mentor's hospital; gives its line. */
    String importTrainees(int step) throws IOException {
        var rows = rows(step);
        var batch = batch(step);
        var home = mentees.get(0);
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
        return "import " + rows + " " + batch + "-1";
    }

    /** Reads the mentor's mentees as the sign-off screen does; gives how many there are. */
    int readMentees() {
        return signOffs.mentees(mentor).size();
    }

    /** A batch's size follows from the tag and the step, so that a refused import can be named too. */
    private int rows(int step) {
        return 2 + Math.floorMod((tag + "-" + step).hashCode(), 5);
    }
}
