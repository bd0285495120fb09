package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.app.ServiceFactory;
import org.kora.domain.SignOff;

/** Backups and restores on real H2 files: a restore gives back the original, a bad backup is refused untouched. */
class BackupsTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 23).atTime(9, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @TempDir
    static Path demoFolder;
    private static Path demo;

    @TempDir
    Path dir;
    private DatabaseFile database;

    @BeforeAll
    static void makeTheDemoOnce() {
        demo = demoFolder.resolve("demo.mv.db");
        try (var services = new ServiceFactory(CLOCK).create(DatabaseFile.of(demo))) {
            services.demo().populate();
        }
    }

    @BeforeEach
    void copyTheDemo() throws IOException {
        database = DatabaseFile.of(dir.resolve("kora.mv.db"));
        Files.copy(demo, database.file());
    }

    private Path backUp(Path zip) {
        try (var store = Store.open(database)) {
            new Backups(store, CLOCK).backUpTo(zip);
        }
        return zip;
    }

    private static Map<String, List<String>> snapshot(DatabaseFile file) throws SQLException {
        return TableSnapshot.of(file);
    }

    /** A sign-off and a hospital added after the backup: the database is no longer the backup's. */
    private void change() {
        try (var store = Store.open(database)) {
            store.inTransaction(tx -> {
                var last = tx.dao(SignOffDao.class).head().orElseThrow();
                SignOffLedger.append(tx, new SignOff(0, last.traineeId(), last.competencyId(), last.performedOn(),
                        last.level(), 1, null, "after the backup", last.mentorId(), CLOCK.instant(), null, null, null, null));
                return null;
            });
        }
        try {
            BehindKorasBack.execute(database.file(), "INSERT INTO hospital (name, kind) VALUES ('After the backup', 'HOME')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRestoredBackupEqualsTheOriginalTableByTable() throws SQLException, IOException {
        var original = snapshot(database);
        var zip = backUp(dir.resolve("backup.zip"));
        change();
        var changed = snapshot(database);
        assertThat(changed).isNotEqualTo(original);

        var restored = Backups.restore(zip, database, null, CLOCK, "admin");

        assertThat(TableSnapshot.assertRestored(original, snapshot(database), zip, "admin"))
                .contains("|admin|BACKUP_RESTORED|" + zip + " replaced file kept as ");
        assertThat(restored.keptAside()).isEqualTo(dir.resolve("kora-before-restore-2026-11-23-090000.mv.db"));
        assertThat(snapshot(DatabaseFile.of(restored.keptAside()))).isEqualTo(changed);
        assertThat(restored.signOffs()).isEqualTo(original.get("SIGNOFF").size());
        try (var store = Store.open(database)) {
            assertThat(store.inTransaction(SignOffLedger::verify)).isInstanceOf(org.kora.domain.ChainCheck.Intact.class);
            var again = dir.resolve("again.zip");
            new Backups(store, CLOCK).backUpTo(again);
            assertThat(again).isRegularFile();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .noneMatch(name -> name.contains("restoring"));
        }
    }

    private void assertRefusedUntouched(Path zip, String messageKey) throws SQLException {
        var before = snapshot(database);
        assertThatThrownBy(() -> Backups.restore(zip, database, null, CLOCK, "admin")).isInstanceOf(StoreException.class)
                .extracting(failure -> ((StoreException) failure).messageKey()).isEqualTo(messageKey);
        assertThat(snapshot(database)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .noneMatch(name -> name.contains("restoring") || name.contains("before-restore"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDamagedZipIsRefusedAndTheDatabaseUntouched() throws IOException, SQLException {
        var zip = backUp(dir.resolve("backup.zip"));
        var bytes = Files.readAllBytes(zip);
        for (var at = bytes.length / 3; at < bytes.length / 3 + 64; at++) {
            bytes[at] ^= 0x5A;
        }
        Files.write(zip, bytes);
        change();

        assertRefusedUntouched(zip, "backup.damaged");
    }

    @Test
    void aCutShortZipIsRefused() throws IOException, SQLException {
        var zip = backUp(dir.resolve("backup.zip"));
        var bytes = Files.readAllBytes(zip);
        Files.write(zip, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertRefusedUntouched(zip, "backup.damaged");
    }

    @Test
    void aZipWithoutADatabaseIsNotAKoraBackup() throws IOException, SQLException {
        var zip = dir.resolve("photos.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("not a database".getBytes(StandardCharsets.UTF_8));
        }
        assertRefusedUntouched(zip, "backup.notKora");
        Files.writeString(dir.resolve("text.zip"), "plain text");
        assertRefusedUntouched(dir.resolve("text.zip"), "backup.notKora");
    }

    @Test
    void anotherProgramsH2DatabaseIsNotAKoraBackup() throws SQLException {
        var other = dir.resolve("other/shop");
        var zip = dir.resolve("shop.zip");
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + other, "sa", "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (id INT PRIMARY KEY)");
            statement.execute("BACKUP TO '" + zip + "'");
        }
        assertRefusedUntouched(zip, "backup.notKora");
    }

    @Test
    void aBackupOfANewerSchemaIsRefused() throws SQLException {
        var newer = dir.resolve("newer/kora.mv.db");
        var zip = dir.resolve("newer.zip");
        try (var store = Store.create(DatabaseFile.of(newer))) {
            store.file();
        }
        BehindKorasBack.execute(newer, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", "
                + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                + "VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'sa', 0, TRUE)",
                "BACKUP TO '" + zip + "'");

        assertRefusedUntouched(zip, "backup.newerSchema");
    }

    @Test
    void aBackupWhoseChainWasBrokenIsRefused() throws SQLException, IOException {
        var copy = Files.copy(database.file(), Files.createDirectories(dir.resolve("copy")).resolve("kora.mv.db"));
        var zip = dir.resolve("broken.zip");
        BehindKorasBack.execute(copy, "DROP TRIGGER signoff_append_only",
                "UPDATE signoff SET comment = 'edited' WHERE id = 10", "BACKUP TO '" + zip + "'");

        assertRefusedUntouched(zip, "backup.chainBroken");
    }

    @Test
    void aDatabaseStillOpenIsNotReplaced() throws SQLException {
        var zip = backUp(dir.resolve("backup.zip"));
        try (var store = Store.open(database)) {
            assertThatThrownBy(() -> Backups.restore(zip, database, null, CLOCK, "admin"))
                    .extracting(failure -> ((StoreException) failure).messageKey()).isEqualTo("store.inUse");
            java.util.Optional<SignOff> head = store.inTransaction(tx -> tx.dao(SignOffDao.class).head());
            assertThat(head).isPresent();
        }
        assertThat(snapshot(database)).isNotEmpty();
    }

    @Test
    void theDailyBackupIsMadeOnceADay() {
        try (var store = Store.open(database)) {
            var backups = new Backups(store, CLOCK);
            assertThat(backups.dailyIfDue()).get().extracting(Backups.Backup::file)
                    .isEqualTo(dir.resolve("backups/kora-2026-11-23-090000.korabackup"));
            assertThat(backups.dailyIfDue()).isEmpty();

            var tomorrow = new Backups(store, Clock.offset(CLOCK, Duration.ofDays(1)));
            assertThat(tomorrow.dailyIfDue()).isPresent();
            assertThat(backups.list()).extracting(backup -> backup.madeAt().toLocalDate())
                    .containsExactly(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 23));
        }
    }

    @Test
    void theFolderIsTheAdministratorsChoiceIfItIsAWritableDirectory() throws IOException {
        var chosen = Files.createDirectories(dir.resolve("elsewhere"));
        try (var store = Store.open(database)) {
            var backups = new Backups(store, CLOCK);
            assertThat(backups.folder()).isEqualTo(dir.resolve("backups"));
            assertThatThrownBy(() -> backups.changeFolder(dir.resolve("missing")))
                    .extracting(failure -> ((StoreException) failure).messageKey()).isEqualTo("backup.folderInvalid");
            assertThatThrownBy(() -> backups.changeFolder(database.file()))
                    .extracting(failure -> ((StoreException) failure).messageKey()).isEqualTo("backup.folderInvalid");

            backups.changeFolder(chosen);

            assertThat(backups.backUpNow().file().getParent()).isEqualTo(chosen);
        }
    }

    @Test
    void aBackupNeverOverwritesAFile() throws IOException {
        var existing = Files.writeString(dir.resolve("taken.zip"), "mine");
        try (var store = Store.open(database)) {
            assertThatThrownBy(() -> new Backups(store, CLOCK).backUpTo(existing))
                    .extracting(failure -> ((StoreException) failure).messageKey()).isEqualTo("backup.exists");
        }
        assertThat(Files.readString(existing)).isEqualTo("mine");
    }

    @Test
    void retentionKeepsTheNewestOfEachOfTheLast14DaysAnd12MonthsAndNothingElse() throws IOException {
        var folder = Files.createDirectories(dir.resolve("backups"));
        var today = LocalDate.of(2026, 11, 23);
        for (var day = today.minusDays(500); !day.isAfter(today); day = day.plusDays(1)) {
            Files.createFile(folder.resolve(Backups.name(day.atTime(8, 0))));
            Files.createFile(folder.resolve(Backups.name(day.atTime(17, 30))));
        }
        var foreign = Files.writeString(folder.resolve("kora-notes.zip"), "not Kora's name");
        var ownName = Files.writeString(folder.resolve("holiday.zip"), "not Kora's");

        var deleted = Backups.prune(folder, today);

        var expected = new java.util.TreeSet<String>();
        for (var back = 0; back < 14; back++) {
            expected.add(Backups.name(today.minusDays(back).atTime(17, 30)));
        }
        for (var back = 0; back < 12; back++) {
            var month = java.time.YearMonth.from(today).minusMonths(back);
            var newest = back == 0 ? today : month.atEndOfMonth();
            expected.add(Backups.name(LocalDateTime.of(newest, java.time.LocalTime.of(17, 30))));
        }
        assertThat(Backups.list(folder)).extracting(backup -> backup.file().getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).hasSize(14 + 11);
        assertThat(deleted).hasSize(2 * 501 - expected.size());
        assertThat(foreign).exists();
        assertThat(ownName).exists();
    }

    @Test
    void backupsThatEarlierVersionsNamedZipAreListedPrunedAndRestored() throws IOException, SQLException {
        var folder = Files.createDirectories(dir.resolve("backups"));
        Path earlier;
        try (var store = Store.open(database)) {
            earlier = new Backups(store, CLOCK).backUpNow().file();
        }
        var older = Files.move(earlier, folder.resolve("kora-2026-11-22-090000.zip"));
        var sameDay = Files.createFile(folder.resolve("kora-2026-11-22-080000.zip"));

        assertThat(Backups.list(folder)).extracting(Backups.Backup::file).containsExactly(older, sameDay);
        assertThat(Backups.prune(folder, LocalDate.of(2026, 11, 23))).containsExactly(sameDay);

        var check = DatabaseFile.of(dir.resolve("check/kora.mv.db"));
        assertThat(Backups.restore(older, check, null, CLOCK, "admin").keptAside()).isNull();
        assertThat(snapshot(check).remove("AUDIT_LOG")).hasSize(snapshot(database).remove("AUDIT_LOG").size() + 1);
    }

    @Test
    void aPendingMigrationIsPrecededByABackup() throws SQLException {
        // the newest migration taken back, as if the file came from the Kora before it
        BehindKorasBack.execute(database.file(), "DROP TABLE sign_in_guard",
                "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '7'");
        var beforeMigration = snapshot(database);

        try (var store = Store.open(database)) {
            assertThat(store.backupWarning()).isEmpty();
        }

        var made = Backups.list(dir.resolve("backups"));
        assertThat(made).hasSize(1);
        var check = DatabaseFile.of(dir.resolve("check/kora.mv.db"));
        Backups.restore(made.get(0).file(), check, null, CLOCK, "admin");
        var restored = snapshot(check);
        assertThat(restored.remove("AUDIT_LOG")).hasSize(beforeMigration.remove("AUDIT_LOG").size() + 1);
        assertThat(restored).isEqualTo(beforeMigration);
        try (var store = Store.open(database)) {
            assertThat(store.backupWarning()).isEmpty();
        }
        assertThat(Backups.list(dir.resolve("backups"))).hasSize(1);
    }
}
