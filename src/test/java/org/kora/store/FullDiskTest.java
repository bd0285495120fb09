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
import org.junit.jupiter.api.Test;
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
 * small disk of its own. A read-only folder is made with {@code chattr +i}, which stops root too.
 * Each way is skipped where the machine does not allow it. docs/reliability.md, "Full disk and
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
    /** A file this many times its size when opened is mostly replaced chunks: closing compacts it. */
    private static final int GROWN = 3;
    /** What a user frees on a full disk in {@link #openingOnAFullDiskIsRefusedClearlyAndWorksOnceThereIsRoom}. */
    private static final int FILLER = 256 * 1024;

    @TempDir
    static Path dir;
    private static DatabaseFile demo;
    private static DatabaseFile encryptedDemo;
    /** The control of the compaction tests: a grown file closed with room to spare. Made once. */
    private static Grown roomy;

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

    /** A file's size when it had grown and after the writer closed it. */
    private record Closing(long grown, long closed) {
    }

    /** A writer's work on {@code file}: grown, then closed, and what it was told is saved. */
    private record Grown(DatabaseFile file, Closing closing, AcknowledgedWrites acknowledged) {
    }

    /** What is done with the running writer once the file has grown, before it closes it. */
    private interface BeforeClosing {
        void accept(FullDiskWriter.Running writer, AcknowledgedWrites acknowledged) throws Exception;
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

    @Test
    void closingWithRoomToSpareCompactsAGrownFile() throws Exception {
        var control = roomy();
        assertThat(control.closing().closed()).as("%s", control.closing()).isLessThan(control.closing().grown() / 2);
    }

    /**
     * The disk is full when Kora closes a grown file: with {@link Disk#LIMIT} not one byte more fits,
     * so closing's own last write is refused; on a {@link Disk#SMALL} disk that write fits but the
     * compacted copy, written beside the file, does not. Either way the file stays as it was.
     */
    @ParameterizedTest
    @EnumSource(Disk.class)
    void aFullDiskWhenClosingLeavesTheFileWholeAndNoHalfCopy(Disk disk) throws Exception {
        var compacted = roomy().closing().closed();
        var file = copy(demo, "close-" + disk);
        // on the small disk, room to grow and then less than a compacted copy needs
        var room = disk == Disk.LIMIT ? GROWN * file.size() + compacted : (GROWN - 1) * file.size() + compacted * 3 / 4;
        var grown = grownAndClosed(file, "W7" + disk.ordinal(), disk, room, (writer, acknowledged) -> {
            if (disk == Disk.LIMIT) {
                writer.limitFileSize(size(writer));
            } else {
                var free = Long.parseLong(writer.ask("space").split(" ")[1]);
                assertThat(free).as("room for closing's last write, not for the compacted copy")
                        .isBetween(64 * 1024L, compacted);
            }
        });
        System.out.printf("FullDiskTest closing, %s: with room %s; on a full disk %s%n", disk, roomy().closing(),
                grown.closing());
        assertThat(grown.closing().closed()).as("not compacted").isGreaterThanOrEqualTo(grown.closing().grown());
        assertThat(file.compactionCopy()).as("no half copy left on the full disk").doesNotExist();
        assertWhole(grown, "closing " + disk);
    }

    @Test
    void aReadOnlyFolderLetsKoraSaveAndLosesNothingWhenItCannotBackUpOrCompact() throws Exception {
        assumeTrue(canMakeReadOnly(), "chattr +i makes a folder read-only for root too (ext4, CAP_LINUX_IMMUTABLE)");
        var file = copy(demo, "read-only");
        var folder = file.file().getParent();
        var backup = new ArrayList<Refusal>();
        Grown grown;
        try {
            grown = grownAndClosed(file, "W8", null, 0, (writer, acknowledged) -> {
                readOnly(folder, true);
                acknowledged.record(List.of(writer.ask("signoff")));
                backup.add(Refusal.of(writer.ask("backup " + folder.resolve("kora-W8.zip"))));
                acknowledged.record(List.of(writer.ask("signoff")));
            });
        } finally {
            readOnly(folder, false);
        }
        var refusal = backup.get(0);
        System.out.printf("FullDiskTest read-only folder: %s; backup: %s | %s%n", grown.closing(), refusal.english(),
                refusal.chinese());
        assertThat(refusal.exception()).isEqualTo(StoreException.class.getName());
        assertThat(refusal.key()).isEqualTo("backup.failed");
        assertThat(refusal.english()).contains(folder.resolve("kora-W8.zip").toString(), "Operation not permitted",
                "Nothing is lost from the database").doesNotContain("SQL");
        assertThat(refusal.chinese()).contains(folder.resolve("kora-W8.zip").toString(), "没有任何损失");
        assertThat(grown.closing().closed()).as("not compacted").isGreaterThanOrEqualTo(grown.closing().grown());
        assertThat(file.compactionCopy()).doesNotExist();
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("nothing half written in the folder")
                    .allMatch(name -> name.equals("read-only.mv.db") || name.equals("read-only.trace.db"));
        }
        assertWhole(grown, "read-only folder");
    }

    @Test
    void aBackupThatDoesNotFitOnTheDiskFailsClearlyAndKoraWorksOn() throws Exception {
        var file = copy(demo, "backup-full");
        var acknowledged = new AcknowledgedWrites(chainLength(file, null));
        Refusal refusal;
        String files;
        var saved = new ArrayList<String>();
        DatabaseFile named;
        try (var writer = start(Disk.SMALL, file, "W9", null, ROOM)) {
            named = writer.file();
            assertThat(writer.ask("open")).isEqualTo("opened");
            saved.add(writer.ask("signoff"));
            refusal = Refusal.of(writer.ask("backup " + named.file().resolveSibling("kora-W9.zip")));
            files = writer.ask("files " + named.file().getParent());
            saved.add(writer.ask("signoff"));
            saved.add(writer.ask("import"));
            assertThat(writer.closeDatabase()).isZero();
        }
        System.out.printf("FullDiskTest backup on a full disk: %s | %s%n", refusal.english(), refusal.chinese());
        assertThat(refusal.exception()).isEqualTo(StoreException.class.getName());
        assertThat(refusal.key()).isEqualTo("backup.failed");
        assertThat(refusal.english()).contains(named.file().resolveSibling("kora-W9.zip").toString(),
                Disk.SMALL.reason, "Nothing is lost from the database").doesNotContain("SQL");
        assertThat(refusal.chinese()).contains(named.file().resolveSibling("kora-W9.zip").toString(), "没有任何损失");
        assertThat(files).as("no backup, whole or in part").doesNotContain("kora-W9");
        assertThat(acknowledged.record(saved).signOffs()).as("saving goes on after the failed backup").isEqualTo(2);
        var findings = new AcknowledgedWrites.Findings();
        try (var store = Store.open(file)) {
            acknowledged.check(store, findings, "backup");
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

    /**
     * Signs off and imports in a writer until the file is {@value #GROWN} times its size, so that
     * closing compacts it; then {@code beforeClosing}, and the writer closes the file. On the test's
     * disk if {@code disk} is null, else on one with {@code room} to spare ({@link #start}).
     */
    private static Grown grownAndClosed(DatabaseFile file, String tag, Disk disk, long room,
            BeforeClosing beforeClosing) throws Exception {
        var acknowledged = new AcknowledgedWrites(chainLength(file, null));
        var saved = new ArrayList<String>();
        long grown;
        try (var writer = disk == null ? FullDiskWriter.Running.start(file, dir, tag, null)
                : start(disk, file, tag, null, room)) {
            assertThat(writer.ask("open")).isEqualTo("opened");
            var opened = size(writer);
            while (size(writer) < GROWN * opened) {
                saved.add(writer.ask("signoff"));
                saved.add(writer.ask("import"));
                assertThat(saved).as("writes to grow the file").hasSizeLessThan(MAX_WRITES);
            }
            grown = size(writer);
            beforeClosing.accept(writer, acknowledged);
            assertThat(writer.closeDatabase()).isZero();
        }
        assertThat(acknowledged.record(saved).signOffs()).as("every write acknowledged: %s", saved)
                .isEqualTo(saved.size() / 2);
        return new Grown(file, new Closing(grown, file.size()), acknowledged);
    }

    private static synchronized Grown roomy() throws Exception {
        if (roomy == null) {
            roomy = grownAndClosed(copy(demo, "close-roomy"), "W10", null, 0, (writer, acknowledged) -> { });
            assertWhole(roomy, "closing with room");
        }
        return roomy;
    }

    private static long size(FullDiskWriter.Running writer) throws IOException {
        return Long.parseLong(writer.ask("size").split(" ")[1]);
    }

    private static void assertWhole(Grown grown, String where) {
        var findings = new AcknowledgedWrites.Findings();
        try (var store = Store.open(grown.file())) {
            grown.acknowledged().check(store, findings, where);
        }
        assertThat(findings.failures).isEmpty();
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

    private static boolean canMakeReadOnly() throws IOException, InterruptedException {
        var probe = Files.createDirectories(dir.resolve("read-only-probe"));
        if (!chattr("+i", probe)) {
            return false;
        }
        try {
            Files.createFile(probe.resolve("written"));
            return false;
        } catch (IOException refused) {
            return true;
        } finally {
            chattr("-i", probe);
        }
    }

    private static void readOnly(Path folder, boolean on) throws IOException, InterruptedException {
        assertThat(chattr(on ? "+i" : "-i", folder)).as("chattr on %s", folder).isTrue();
    }

    private static boolean chattr(String flag, Path folder) throws IOException, InterruptedException {
        try {
            return new ProcessBuilder("chattr", flag, folder.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException noChattr) {
            return false;
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
