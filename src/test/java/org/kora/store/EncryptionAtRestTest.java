package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Mentor;
import org.kora.domain.Trainee;
import org.kora.service.DemoService;
import org.kora.service.PasswordHasher;

/**
 * Encryption at rest on the demo database: no name or phone number in the file or its backup, as
 * a byte search finds them in the plain demo; and every way of opening it wrongly says why.
 */
class EncryptionAtRestTest {
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static DatabaseFile encrypted;
    private static DatabaseFile plain;
    /**
     * Each file and its backup as written, before closing compacted it: a compacted file is
     * compressed, which alone hides most names from a byte search, so the plain control and the
     * encrypted file are compared as written (the compacted encrypted file is searched too).
     */
    private static byte[] plainWritten;
    private static byte[] encryptedWritten;
    private static Path plainBackup;
    private static Path encryptedBackup;
    private static List<String> needles;
    private static int trainees;

    @BeforeAll
    static void makeBothDemos() throws IOException {
        encrypted = DatabaseFile.of(shared.resolve("secret"));
        plain = DatabaseFile.of(shared.resolve("plain"));
        plainBackup = shared.resolve("plain.zip");
        encryptedBackup = shared.resolve("secret.zip");
        var key = KeyFile.create(encrypted, PASSPHRASE);
        try (var store = Store.create(encrypted, key)) {
            populate(store);
            encryptedWritten = Files.readAllBytes(encrypted.file());
            new Backups(store, Clock.systemUTC()).backUpTo(encryptedBackup);
        }
        try (var store = Store.create(plain)) {
            populate(store);
            plainWritten = Files.readAllBytes(plain.file());
            new Backups(store, Clock.systemUTC()).backUpTo(plainBackup);
            List<Trainee> people = store.inTransaction(tx -> tx.dao(TraineeDao.class).list());
            List<Mentor> mentors = store.inTransaction(tx -> tx.dao(MentorDao.class).list());
            trainees = people.size();
            needles = needles(people, mentors);
        }
    }

    private static void populate(Store store) {
        var clock = Clock.fixed(LocalDate.of(2026, 11, 23).atTime(10, 30).atZone(BEIJING).toInstant(), BEIJING);
        new DemoService(store, new PasswordHasher(1000), clock).populate();
    }

