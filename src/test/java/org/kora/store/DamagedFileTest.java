package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.h2.util.DateTimeUtils;
import org.h2.value.ValueBigint;
import org.h2.value.ValueDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.app.ServiceFactory;
import org.kora.domain.ChainCheck;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Damaged copies of the demo database (flipped bytes, truncation, empty, random bytes): each one
 * either opens and reads, its sign-off chain intact or naming a broken entry, or is refused as
 * damaged; never an unexpected exception, never a changed byte in a refused file, never a new
 * database in its place. The counts go to docs/reliability.md.
 */
class DamagedFileTest {
    private static final Logger LOG = LoggerFactory.getLogger(DamagedFileTest.class);
    /** H2's file header: two blocks of 4 KiB; the chunks of data follow. */
    private static final int HEADER = 8192;
    /** Copies with flipped bytes: 50 in the normal build, {@code -Dkora.damaged.copies=5000} for the long run. */
    private static final int FLIPPED_COPIES = Integer.getInteger("kora.damaged.copies", 50);

    @TempDir
    static Path templateDir;

    private static Path template;

    @TempDir
    Path dir;

    private enum Outcome { OPENED, CHAIN_FLAGGED, REFUSED }

    @BeforeAll
    static void createTheDemo() {
        var clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
        template = templateDir.resolve("kora-demo.mv.db");
        try (var services = new ServiceFactory(clock).create(DatabaseFile.of(template))) {
            services.demo().populate();
        }
    }

