package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import org.h2.api.ErrorCode;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection settings of FACTS.md ("H2 durability and safety"), read back from H2 itself on a
 * store as Kora opens it, rather than from the URL text that asks for them.
 */
class ConnectionSettingsTest {
    /** The first release without the compaction data-loss bug of 2.3.232 (FACTS.md). */
    private static final int[] OLDEST_SAFE_H2 = {2, 4, 240};

    interface Settings {
        @SqlQuery("SELECT H2VERSION()")
        String h2Version();

        @SqlQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
        List<String> writeDelay();

        @SqlQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'REUSE_SPACE'")
        List<String> reuseSpace();
    }

    @TempDir
    Path dir;

    private DatabaseFile file() {
        return DatabaseFile.of(dir.resolve("kora"));
    }

    /** Creates the database, closes it and opens it again, as the program does on its second start. */
    private Store reopened() {
        Store.create(file()).close();
        return Store.open(file());
    }

    private static <T> T read(Store store, Function<Settings, T> query) {
        return store.inTransaction(tx -> query.apply(tx.dao(Settings.class)));
    }

    static boolean atLeast(String version, int[] oldest) {
        var parts = version.split("[.\\s-]");
        for (var i = 0; i < oldest.length; i++) {
            var part = Integer.parseInt(parts[i]);
            if (part != oldest[i]) {
                return part > oldest[i];
            }
        }
        return true;
    }

    @Test
    void versionComparisonFindsOlderReleases() {
        assertThat(atLeast("2.3.232", OLDEST_SAFE_H2)).isFalse();
        assertThat(atLeast("2.4.239", OLDEST_SAFE_H2)).isFalse();
        assertThat(atLeast("2.4.240", OLDEST_SAFE_H2)).isTrue();
        assertThat(atLeast("2.5.252", OLDEST_SAFE_H2)).isTrue();
        assertThat(atLeast("3.0.1", OLDEST_SAFE_H2)).isTrue();
    }

    @Test
    void theRunningH2IsAtLeast2_4_240() {
        try (var store = reopened()) {
            var version = read(store, Settings::h2Version);
            assertThat(atLeast(version, OLDEST_SAFE_H2)).as("H2 %s", version).isTrue();
        }
    }

    @Test
    void writeDelayIsZeroOnACreatedStore() {
        try (var store = Store.create(file())) {
            assertThat(read(store, Settings::writeDelay)).isNotEmpty().containsOnly("0");
        }
    }

    @Test
    void writeDelayIsZeroOnAReopenedStore() {
        try (var store = reopened()) {
            assertThat(read(store, Settings::writeDelay)).isNotEmpty().containsOnly("0");
        }
    }

    /** Every commit appended at the end of the file (docs/decisions/0020-chunks-appended-compacted-at-close.md). */
    @Test
    void spaceIsNotReusedOnACreatedOrReopenedStore() {
        try (var store = Store.create(DatabaseFile.of(dir.resolve("new")))) {
            assertThat(read(store, Settings::reuseSpace)).containsExactly("FALSE");
        }
        try (var store = reopened()) {
            assertThat(read(store, Settings::reuseSpace)).containsExactly("FALSE");
        }
    }

    /** The control for the test above: H2 left to itself reuses the space in the file. */
    @Test
    void h2ReusesSpaceUnlessToldNot() throws SQLException {
        Store.create(file()).close();
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("kora") + ";IFEXISTS=TRUE", "sa", "");
             var rows = connection.createStatement().executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'REUSE_SPACE'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualToIgnoringCase("true");
        }
    }

    /**
     * AUTO_SERVER is no setting H2 reports; its mark is the lock file it writes beside the database
     * with the address of its TCP server. Kora's lock is the operating system's file lock instead.
     */
    @Test
    void noAutoServerLockFileBesideAnOpenStore() throws IOException {
        try (var store = reopened()) {
            assertThat(read(store, Settings::writeDelay)).isNotEmpty();
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).doesNotContain("kora.lock.db");
            }
        }
    }

    /** The control for the test above: the same open with AUTO_SERVER leaves that lock file. */
    @Test
    void autoServerWouldLeaveItsLockFile() throws SQLException {
        Store.create(file()).close();
        try (var connection = DriverManager.getConnection(file().url(false) + ";AUTO_SERVER=TRUE", "sa", "")) {
            assertThat(connection.isValid(1)).isTrue();
            assertThat(dir.resolve("kora.lock.db")).exists();
        }
    }

    /** H2 itself, not only Store's check for the file, refuses a path with no database. */
    @Test
    void h2RefusesToOpenAMissingDatabase() throws IOException {
        assertThatThrownBy(() -> DriverManager.getConnection(file().url(false), "sa", "").close())
                .isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1));
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    /** The control: the creating URL (no IFEXISTS) does make a database on a missing path. */
    @Test
    void creatingUrlMakesTheMissingDatabase() throws SQLException {
        DriverManager.getConnection(file().url(true), "sa", "").close();
        assertThat(file().exists()).isTrue();
    }
}
