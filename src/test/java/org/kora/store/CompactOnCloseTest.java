package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits are only ever appended to the file (DatabaseFile's REUSE_SPACE=FALSE), so closing must
 * give the space back: a file that is mostly replaced chunks is rewritten smaller with every row
 * kept, and a file that is mostly live is left alone.
 */
class CompactOnCloseTest {
    private static final char[] PASSPHRASE = "a long walk round the lake".toCharArray();
    private static final int COMMITS = 600;

    @TempDir
    Path dir;

    @Test
    void aFileWrittenAllDayIsRewrittenSmallerOnClosingWithEveryRowKept() throws IOException {
        var file = DatabaseFile.of(dir.resolve("busy"));
        Store.create(file).close();
        assertCompactedWithEveryRow(file, null);
    }

    @Test
    void anEncryptedFileIsCompactedTooAndStaysEncrypted() throws IOException {
        var file = DatabaseFile.of(dir.resolve("secret"));
        Store.create(file, KeyFile.create(file, PASSPHRASE)).close();
        assertCompactedWithEveryRow(file, PASSPHRASE);
        try (var store = Store.open(file, KeyFile.unlock(file, PASSPHRASE))) {
            Optional<String> row = store.inTransaction(tx -> tx.dao(SettingDao.class).find("row 1"));
            assertThat(row).contains("value 1");
        }
        assertThat(file.isEncrypted()).isTrue();
    }

    @Test
    void aFileThatIsMostlyLiveIsLeftAsItWas() throws IOException {
        var file = DatabaseFile.of(dir.resolve("quiet"));
        Store.create(file).close();
        var before = identity(file);
        try (var store = Store.open(file)) {
            store.inTransaction(tx -> {
                tx.dao(SettingDao.class).insert("one", "change");
                return null;
            });
        }
        assertThat(identity(file)).as("the same file, not a rewritten one").isEqualTo(before);
    }

    @Test
    void closingLeavesNoConnectionBehindForH2ToTraceInTheNextDatabase() throws IOException, InterruptedException {
        var busy = DatabaseFile.of(dir.resolve("busy").resolve("busy"));
        Store.create(busy).close();
        assertCompactedWithEveryRow(busy, null);
        // a connection left unclosed is traced, once collected, into whichever database H2 opens next
        for (var i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }
        var next = DatabaseFile.of(dir.resolve("next").resolve("next"));
        Store.create(next).close();
        try (var beside = Files.list(next.file().getParent())) {
            assertThat(beside.map(path -> path.getFileName().toString())).as("no error trace in the next database")
                    .noneMatch(name -> name.endsWith(".trace.db"));
        }
    }

    private void assertCompactedWithEveryRow(DatabaseFile file, char[] passphrase) throws IOException {
        long written;
        try (var store = open(file, passphrase)) {
            for (var i = 0; i < COMMITS; i++) {
                var row = i;
                store.inTransaction(tx -> {
                    tx.dao(SettingDao.class).insert("row " + row, "value " + row);
                    return null;
                });
            }
            written = file.size();
        }
        assertThat(file.size()).as("size after closing, %d bytes before", written).isLessThan(written / 2);
        try (var beside = Files.list(file.file().getParent())) {
            assertThat(beside.map(path -> path.getFileName().toString())).as("no error trace left by H2")
                    .noneMatch(name -> name.endsWith(".trace.db"));
        }
        try (var store = open(file, passphrase)) {
            var missing = store.inTransaction(tx -> IntStream.range(0, COMMITS)
                    .filter(i -> tx.dao(SettingDao.class).find("row " + i).isEmpty()).boxed().toList());
            assertThat(missing).isEmpty();
        }
    }

    private static Store open(DatabaseFile file, char[] passphrase) {
        return passphrase == null ? Store.open(file) : Store.open(file, KeyFile.unlock(file, passphrase));
    }

    /** The file system's identity of the file: a compaction replaces the file with a new one. */
    private static Object identity(DatabaseFile file) throws IOException {
        return Files.readAttributes(file.file(), BasicFileAttributes.class).fileKey();
    }
}