    @Test
    void flippedBytesAreReadOrRefusedNeverWorsened() throws IOException {
        var random = new Random(20261124);
        var outcomes = new TreeMap<Outcome, Integer>();
        for (var copy = 0; copy < FLIPPED_COPIES; copy++) {
            var file = copy("flipped-" + copy);
            var size = Files.size(file);
            try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
                var flips = 1 + random.nextInt(20);
                for (var i = 0; i < flips; i++) {
                    // every fifth copy has one of its flips in the header
                    var at = copy % 5 == 0 && i == 0 ? random.nextInt(HEADER) : HEADER + (long) (random.nextDouble() * (size - HEADER));
                    raf.seek(at);
                    var old = raf.read();
                    raf.seek(at);
                    raf.write(old ^ (1 + random.nextInt(255)));
                }
            }
            outcomes.merge(attempt(file), 1, Integer::sum);
            discard(file);
        }
        LOG.warn("Report: flipped bytes, {} copies: {}", FLIPPED_COPIES, outcomes);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(FLIPPED_COPIES);
    }

    @Test
    void truncatedFilesAreReadOrRefusedNeverWorsened() throws IOException {
        var random = new Random(20261125);
        var outcomes = new TreeMap<Outcome, Integer>();
        for (var copy = 0; copy < 20; copy++) {
            var file = copy("truncated-" + copy);
            try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength((long) (random.nextDouble() * raf.length()));
            }
            outcomes.merge(attempt(file), 1, Integer::sum);
        }
        LOG.warn("Report: truncated, 20 copies: {}", outcomes);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
    }

    @Test
    void anEmptyFileIsRefusedAsDamagedAndStaysEmpty() throws IOException {
        var file = dir.resolve("empty.mv.db");
        Files.createFile(file);
        assertThat(attempt(file)).isEqualTo(Outcome.REFUSED);
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aFileOfRandomBytesIsRefusedAsDamaged() throws IOException {
        var bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        var file = Files.write(dir.resolve("noise.mv.db"), bytes);
        assertThat(attempt(file)).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aDamagedFileIsRefusedNamingTheNewestBackupBesideIt() throws IOException {
        var file = Files.write(dir.resolve("kora.mv.db"), new byte[0]);
        Files.createDirectories(dir.resolve("backups"));
        var older = Files.createFile(dir.resolve("backups").resolve("kora-2026-11-20.zip"));
        var newest = Files.createFile(dir.resolve("kora-2026-11-23-080000.korabackup"));
        Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.from(Instant.parse("2026-11-20T08:00:00Z")));
        Files.setLastModifiedTime(newest, java.nio.file.attribute.FileTime.from(Instant.parse("2026-11-23T08:00:00Z")));
        assertThatThrownBy(() -> Store.open(DatabaseFile.of(file))).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("store.damagedBackup");
            assertThat(new Messages(Language.EN).format(e)).contains(newest.toString()).contains("Restore the latest backup");
            assertThat(new Messages(Language.ZH).format(e)).contains(newest.toString()).contains("备份");
        });
    }

    @Test
    void aDamagedFileWithoutBackupsSaysToRestoreTheLatestOne() throws IOException {
        var file = Files.write(dir.resolve("kora.mv.db"), new byte[0]);
        assertThatThrownBy(() -> Store.open(DatabaseFile.of(file))).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("store.damaged");
            assertThat(new Messages(Language.EN).format(e)).contains(file.toString()).contains("latest backup");
        });
    }

    @Test
    void aRowLostFromItsTableButStillInItsIndexesIsRefusedBeforeAnythingIsWritten() throws IOException, SQLException {
        var file = copy("lost-from-table");
        BehindKorasBack.removeFromOneIndex(file, "BLOCK", null, 1);
        assertThat(attempt(file)).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aRowLostFromOneIndexIsRefusedBeforeAnythingIsWritten() throws IOException, SQLException {
        var file = copy("lost-from-index");
        BehindKorasBack.removeFromOneIndex(file, "BLOCK", "BLOCK_DATES_IX", 1);
        assertThat(attempt(file)).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aRowFiledInAnIndexUnderValuesNotItsOwnIsRefusedBeforeAnythingIsWritten() throws IOException, SQLException {
        var file = copy("misfiled");
        // block 2, on site with mentor 6, filed under mentor 5 in the index that finds a mentor's blocks
        BehindKorasBack.misfile(file, "BLOCK", "BLOCK_MENTOR_IX", 2, "MENTOR_ID", ValueBigint.get(5));
        assertThat(attempt(file)).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aDateInMonth14IsRefusedBeforeAnythingIsWritten() throws IOException, SQLException {
        var file = copy("month-14");
        BehindKorasBack.overwrite(file, "BLOCK", 1, "END_DATE", ValueDate.fromDateValue(DateTimeUtils.dateValue(2026, 14, 1)));
        assertThat(attempt(file)).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aColumnRenamedIsRefusedBeforeAnythingIsWritten() throws IOException, SQLException {
        var file = copy("renamed");
        BehindKorasBack.execute(file, "ALTER TABLE trainee ALTER COLUMN hospital_id RENAME TO hospital_ie");
        assertThat(attempt(file)).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aFileThatRefusesKorasUserIsRefusedAsDamaged() throws IOException, SQLException {
        // a flipped byte in the record of H2's user "sa" gave "Wrong user name or password"
        var file = copy("user");
        BehindKorasBack.execute(file, "ALTER USER sa SET PASSWORD 'not Kora''s'");
        assertThat(attempt(file)).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aSchemaHistoryThatNoLongerMatchesKorasMigrationsIsRefusedBeforeAnythingIsWritten() throws IOException, SQLException {
        var file = copy("history");
        BehindKorasBack.execute(file, "UPDATE \"flyway_schema_history\" SET \"description\" = 'curricula unique chin$se names' "
                + "WHERE \"version\" = '4'");
        assertThat(attempt(file)).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void damageFoundWhileKoraRunsRefusesEveryLaterCallAsDamagedToo() throws IOException, SQLException {
        var file = copy("found-later");
        try (var store = Store.open(DatabaseFile.of(file))) {
            // a value the table's own check would never have let in, and the check gone, put in while Kora has the file
            // open (the same URL in the same program joins its database), so that opening could not see it
            BehindKorasBack.execute(file, "ALTER TABLE hospital DROP CONSTRAINT hospital_kind_ck",
                    "INSERT INTO hospital (name, kind) VALUES ('Nowhere', 'NOWHERE')");
            assertThatThrownBy(() -> store.inTransaction(tx -> tx.dao(HospitalDao.class).list()))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.messageKey()).isEqualTo("store.damaged"));
            assertThatThrownBy(() -> store.inTransaction(tx -> tx.dao(SettingDao.class).find("anything")))
                    .as("a later call, on the database shut down for its damage")
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.messageKey()).isEqualTo("store.damaged"));
        }
    }

    private Path copy(String name) throws IOException {
        var folder = Files.createDirectories(dir.resolve(name));
        return Files.copy(template, folder.resolve("kora.mv.db"));
    }

    /** Removes a copy that passed, and its folder, so that a long run does not fill the disk. */
    private static void discard(Path file) throws IOException {
        try (var files = Files.list(file.getParent())) {
            for (var each : files.toList()) {
                Files.delete(each);
            }
        }
        Files.delete(file.getParent());
    }

    /**
     * Opens {@code file} as Kora does and reads everything; checks that a refusal is a damaged-file
     * refusal that left the file's bytes alone and that nothing took the file's place.
     */
    private static Outcome attempt(Path file) throws IOException {
        var before = sha256(file);
        Outcome outcome;
        try (var store = Store.open(DatabaseFile.of(file))) {
            outcome = store.inTransaction(tx -> {
                tx.dao(HospitalDao.class).list();
                tx.dao(DepartmentDao.class).list();
                tx.dao(TraineeDao.class).list();
                tx.dao(MentorDao.class).list();
                tx.dao(CohortDao.class).list();
                tx.dao(CohortDao.class).rotations();
                tx.dao(CohortDao.class).blocks();
                tx.dao(CompetencyDao.class).list();
                tx.dao(UserDao.class).list();
                tx.dao(AuditDao.class).list();
                tx.dao(BlackoutDao.class).list();
                return SignOffLedger.verify(tx) instanceof ChainCheck.Broken ? Outcome.CHAIN_FLAGGED : Outcome.OPENED;
            });
        } catch (StoreException e) {
            assertThat(e.messageKey()).as("%s: %s", file, e.getMessage()).isIn("store.damaged", "store.damagedBackup");
            outcome = Outcome.REFUSED;
        } catch (RuntimeException e) {
            return fail(file + ": not a refusal but " + e, e);
        }
        if (outcome == Outcome.REFUSED) {
            assertThat(sha256(file)).as("bytes of the refused %s", file).isEqualTo(before);
        }
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("nothing beside %s but H2's trace", file).isSubsetOf(List.of("kora.mv.db", "kora.trace.db",
                            file.getFileName().toString(), file.getFileName().toString().replace(".mv.db", ".trace.db")));
        }
        return outcome;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
