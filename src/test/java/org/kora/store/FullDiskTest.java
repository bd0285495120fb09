package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The disk refuses a write while Kora runs: the save fails with a clear message naming the file, every
 * save acknowledged before it is still there, whole, nothing is half saved, and the file opens as it
 * is. {@link FullDiskWriter} writes through the real services in a JVM of its own, on a disk that
 * fills up in one of two ways ({@link Disk}): a limit on the size of the files it may write, or a
 * small disk of its own. Each way is skipped where the machine does not allow it. docs/reliability.md, "Full disk and
 * read-only", has the numbers.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FullDiskTest {
    private static final String PASSPHRASE = "no more room at the inn";
    /** Room left on the disk once the writer runs: a dozen sign-offs or a few dozen imports. */
    private static final long ROOM = 256 * 1024;
    /** Writes tried before the test gives up waiting for the disk to refuse one. */
    private static final int MAX_WRITES = 2000;
    /** What a user frees on a full disk in {@link #openingOnAFullDiskIsRefusedClearlyAndWorksOnceThereIsRoom}. */
    private static final int FILLER = 256 * 1024;

    @TempDir
    static Path dir;
    private static DatabaseFile demo;
    private static DatabaseFile encryptedDemo;

    /** How the disk fills up under the writer. */
    enum Disk {
        /**
         * The writer may write no file past a size (RLIMIT_FSIZE, set with {@code prlimit}): the
         * operating system refuses the write with EFBIG, "File too large", where a full disk refuses it
         * with ENOSPC, and Java sees the same IOException. Needs {@code prlimit} only.
         */
        LIMIT("File too large"),
        /**
         * The database lives on a tmpfs of its own, mounted in a private mount namespace: a real full
         * disk, ENOSPC, "No space left on device". Needs {@code unshare} and a kernel that allows it.
         */
        SMALL("No space left on device");

        final String reason;

        Disk(String reason) {
            this.reason = reason;
        }
    }

    /** A writer's answer {@code refused WHAT CLASS KEY<tab>ENGLISH<tab>CHINESE}. */
    private record Refusal(String what, String exception, String key, String english, String chinese) {
        static Refusal of(String answer) {
            assertThat(answer).as("the writer's answer").startsWith("refused ");
            var parts = answer.split("\t");
            var head = parts[0].split(" ");
            return new Refusal(String.join(" ", List.of(head).subList(1, head.length - 2)), head[head.length - 2],
                    head[head.length - 1], parts[1], parts[2]);
        }
    }

    @BeforeAll
    static void prepareDemos() throws IOException {
        demo = DatabaseFile.of(dir.resolve("demo.mv.db"));
        encryptedDemo = DatabaseFile.of(dir.resolve("secret.mv.db"));
        DemoWrites.createDemo(demo, null);
        DemoWrites.createDemo(encryptedDemo, KeyFile.create(encryptedDemo, PASSPHRASE.toCharArray()));
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @CsvSource({"signoff, plain, LIMIT, W1", "import, plain, LIMIT, W2", "signoff, encrypted, LIMIT, W3",
            "signoff, plain, SMALL, W4", "import, plain, SMALL, W5"})
    void aFullDiskRefusesTheSaveClearlyAndLosesNothingSavedBefore(String kind, String encryption, Disk disk,
            String tag) throws Exception {
        var started = System.nanoTime();
        var passphrase = encryption.equals("encrypted") ? PASSPHRASE : null;
        var file = copy(passphrase != null ? encryptedDemo : demo, tag);
        var acknowledged = new AcknowledgedWrites(chainLength(file, passphrase));
        var saved = new ArrayList<String>();
        var later = new ArrayList<Refusal>();
        var room = file.size() + ROOM;
        Refusal refusal;
        DatabaseFile named;
        try (var writer = start(disk, file, tag, passphrase, ROOM)) {
            named = writer.file();
            var zip = named.file().resolveSibling("kora-" + tag + ".zip");
            assertThat(writer.ask("open")).isEqualTo("opened");
            var answer = writer.ask(kind);
            while (answer.startsWith(kind + " ")) {
                saved.add(answer);
                assertThat(saved).as("writes before the disk refused one").hasSizeLessThan(MAX_WRITES);
                answer = writer.ask(kind);
            }
            refusal = Refusal.of(answer);
            // the same program goes on: every later call, reads too, is refused and says why
            for (var next : List.of("signoff", "import", "read", "backup " + zip)) {
                later.add(Refusal.of(writer.ask(next)));
            }
            assertThat(writer.ask("files " + zip.getParent())).as("no backup after the refusal")
                    .doesNotContain(zip.getFileName().toString());
            assertThat(writer.closeDatabase()).as("exit code after closing").isZero();
        }
        var counted = acknowledged.record(saved);
        System.out.printf("FullDiskTest %s, %s, %s: %d bytes for the database's files, %d sign-offs and %d imports"
                        + " (%d rows) saved before the refusal, file %d bytes after (%.1f s); %s | %s | %s%n",
                kind, encryption, disk, room, counted.signOffs(), counted.imports(), counted.importedRows(),
                file.size(), (System.nanoTime() - started) / 1e9, refusal.key(), refusal.english(), refusal.chinese());

        assertThat(saved).as("saves acknowledged before the disk refused one").hasSizeGreaterThan(5);
        assertThat(refusal.what()).startsWith(kind + " ");
        assertThat(refusal.exception()).isEqualTo(StoreException.class.getName());
        assertThat(refusal.key()).isEqualTo("store.diskRefused");
        assertThat(refusal.english()).contains(named.toString(), disk.reason, "was not saved",
                "everything saved before it is safe", "make space on the disk");
        assertThat(refusal.chinese()).contains(named.toString(), disk.reason, "没有保存", "之前保存的数据都完好");
        for (var call : later) {
            assertThat(call.exception()).as(call.what()).isEqualTo(StoreException.class.getName());
            assertThat(call.key()).as(call.what()).isEqualTo("store.diskRefusedEarlier");
            assertThat(call.english()).as(call.what()).contains(named.toString(), disk.reason, "close Kora");
            assertThat(call.chinese()).as(call.what()).contains(named.toString(), "关闭 Kora");
        }
        assertThat(file.size()).as("the disk's limit held").isLessThanOrEqualTo(room);
        assertThat(file.compactionCopy()).as("no compaction was tried after the refusal").doesNotExist();

        var findings = new AcknowledgedWrites.Findings();
        var refused = Stream.concat(Stream.of(refusal), later.stream()).map(Refusal::what).toList();
        try (var store = open(file, passphrase)) {
            acknowledged.check(store, findings, tag);
            assertNoneSaved(store, refused);
            // space made and Kora started again: saving works, and the chain goes on from the last save
            acknowledged.record(List.of(new DemoWrites(store, dir, tag + "0").signOff(0)));
            acknowledged.check(store, findings, tag + " after a restart");
        }
        assertThat(findings.failures).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Disk.class)
    void openingOnAFullDiskIsRefusedClearlyAndWorksOnceThereIsRoom(Disk disk) throws Exception {
        var file = copy(demo, "open-" + disk);
        var acknowledged = new AcknowledgedWrites(chainLength(file, null));
        // a file the user can delete to make space on the small disk
        var filler = Files.write(file.file().resolveSibling("filler.bin"), new byte[FILLER]);
        Refusal refusal;
        String saved;
        DatabaseFile named;
        // not one byte more than the files take: opening writes (Flyway locks its history table)
        try (var writer = start(disk, file, "W6" + disk.ordinal(), null, 0)) {
            named = writer.file();
            refusal = Refusal.of(writer.ask("open"));
            if (disk == Disk.SMALL) {
                assertThat(writer.ask("delete " + named.file().resolveSibling(filler.getFileName())))
                        .startsWith("deleted ");
            } else {
                writer.limitFileSize(-1);
            }
            assertThat(writer.ask("open")).as("opened again, in the same program, once there is room")
                    .isEqualTo("opened");
            saved = writer.ask("signoff");
            assertThat(writer.closeDatabase()).isZero();
        }
        System.out.printf("FullDiskTest open, %s: %s | %s | %s%n", disk, refusal.key(), refusal.english(),
                refusal.chinese());
        assertThat(refusal.exception()).isEqualTo(StoreException.class.getName());
        assertThat(refusal.key()).isEqualTo("store.diskRefusedOnOpen");
        assertThat(refusal.english()).contains(named.toString(), disk.reason,
                "Everything saved in the database is safe", "Make space on the disk, then try again.");
        assertThat(refusal.chinese()).contains(named.toString(), disk.reason, "已保存的数据都完好", "然后重试");
        assertThat(saved).startsWith("signoff ");
        acknowledged.record(List.of(saved));
        var findings = new AcknowledgedWrites.Findings();
        try (var store = Store.open(file)) {
            acknowledged.check(store, findings, "open");
        }
        assertThat(findings.failures).isEmpty();
    }

    /**
     * Starts a writer on {@code file} with {@code room} bytes to spare on its disk (beyond the files of
     * the file's folder, or beyond the file itself with a {@link Disk#LIMIT}); skipped where that disk
     * cannot be had.
     */
    private static FullDiskWriter.Running start(Disk disk, DatabaseFile file, String tag, String passphrase, long room)
            throws IOException, InterruptedException {
        var files = folderSize(file.file().getParent());
        if (disk == Disk.SMALL) {
            assumeTrue(FullDiskWriter.Running.canMountSmallDisk(dir), "a small disk of its own (unshare, tmpfs)");
            return FullDiskWriter.Running.startOnSmallDisk(file, dir, tag, passphrase, files + room);
        }
        assumeTrue(FullDiskWriter.Running.canLimit(), "prlimit limits the size of a running program's files");
        var writer = FullDiskWriter.Running.start(file, dir, tag, passphrase);
        writer.limitFileSize(file.size() + room);
        return writer;
    }

    /** None of the sign-offs and imports that the writer was refused is in the file. */
    private static void assertNoneSaved(Store store, List<String> refused) {
        var caseReferences = store.inTransaction(tx -> tx.dao(SignOffDao.class).list()).stream()
                .map(signOff -> signOff.caseReference()).toList();
        var staffNumbers = store.inTransaction(tx -> tx.dao(TraineeDao.class).list()).stream()
                .map(trainee -> trainee.staffNo()).toList();
        for (var what : refused) {
            var words = what.split(" ");
            if (words[0].equals("signoff")) {
                assertThat(caseReferences).as("refused " + what).doesNotContain(words[1]);
            } else if (words[0].equals("import")) {
                assertThat(staffNumbers).as("refused " + what).noneMatch(staffNo -> staffNo.startsWith(words[1] + "-"));
            }
        }
    }

    /** A copy of {@code original} (and of its key file) alone in a folder of its own, named {@code name}. */
    private static DatabaseFile copy(DatabaseFile original, String name) throws IOException {
        var folder = Files.createDirectories(dir.resolve(name));
        var copy = DatabaseFile.of(Files.copy(original.file(), folder.resolve(name + ".mv.db"),
                StandardCopyOption.REPLACE_EXISTING));
        if (original.isEncrypted()) {
            Files.copy(original.keyFile(), copy.keyFile(), StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    private static long folderSize(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static Store open(DatabaseFile file, String passphrase) {
        return Store.open(file, passphrase == null ? null : KeyFile.unlock(file, passphrase.toCharArray()));
    }

    private static int chainLength(DatabaseFile file, String passphrase) {
        try (var store = open(file, passphrase)) {
            return AcknowledgedWrites.chainLength(store);
        }
    }
}
