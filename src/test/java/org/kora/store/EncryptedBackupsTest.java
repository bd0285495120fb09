package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.app.ServiceFactory;
import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;

/**
 * Backups of an encrypted database carry its key file and restore with the backup's passphrase
 * alone; a restore swaps the database and its key file so that a kill after any step leaves a pair
 * that opens; plain and encrypted backups restore over each other.
 */
class EncryptedBackupsTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 23).atTime(9, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);
    private static final char[] OURS = "prayer flags over the pass".toCharArray();
    private static final char[] THEIRS = "barley fields in the valley".toCharArray();
    private static final String ONLY_THEIRS = "Only in the other hospital's database";

    @TempDir
    static Path shared;
    /** The demo, encrypted with {@link #OURS}; another hospital's demo, encrypted with {@link #THEIRS}; a plain demo. */
    private static DatabaseFile ourDemo;
    private static DatabaseFile theirDemo;
    private static DatabaseFile plainDemo;

    @TempDir
    Path dir;
    @TempDir
    Path kills;
    private DatabaseFile database;

    @BeforeAll
    static void makeTheDemosOnce() {
        ourDemo = demo("ours", OURS);
        theirDemo = demo("theirs", THEIRS);
        addHospital(theirDemo, THEIRS, ONLY_THEIRS);
        plainDemo = demo("plain", null);
    }

    private static DatabaseFile demo(String name, char[] passphrase) {
        var file = DatabaseFile.of(shared.resolve(name + "/kora.mv.db"));
        try (var services = new ServiceFactory(CLOCK).create(file, passphrase)) {
            services.demo().populate();
        }
        return file;
    }

    @BeforeEach
    void copyOurDemo() throws IOException {
        database = copy(ourDemo, dir);
    }

    /** The database and its key file, if any, copied into {@code folder} as kora.mv.db and kora.key. */
    private static DatabaseFile copy(DatabaseFile from, Path folder) throws IOException {
        var to = DatabaseFile.of(folder.resolve("kora.mv.db"));
        Files.copy(from.file(), to.file());
        if (Files.exists(from.keyFile())) {
            Files.copy(from.keyFile(), to.keyFile());
        }
        return to;
    }

    private static Store open(DatabaseFile file, char[] passphrase) {
        return passphrase == null ? Store.open(file) : Store.openWithPassphrase(file, passphrase);
    }

    private static Path backUp(DatabaseFile file, char[] passphrase, Path zip) {
        try (var store = open(file, passphrase)) {
            new Backups(store, CLOCK).backUpTo(zip);
        }
        return zip;
    }

    private static void addHospital(DatabaseFile file, char[] passphrase, String name) {
        try (var store = open(file, passphrase)) {
            store.inTransaction(tx -> tx.dao(HospitalDao.class).insert(name, HospitalKind.HOME));
        }
    }

    private static List<String> hospitals(DatabaseFile file, char[] passphrase) {
        try (var store = open(file, passphrase)) {
            List<Hospital> all = store.inTransaction(tx -> tx.dao(HospitalDao.class).list());
            return all.stream().map(Hospital::name).toList();
        }
    }

    /** The zip's entries by name, with their bytes. */
    private static Map<String, byte[]> entries(Path zip) throws IOException {
        var entries = new TreeMap<String, byte[]>();
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** Files a restore makes for itself and must not leave behind. */
    private List<String> leftovers() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.contains("-restoring-") || name.contains("-restored") || name.contains("-checking-"))
                    .toList();
        }
    }

    @Test
    void aBackupOfAnEncryptedDatabaseHoldsItsKeyFileBesideTheStillEncryptedFile() throws IOException {
        var zip = backUp(database, OURS, dir.resolve("backup.zip"));

        var entries = entries(zip);
        assertThat(entries).containsOnlyKeys("kora.mv.db", "kora.key");
        assertThat(entries.get("kora.key")).isEqualTo(Files.readAllBytes(database.keyFile()));
        assertThat(new String(entries.get("kora.mv.db"), 0, 10, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("H2encrypt\n");
        assertThat(Backups.isEncrypted(zip)).isTrue();
        var plain = backUp(copy(plainDemo, Files.createDirectories(dir.resolve("plain"))), null, dir.resolve("plain.zip"));
        assertThat(entries(plain)).containsOnlyKeys("kora.mv.db");
        assertThat(Backups.isEncrypted(plain)).isFalse();
    }

    @Test
    void theDailyBackupAndBackUpNowCarryTheKeyFileAndRetentionTreatsThemAlike() throws IOException {
        try (var store = Store.openWithPassphrase(database, OURS)) {
            var backups = new Backups(store, CLOCK);
            var daily = backups.dailyIfDue().orElseThrow().file();
            assertThat(entries(daily)).containsOnlyKeys("kora.mv.db", "kora.key");
            var now = new Backups(store, Clock.offset(CLOCK, java.time.Duration.ofMinutes(5))).backUpNow().file();
            assertThat(entries(now)).containsOnlyKeys("kora.mv.db", "kora.key");
            // the retention rule after Back up now keeps only the newest of the day
            assertThat(backups.list()).extracting(Backups.Backup::file).containsExactly(now);
            assertThat(daily).doesNotExist();
        }
        var folder = dir.resolve("backups");
        var today = LocalDate.of(2026, 11, 23);
        var real = Files.readAllBytes(Backups.list(folder).get(0).file());
        for (var back = 1; back <= 30; back++) {
            Files.write(folder.resolve(Backups.name(today.minusDays(back).atTime(8, 0))), real);
            Files.write(folder.resolve(Backups.name(today.minusDays(back).atTime(17, 0))), real);
        }

        var deleted = Backups.prune(folder, today);

        // the newest of each of 14 days (today's included) and of October
        assertThat(Backups.list(folder)).extracting(backup -> backup.file().getFileName().toString())
                .hasSize(14 + 1).contains("kora-2026-10-31-170000.korabackup").doesNotContain("kora-2026-11-22-080000.korabackup");
        assertThat(deleted).hasSize(60 + 1 - 15);
        assertThat(Backups.list(folder)).allSatisfy(backup -> assertThat(entries(backup.file())).containsKey("kora.key"));
    }

    @Test
    void theBackupBeforeAMigrationOfAnEncryptedDatabaseCarriesTheKeyFileAndRestores() throws SQLException, IOException {
        // the newest migration taken back, as if the file came from the Kora before it
        var key = KeyFile.unlock(database, OURS);
        BehindKorasBack.executeEncrypted(database.file(), key, "DROP TABLE sign_in_guard",
                "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '7'");
        key.destroy();
        var beforeMigration = TableSnapshot.of(database, OURS);

        Store.openWithPassphrase(database, OURS).close();

        var made = Backups.list(dir.resolve("backups"));
        assertThat(made).hasSize(1);
        assertThat(entries(made.get(0).file())).containsKey("kora.key");
        var elsewhere = DatabaseFile.of(dir.resolve("elsewhere/kora.mv.db"));
        Backups.restore(made.get(0).file(), elsewhere, OURS, CLOCK, "admin");
        TableSnapshot.assertRestored(beforeMigration, TableSnapshot.of(elsewhere, OURS), made.get(0).file(), "admin");
    }

    @Test
    void aRestoredEncryptedBackupEqualsTheOriginalTableByTable() throws SQLException, IOException {
        var original = TableSnapshot.of(database, OURS);
        var key = Files.readAllBytes(database.keyFile());
        var zip = backUp(database, OURS, dir.resolve("backup.zip"));
        addHospital(database, OURS, "Added after the backup");
        var changed = TableSnapshot.of(database, OURS);

        var restored = Backups.restore(zip, database, OURS, CLOCK, "admin");

        TableSnapshot.assertRestored(original, TableSnapshot.of(database, OURS), zip, "admin");
        assertThat(restored.encrypted()).isTrue();
        assertThat(database.isEncrypted()).isTrue();
        assertThat(Files.readAllBytes(database.keyFile())).isEqualTo(key);
        assertThat(restored.keptAside()).isEqualTo(dir.resolve("kora-before-restore-2026-11-23-090000.mv.db"));
        assertThat(restored.keyKeptAside()).isEqualTo(dir.resolve("kora-before-restore-2026-11-23-090000.key"));
        assertThat(TableSnapshot.of(DatabaseFile.of(restored.keptAside()), OURS)).isEqualTo(changed);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void theKeyFileTravelsWithTheBackupToAnotherComputer() throws SQLException, IOException {
        var original = TableSnapshot.of(database, OURS);
        var zip = backUp(database, OURS, dir.resolve("backup.zip"));
        var newComputer = DatabaseFile.of(dir.resolve("new-pc/kora.mv.db"));

        var restored = Backups.restore(zip, newComputer, OURS, CLOCK, "admin");

        assertThat(restored.keptAside()).isNull();
        assertThat(restored.keyKeptAside()).isNull();
        assertThat(newComputer.keyFile()).hasSameBinaryContentAs(database.keyFile());
        TableSnapshot.assertRestored(original, TableSnapshot.of(newComputer, OURS), zip, "admin");
        try (var files = Files.list(newComputer.file().getParent())) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("kora.mv.db", "kora.key");
        }
    }

    @Test
    void aWrongPassphraseIsSaidAndNothingChanges() throws SQLException, IOException {
        var zip = backUp(database, OURS, dir.resolve("backup.zip"));
        addHospital(database, OURS, "Added after the backup");
        var before = TableSnapshot.of(database, OURS);
        var key = Files.readAllBytes(database.keyFile());

        assertThatThrownBy(() -> Backups.restore(zip, database, THEIRS, CLOCK, "admin"))
                .isInstanceOf(StoreException.class)
                .hasMessage("The passphrase of the backup " + zip + " is not correct. Nothing was restored.");
        assertThatThrownBy(() -> Backups.check(zip, database, null))
                .extracting(failure -> ((StoreException) failure).messageKey()).isEqualTo("backup.passphraseNeeded");

        assertThat(TableSnapshot.of(database, OURS)).isEqualTo(before);
        assertThat(Files.readAllBytes(database.keyFile())).isEqualTo(key);
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .noneMatch(name -> name.contains("restor") || name.contains("checking"));
        }
    }

    @Test
    void aBackupOfAnotherEncryptedDatabaseBringsItsOwnKeyFileAndPassphrase() throws SQLException, IOException {
        var zip = backUp(copy(theirDemo, Files.createDirectories(dir.resolve("theirs"))), THEIRS, dir.resolve("theirs.zip"));
        var ourKey = Files.readAllBytes(database.keyFile());

        var restored = Backups.restore(zip, database, THEIRS, CLOCK, "admin");

        assertThat(database.keyFile()).hasSameBinaryContentAs(theirDemo.keyFile());
        assertThat(restored.keyKeptAside()).hasBinaryContent(ourKey);
        assertThat(hospitals(database, THEIRS)).contains(ONLY_THEIRS);
        assertThatThrownBy(() -> Store.openWithPassphrase(database, OURS))
                .extracting(failure -> ((StoreException) failure).messageKey()).isEqualTo("store.encryption.wrongPassphrase");
        assertThat(hospitals(DatabaseFile.of(restored.keptAside()), OURS)).doesNotContain(ONLY_THEIRS);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aPlainBackupOverAnEncryptedDatabaseLeavesItPlainWithTheKeyFileKeptAside() throws SQLException, IOException {
        var zip = backUp(copy(plainDemo, Files.createDirectories(dir.resolve("plain"))), null, dir.resolve("plain.zip"));
        var ourKey = Files.readAllBytes(database.keyFile());

        var restored = Backups.restore(zip, database, null, CLOCK, "admin");

        assertThat(restored.encrypted()).isFalse();
        assertThat(database.isEncrypted()).isFalse();
        assertThat(database.keyFile()).doesNotExist();
        assertThat(restored.keyKeptAside()).hasBinaryContent(ourKey);
        TableSnapshot.assertRestored(TableSnapshot.of(plainDemo), TableSnapshot.of(database), zip, "admin");
        assertThat(hospitals(DatabaseFile.of(restored.keptAside()), OURS)).isNotEmpty();
    }

    @Test
    void anEncryptedBackupOverAPlainDatabaseBringsItsKeyFile() throws SQLException, IOException {
        var zip = backUp(database, OURS, dir.resolve("ours.zip"));
        var plainFolder = Files.createDirectories(dir.resolve("was-plain"));
        var plain = copy(plainDemo, plainFolder);

        var restored = Backups.restore(zip, plain, OURS, CLOCK, "admin");

        assertThat(restored.keyKeptAside()).isNull();
        assertThat(plain.isEncrypted()).isTrue();
        assertThat(plain.keyFile()).hasSameBinaryContentAs(database.keyFile());
        TableSnapshot.assertRestored(TableSnapshot.of(database, OURS), TableSnapshot.of(plain, OURS), zip, "admin");
        assertThat(TableSnapshot.of(DatabaseFile.of(restored.keptAside()))).isEqualTo(TableSnapshot.of(plainDemo));
    }

    @Test
    void aBackupMadeBeforeItHeldTheKeyFileRestoresWithTheDatabasesOwnKeyFile() throws SQLException, IOException {
        var original = TableSnapshot.of(database, OURS);
        var zip = dir.resolve("older.zip");
        var key = KeyFile.unlock(database, OURS);
        BehindKorasBack.executeEncrypted(database.file(), key, "BACKUP TO '" + zip + "'");
        key.destroy();
        assertThat(entries(zip)).containsOnlyKeys("kora.mv.db");
        addHospital(database, OURS, "Added after the backup");

        Backups.restore(zip, database, OURS, CLOCK, "admin");

        TableSnapshot.assertRestored(original, TableSnapshot.of(database, OURS), zip, "admin");
        var nowhere = DatabaseFile.of(dir.resolve("no-key-here/kora.mv.db"));
        assertThatThrownBy(() -> Backups.restore(zip, nowhere, OURS, CLOCK, "admin"))
                .extracting(failure -> ((StoreException) failure).messageKey()).isEqualTo("backup.keyMissing");
        assertThat(nowhere.exists()).isFalse();
    }

    @Test
    void aRestoreKilledAfterAnyStepLeavesADatabaseWithItsOwnKeyFile() throws Exception {
        var zip = backUp(copy(theirDemo, Files.createDirectories(dir.resolve("theirs"))), THEIRS, dir.resolve("theirs.zip"));
        assertEveryStepLeavesAPairThatOpens(OURS, zip, THEIRS);
    }

    @Test
    void anEncryptedBackupOverAPlainDatabaseKilledAfterAnyStepOpens() throws Exception {
        var zip = backUp(database, OURS, dir.resolve("ours.zip"));
        Files.delete(database.file());
        Files.delete(database.keyFile());
        copy(plainDemo, dir);
        assertEveryStepLeavesAPairThatOpens(null, zip, OURS);
    }

    @Test
    void aPlainBackupOverAnEncryptedDatabaseKilledAfterAnyStepOpens() throws Exception {
        var zip = backUp(copy(plainDemo, Files.createDirectories(dir.resolve("plain"))), null, dir.resolve("plain.zip"));
        assertEveryStepLeavesAPairThatOpens(OURS, zip, null);
    }

    /**
     * Restores {@code zip} over the database (encrypted with {@code before}, or plain if null), copying
     * the folder after each step, as a kill there would leave it. Each copy is then opened as Kora
     * would (with a passphrase if the file is encrypted): before the database moved it is the old
     * database with the old passphrase, from then on the restored one with the backup's; the other
     * passphrase is refused; the key file beside it then fits it and no restore file is left.
     */
    private void assertEveryStepLeavesAPairThatOpens(char[] before, Path zip, char[] backup) throws Exception {
        var old = TableSnapshot.of(database, before);
        var afterKill = new LinkedHashMap<Backups.Step, Path>();
        Backups.restore(zip, database, backup, CLOCK, "admin", step -> afterKill.put(step, copyOfTheFolder(step)));
        var restored = TableSnapshot.of(database, backup);
        assertThat(afterKill.keySet()).contains(Backups.Step.CHECKED, Backups.Step.KEPT_ASIDE,
                Backups.Step.DATABASE_MOVED, Backups.Step.KEY_MOVED);

        for (var kill : afterKill.entrySet()) {
            var file = DatabaseFile.of(kill.getValue().resolve("kora.mv.db"));
            var moved = kill.getKey().compareTo(Backups.Step.DATABASE_MOVED) >= 0;
            var right = moved ? backup : before;
            var wrong = moved ? before : backup;
            assertThat(file.isEncrypted()).as("encrypted after %s", kill.getKey()).isEqualTo(right != null);
            if (right != null && wrong != null) {
                assertThatThrownBy(() -> Store.openWithPassphrase(file, wrong)).as("the other passphrase after %s", kill.getKey())
                        .extracting(failure -> ((StoreException) failure).messageKey()).isEqualTo("store.encryption.wrongPassphrase");
            }

            open(file, right).close();

            assertThat(TableSnapshot.of(file, right)).as("data after %s", kill.getKey()).isEqualTo(moved ? restored : old);
            if (right != null) {
                assertThat(file.restoredKeyFile()).as("key left by the restore after %s", kill.getKey()).doesNotExist();
                var key = KeyFile.unlock(file, right);
                Store.open(file, key).close();
            }
        }
    }

    private Path copyOfTheFolder(Backups.Step step) {
        try {
            var copy = Files.createDirectories(kills.resolve(step.name()));
            try (var files = Files.list(dir)) {
                for (var file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFailureBeforeTheDatabaseMovedLeavesTheOldPairAsItWas() throws SQLException, IOException {
        var zip = backUp(copy(theirDemo, Files.createDirectories(dir.resolve("theirs"))), THEIRS, dir.resolve("theirs.zip"));
        var before = TableSnapshot.of(database, OURS);
        var key = Files.readAllBytes(database.keyFile());

        assertThatThrownBy(() -> Backups.restore(zip, database, THEIRS, CLOCK, "admin", step -> {
            if (step == Backups.Step.KEY_STAGED) {
                throw new IllegalStateException("the disk went away");
            }
        })).hasMessage("the disk went away");

        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .noneMatch(name -> name.contains("restor") || name.contains("checking"));
        }
        assertThat(database.keyFile()).hasBinaryContent(key);
        assertThat(TableSnapshot.of(database, OURS)).isEqualTo(before);
        assertThat(hospitals(database, OURS)).doesNotContain(ONLY_THEIRS);
    }
}
