package org.kora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.app.ServiceFactory;
import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;
import org.kora.store.AuditEntry;
import org.kora.store.AuditDao;
import org.kora.store.DatabaseFile;
import org.kora.store.HospitalDao;

class BackupCommandTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 23).atTime(9, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ServiceFactory factory = new ServiceFactory(CLOCK);
    private final Map<String, String> environment = new HashMap<>();
    private StringWriter out;
    private StringWriter err;
    private Path database;

    @BeforeEach
    void createTheDemo() {
        database = dir.resolve("kora.mv.db");
        try (var services = factory.create(DatabaseFile.of(database))) {
            services.demo().populate();
        }
        environment.put("KORA_PASSWORD", "demo");
    }

    private int kora(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        var commandLine = KoraCommand.commandLine(new FileBackend(factory, database, environment), "test");
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private List<String> hospitals() {
        try (var services = factory.open(DatabaseFile.of(database))) {
            return services.store().inTransaction(tx -> tx.dao(HospitalDao.class).list()).stream().map(Hospital::name).toList();
        }
    }

    @Test
    void aBackupWrittenByTheCommandLineIsRestoredByIt() {
        var zip = dir.resolve("saved.zip");
        var before = hospitals();
        assertThat(kora("backup", zip.toString(), "--user", "admin")).isEqualTo(0);
        assertThat(out.toString().strip()).isEqualTo("Backup of " + database + " written to " + zip + ".");
        assertThat(zip).isRegularFile();

        try (var services = factory.open(DatabaseFile.of(database))) {
            services.store().inTransaction(tx -> tx.dao(HospitalDao.class).insert("Added later", HospitalKind.HOME));
        }
        assertThat(hospitals()).contains("Added later");

        assertThat(kora("restore", zip.toString(), "--user", "admin")).isEqualTo(0);

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).startsWith("Restored " + zip + " into " + database + " (schema version 7, ")
                .contains("sign-offs, chain intact). The replaced database is kept as "
                        + dir.resolve("kora-before-restore-2026-11-23-090000.mv.db"));
        assertThat(hospitals()).isEqualTo(before);
        try (var services = factory.open(DatabaseFile.of(database))) {
            List<AuditEntry> audit = services.store().inTransaction(tx -> tx.dao(AuditDao.class).list());
            assertThat(audit).extracting(AuditEntry::action)
                    .contains("BACKUP_RESTORED");
        }
    }

    @Test
    void aFileThatIsNotABackupIsRefusedInTheUsersLanguage() throws IOException {
        var notes = Files.writeString(dir.resolve("notes.zip"), "shopping list");

        assertThat(kora("--lang", "zh", "restore", notes.toString(), "--user", "admin")).isEqualTo(1);

        assertThat(err.toString().strip()).isEqualTo("文件 " + notes + " 不是 Kora 备份。未恢复任何内容。");
        assertThat(hospitals()).isNotEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.contains("restor"));
        }
    }

    @Test
    void onlyAnAdministratorMayBackUpOrRestore() {
        var zip = dir.resolve("saved.zip");
        assertThat(kora("backup", zip.toString(), "--user", "hr")).isEqualTo(1);
        assertThat(err.toString()).isNotBlank();
        assertThat(zip).doesNotExist();
        assertThat(kora("backup", zip.toString(), "--user", "admin")).isEqualTo(0);
        assertThat(kora("restore", zip.toString(), "--user", "hr")).isEqualTo(1);
        assertThat(dir.resolve("kora-before-restore-2026-11-23-090000.mv.db")).doesNotExist();
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        var taken = Files.writeString(dir.resolve("taken.zip"), "mine");
        assertThat(kora("backup", taken.toString(), "--user", "admin")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("The file " + taken + " exists already. Choose a new file name for the backup.");
        assertThat(Files.readString(taken)).isEqualTo("mine");
    }

    @Test
    void withoutAFileItIsAUsageError() {
        assertThat(kora("restore", "--user", "admin")).isEqualTo(2);
    }

    private static final String PASSPHRASE = "snow lion on the ridge";

    /** The demo made again as an encrypted database; commands get its passphrase from KORA_PASSPHRASE. */
    private void encryptTheDemo() throws IOException {
        Files.delete(database);
        try (var services = factory.create(DatabaseFile.of(database), PASSPHRASE.toCharArray())) {
            services.demo().populate();
        }
        environment.put("KORA_PASSPHRASE", PASSPHRASE);
    }

    private List<String> hospitals(String passphrase) {
        try (var services = factory.open(DatabaseFile.of(database), passphrase.toCharArray())) {
            return services.store().inTransaction(tx -> tx.dao(HospitalDao.class).list()).stream().map(Hospital::name).toList();
        }
    }

    private void addHospital(String passphrase) {
        try (var services = factory.open(DatabaseFile.of(database), passphrase == null ? null : passphrase.toCharArray())) {
            services.store().inTransaction(tx -> tx.dao(HospitalDao.class).insert("Added later", HospitalKind.HOME));
        }
    }

    private static List<String> entries(Path zip) throws IOException {
        try (var zipFile = new java.util.zip.ZipFile(zip.toFile())) {
            return zipFile.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }

    @Test
    void anEncryptedBackupWrittenByTheCommandLineIsRestoredByItWithThePassphrase() throws IOException {
        encryptTheDemo();
        var zip = dir.resolve("saved.zip");
        var before = hospitals(PASSPHRASE);
        assertThat(kora("backup", zip.toString(), "--user", "admin")).isEqualTo(0);
        assertThat(entries(zip)).containsExactlyInAnyOrder("kora.mv.db", "kora.key");
        addHospital(PASSPHRASE);

        assertThat(kora("restore", zip.toString(), "--user", "admin")).isEqualTo(0);

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString().strip()).startsWith("Restored " + zip + " into " + database + " with its key file (schema version 7, ")
                .contains("; the database opens with the passphrase of the backup. The replaced database is kept as "
                        + dir.resolve("kora-before-restore-2026-11-23-090000.mv.db"));
        assertThat(hospitals(PASSPHRASE)).isEqualTo(before);
    }

    @Test
    void aWrongBackupPassphraseIsSaidAndNothingIsRestored() throws IOException {
        encryptTheDemo();
        var zip = dir.resolve("saved.zip");
        assertThat(kora("backup", zip.toString(), "--user", "admin")).isEqualTo(0);
        addHospital(PASSPHRASE);
        environment.put("KORA_BACKUP_PASSPHRASE", "snow lion on the ridges");

        assertThat(kora("--lang", "zh", "restore", zip.toString(), "--user", "admin")).isEqualTo(1);

        assertThat(err.toString().strip()).isEqualTo("备份 " + zip + " 的密钥口令不正确。未恢复任何内容。");
        assertThat(hospitals(PASSPHRASE)).contains("Added later");
        assertThat(dir.resolve("kora-before-restore-2026-11-23-090000.mv.db")).doesNotExist();
    }

    @Test
    void anEncryptedBackupRestoredOverAPlainDatabaseNeedsItsPassphraseAndBringsItsKeyFile() throws IOException {
        var other = DatabaseFile.of(dir.resolve("other/kora.mv.db"));
        try (var services = factory.create(other, PASSPHRASE.toCharArray())) {
            services.demo().populate();
            services.backups().backUpTo(services.auth().signIn("admin", "demo".toCharArray()), dir.resolve("other.zip"));
        }
        addHospital(null);

        assertThat(kora("restore", dir.resolve("other.zip").toString(), "--user", "admin")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("No passphrase: set the KORA_PASSPHRASE variable or run the command in a terminal.");
        assertThat(DatabaseFile.of(database).isEncrypted()).isFalse();

        environment.put("KORA_BACKUP_PASSPHRASE", PASSPHRASE);
        assertThat(kora("restore", dir.resolve("other.zip").toString(), "--user", "admin")).isEqualTo(0);

        assertThat(DatabaseFile.of(database).isEncrypted()).isTrue();
        assertThat(DatabaseFile.of(database).keyFile()).hasSameBinaryContentAs(other.keyFile());
        assertThat(hospitals(PASSPHRASE)).doesNotContain("Added later");
    }
}