    /** Three Tibetan-script names, three Chinese names and five phone numbers of the demo. */
    private static List<String> needles(List<Trainee> people, List<Mentor> mentors) {
        var names = new ArrayList<String>();
        people.forEach(trainee -> names.add(trainee.name()));
        mentors.forEach(mentor -> names.add(mentor.name()));
        var found = new ArrayList<String>();
        names.stream().filter(name -> name.codePoints().anyMatch(c -> c >= 0x0F00 && c <= 0x0FFF)).limit(3).forEach(found::add);
        names.stream().filter(name -> name.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .limit(3).forEach(found::add);
        people.stream().map(Trainee::phone).filter(phone -> phone != null && phone.length() >= 7).limit(5).forEach(found::add);
        assertThat(found).as("demo names and phones to look for").hasSize(11);
        return found;
    }

    @Test
    void plainDemoFileShowsNamesAndPhonesToAByteSearch() {
        assertThat(foundIn(plainWritten)).hasSize(needles.size());
    }

    @Test
    void encryptedDemoFileShowsNoNameOrPhone() throws IOException {
        assertThat(encrypted.isEncrypted()).isTrue();
        assertThat(plain.isEncrypted()).isFalse();
        assertThat(foundIn(encryptedWritten)).isEmpty();
        assertThat(foundIn(Files.readAllBytes(encrypted.file()))).isEmpty();
        assertThat(foundIn(Files.readAllBytes(encrypted.keyFile()))).isEmpty();
    }

    @Test
    void backupOfThePlainDemoShowsNamesAndPhones() throws Exception {
        assertThat(foundIn(unzipped(plainBackup))).hasSize(needles.size());
    }

    @Test
    void backupOfTheEncryptedDemoShowsNoNameOrPhone() throws Exception {
        var bytes = unzipped(encryptedBackup);
        assertThat(bytes.length).isGreaterThan(100_000);
        assertThat(foundIn(bytes)).isEmpty();
        assertThat(foundIn(Files.readAllBytes(encryptedBackup))).isEmpty();
    }

    @Test
    void backupOfTheEncryptedDemoHoldsItsKeyFileButNoKeyInTheClear() throws Exception {
        var keyEntry = entry(encryptedBackup, "secret.key");
        assertThat(keyEntry).isEqualTo(Files.readAllBytes(encrypted.keyFile()));
        assertThat(foundIn(keyEntry)).isEmpty();
        var key = KeyFile.unlock(encrypted, PASSPHRASE).bytes();
        for (var bytes : List.of(unzipped(encryptedBackup), Files.readAllBytes(encryptedBackup))) {
            var text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContainIgnoringCase(HexFormat.of().formatHex(key))
                    .doesNotContain(Base64.getEncoder().encodeToString(key));
            assertThat(indexOf(bytes, key)).isNegative();
        }
    }

    @Test
    void keyFileHoldsNoKeyInTheClear() throws IOException {
        var key = KeyFile.unlock(encrypted, PASSPHRASE).bytes();
        var text = Files.readString(encrypted.keyFile(), StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContainIgnoringCase(HexFormat.of().formatHex(key))
                .doesNotContain(Base64.getEncoder().encodeToString(key))
                .contains("iterations=600000");
        assertThat(indexOf(Files.readAllBytes(encrypted.keyFile()), key)).isNegative();
    }

    @Test
    void rightPassphraseReopensTheData() {
        try (var store = Store.open(encrypted, KeyFile.unlock(encrypted, PASSPHRASE))) {
            List<Trainee> reopened = store.inTransaction(tx -> tx.dao(TraineeDao.class).list());
            assertThat(reopened).hasSize(trainees);
        }
    }

    @Test
    void wrongPassphraseIsToldInPlainWords() {
        assertThatThrownBy(() -> KeyFile.unlock(encrypted, "correct horse battery stapler".toCharArray()))
                .isInstanceOf(StoreException.class)
                .hasMessage("The passphrase is not correct.");
    }

    @Test
    void encryptedDatabaseWithoutKeyIsLockedNotDamaged() throws IOException {
        var before = Files.readAllBytes(encrypted.file());
        assertThatThrownBy(() -> Store.open(encrypted)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is encrypted: enter its passphrase");
        assertThat(Files.readAllBytes(encrypted.file())).isEqualTo(before);
    }

    @Test
    void encryptedFileReadByH2WithoutCipherIsStillNotCalledDamaged() {
        var e = new SQLException("File corrupted", "90030", org.h2.api.ErrorCode.FILE_CORRUPTED_1);
        assertThat(Store.translate(e, encrypted).messageKey()).isEqualTo("store.encryption.locked");
        assertThat(Store.translate(e, plain).messageKey()).isEqualTo("store.damaged");
    }

    @Test
    void missingKeyFileIsToldInPlainWords() throws IOException {
        var copy = DatabaseFile.of(dir.resolve("copy"));
        Files.copy(encrypted.file(), copy.file());
        assertThatThrownBy(() -> KeyFile.unlock(copy, PASSPHRASE)).isInstanceOf(StoreException.class)
                .hasMessageContaining("its key file " + copy.keyFile() + " is missing");
    }

    @Test
    void keyFileOfAnotherDatabaseIsToldApart() throws IOException {
        var other = DatabaseFile.of(dir.resolve("other"));
        var otherKey = KeyFile.create(other, PASSPHRASE);
        Store.create(other, otherKey).close();
        var copy = DatabaseFile.of(dir.resolve("copy"));
        Files.copy(encrypted.file(), copy.file());
        Files.copy(other.keyFile(), copy.keyFile());
        var key = KeyFile.unlock(copy, PASSPHRASE);
        assertThatThrownBy(() -> Store.open(copy, key)).isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).messageKey()).isEqualTo("store.encryption.wrongKey");
    }

    @Test
    void keyFileEditedToFewerIterationsIsRefused() throws IOException {
        var copy = DatabaseFile.of(dir.resolve("copy"));
        Files.copy(encrypted.file(), copy.file());
        Files.writeString(copy.keyFile(), Files.readString(encrypted.keyFile(), StandardCharsets.ISO_8859_1)
                .replace("iterations=600000", "iterations=1000"), StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> KeyFile.unlock(copy, PASSPHRASE)).isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).messageKey()).isEqualTo("store.encryption.keyFileDamaged");
    }

    @Test
    void keyFileIsNeverOverwritten() throws IOException {
        var database = DatabaseFile.of(dir.resolve("twice"));
        KeyFile.create(database, PASSPHRASE);
        var first = Files.readAllBytes(database.keyFile());
        assertThatThrownBy(() -> KeyFile.create(database, PASSPHRASE)).isInstanceOf(StoreException.class);
        assertThat(Files.readAllBytes(database.keyFile())).isEqualTo(first);
    }

    private static byte[] entry(Path zip, String name) throws IOException {
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name + " in " + zip);
    }

    private static byte[] unzipped(Path zip) throws IOException {
        var all = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            while (in.getNextEntry() != null) {
                in.transferTo(all);
            }
        }
        return all.toByteArray();
    }

    /** The needles found in {@code haystack} in any of the ways a text can be written in bytes. */
    private static List<String> foundIn(byte[] haystack) {
        return needles.stream().filter(needle -> spellings(needle).stream().anyMatch(bytes -> indexOf(haystack, bytes) >= 0))
                .toList();
    }

    /**
     * UTF-8, UTF-16 both ways, and H2's own: its MVStore writes a character of three bytes like
     * UTF-8 but without the continuation bits ({@code DataUtils.writeStringData}), so a UTF-8
     * search alone would miss the names in a plain file too.
     */
    private static List<byte[]> spellings(String text) {
        var h2 = new ByteArrayOutputStream();
        text.chars().forEach(c -> {
            if (c < 0x80) {
                h2.write(c);
            } else if (c < 0x800) {
                h2.write(0xc0 | c >> 6);
                h2.write(c & 0x3f);
            } else {
                h2.write(0xe0 | c >> 12);
                h2.write(c >> 6 & 0x3f);
                h2.write(c & 0x3f);
            }
        });
        return List.of(text.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_16BE),
                text.getBytes(StandardCharsets.UTF_16LE), h2.toByteArray());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
