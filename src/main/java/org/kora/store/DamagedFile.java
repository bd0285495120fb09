package org.kora.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a damaged database file from other failures, and refuses it pointing to the newest backup.
 * Kora never repairs a file (FACTS.md: H2's "File corrupted" also means a wrong file password), so
 * the refusal only says which backup to restore.
 */
final class DamagedFile {
    private static final Logger LOG = LoggerFactory.getLogger(DamagedFile.class);

    /** H2's file header: two blocks of 4 KiB. A file no longer than that holds no data. */
    static final long HEADER_BYTES = 8192;

    /** The tables of Kora's first schema, which every later one keeps. */
    private static final Set<String> KORA_TABLES = Set.of("HOSPITAL", "PARTNERSHIP", "DEPARTMENT", "TRAINEE", "MENTOR",
            "DEPLOYMENT", "LEAVE_PERIOD", "BLACKOUT", "COHORT", "ROTATION", "BLOCK", "COMPETENCY", "APP_USER", "SIGNOFF",
            "AUDIT_LOG", "SETTING");
    private static final String HISTORY = "flyway_schema_history";

    /** What MVStore says when the file's content, not the disk or a lock, is at fault. */
    private static final Set<Integer> DAMAGE = Set.of(DataUtils.ERROR_READING_FAILED,
            DataUtils.ERROR_UNSUPPORTED_FORMAT, DataUtils.ERROR_FILE_CORRUPT, DataUtils.ERROR_SERIALIZATION,
            DataUtils.ERROR_CHUNK_NOT_FOUND, DataUtils.ERROR_BLOCK_NOT_FOUND, DataUtils.ERROR_TRANSACTION_CORRUPT,
            DataUtils.ERROR_UNKNOWN_DATA_TYPE);

    /** The java.time class Kora's queries read each of JDBC's date and time classes as. */
    private static final Map<Class<?>, Class<?>> JAVA_TIME = Map.of(java.sql.Date.class, LocalDate.class,
            java.sql.Time.class, LocalTime.class, java.sql.Timestamp.class, LocalDateTime.class);

    private DamagedFile() {
    }

    /** Whether {@code failure} (or one of its causes) says that the file's content is damaged. */
    static boolean isDamage(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == ErrorCode.FILE_CORRUPTED_1
                    || sql.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1)) {
                return true;
            }
            if (cause instanceof MVStoreException store && DAMAGE.contains(store.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads every row of every table, and every index, through {@code connection}, so that damage
     * shows now, while nothing has been written to the file (H2 writes nothing when it merely opens
     * and reads), rather than later, after Flyway and the first transactions have written to it.
     * Refuses a file with none of Kora's tables (Flyway would make them in someone else's database)
     * and one that lost some of them.
     */
    static void readEverything(Connection connection, DatabaseFile file) {
        try (var statement = connection.createStatement()) {
            var tables = new ArrayList<String>();
            try (var names = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            var kora = tables.stream().filter(t -> KORA_TABLES.contains(t) || t.equals(HISTORY)).count();
            if (kora == 0) {
                throw new StoreException(null, "store.notKora", file);
            }
            if (kora < KORA_TABLES.size() + 1) {
                throw refusal(null, file);
            }
            var rowCounts = readRows(statement, tables, file);
            // every row can read well in a schema that lost what Kora's queries name (a column renamed by a flipped byte)
            if (!SchemaShape.matchesItsVersion(statement)) {
                throw refusal(null, file);
            }
            readIndexes(statement, rowCounts, file);
            checkConstraints(statement, file);
        } catch (SQLException e) {
            // the file is open and only read: whatever fails now, a value that cannot be converted included, is its content
            throw refusal(e, file);
        }
    }

    /** Reads every row of every table, each value as its column's type; gives each table's count of rows. */
    private static Map<String, Long> readRows(Statement statement, List<String> tables, DatabaseFile file)
            throws SQLException {
        var rowCounts = new HashMap<String, Long>();
        for (var table : tables) {
            try (var rows = statement.executeQuery("SELECT * FROM " + quoted(table))) {
                var types = columnTypes(rows.getMetaData());
                var count = 0L;
                while (rows.next()) {
                    count++;
                    for (var column = 1; column <= types.size(); column++) {
                        var value = rows.getObject(column);
                        // a damaged value can read back as another type, bytes where a date was
                        if (value != null && !types.get(column - 1).isInstance(value)) {
                            throw refusal(null, file);
                        }
                        // and a date can read back as a month 14, which java.sql.Date rolls over and Kora's
                        // queries, reading java.time, fail on
                        var javaTime = JAVA_TIME.get(types.get(column - 1));
                        if (value != null && javaTime != null) {
                            rows.getObject(column, javaTime);
                        }
                    }
                }
                rowCounts.put(table, count);
            }
        }
        return rowCounts;
    }

    /**
     * The scan reads each table's own rows; an index can disagree with them, and H2 then fails, or
     * answers with the wrong rows, only when a later query goes through that index, after Kora has
     * written (a row missing from the table's own rows, or one a lookup by its key no longer finds,
     * gave "Timeout trying to lock table"). So each index is read in full, in its own order, each row
     * it lists looked up in the table: it must list as many rows as the table has, and their own
     * values must come in its order (a row filed under values not its own shows out of order).
     */
    private static void readIndexes(Statement statement, Map<String, Long> rowCounts, DatabaseFile file)
            throws SQLException {
        for (var index : indexes(statement)) {
            var table = quoted(index.table());
            var first = quoted(index.columns().get(0));
            // a condition on its first column that the index serves, so that H2 reads this index and not another
            // (asked only for an order, H2 reads whichever index gives it); the values compared are the rows' own
            // (a column named in the query would give the index's)
            var read = "SELECT * FROM " + table + " USE INDEX (" + quoted(index.name()) + ") WHERE " + first;
            var listed = indexValues(statement, read + " IS NULL", index.columns());
            listed.addAll(indexValues(statement, read + " >= (SELECT MIN(" + first + ") FROM " + table + ")",
                    index.columns()));
            if (listed.size() != rowCounts.getOrDefault(index.table(), 0L) || !inIndexOrder(listed)) {
                throw refusal(null, file);
            }
        }
    }

    /**
     * A damaged value can also read back as a value of the right type that the table's own checks
     * would never have let in (a level "INDEPNDENT"): every CHECK constraint must hold for every row.
     */
    private static void checkConstraints(Statement statement, DatabaseFile file) throws SQLException {
        for (var check : checks(statement)) {
            try (var broken = statement.executeQuery("SELECT COUNT(*) FROM " + quoted(check.get(0))
                    + " WHERE NOT (" + check.get(1) + ")")) {
                if (broken.next() && broken.getLong(1) > 0) {
                    throw refusal(null, file);
                }
            }
        }
    }

    /** The values of {@code columns} in every row {@code query} gives, in its order. */
    private static List<List<Object>> indexValues(Statement statement, String query, List<String> columns)
            throws SQLException {
        var values = new ArrayList<List<Object>>();
        try (var rows = statement.executeQuery(query)) {
            while (rows.next()) {
                var row = new ArrayList<>(columns.size());
                for (var column : columns) {
                    row.add(rows.getObject(column));
                }
                values.add(row);
            }
        }
        return values;
    }

    /**
     * Whether {@code listed} is in the order H2 keeps an index in: column by column, no value before any
     * value, values in their natural order (H2 compares text as {@link String#compareTo} does, with no
     * collation set).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean inIndexOrder(List<List<Object>> listed) {
        Comparator<List<Object>> order = (a, b) -> {
            for (var column = 0; column < a.size(); column++) {
                var x = a.get(column);
                var y = b.get(column);
                var compared = x == null || y == null ? Boolean.compare(x != null, y != null) : ((Comparable) x).compareTo(y);
                if (compared != 0) {
                    return compared;
                }
            }
            return 0;
        };
        try {
            for (var i = 1; i < listed.size(); i++) {
                if (order.compare(listed.get(i - 1), listed.get(i)) > 0) {
                    return false;
                }
            }
            return true;
        } catch (ClassCastException e) {
            // values of two types in one column, which only damage makes
            return false;
        }
    }

    /** An index of {@code table} and its columns, in its order. */
    private record Index(String table, String name, List<String> columns) {
    }

    /** Each index of Kora's schema. */
    private static List<Index> indexes(Statement statement) throws SQLException {
        var columns = new LinkedHashMap<List<String>, List<String>>();
        try (var rows = statement.executeQuery("SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, INDEX_NAME, ORDINAL_POSITION")) {
            while (rows.next()) {
                columns.computeIfAbsent(List.of(rows.getString(1), rows.getString(2)), index -> new ArrayList<>())
                        .add(rows.getString(3));
            }
        }
        return columns.entrySet().stream()
                .map(index -> new Index(index.getKey().get(0), index.getKey().get(1), index.getValue())).toList();
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Each CHECK constraint of Kora's schema as its table and its condition. */
    private static List<List<String>> checks(Statement statement) throws SQLException {
        var checks = new ArrayList<List<String>>();
        try (var rows = statement.executeQuery("SELECT t.TABLE_NAME, c.CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS c "
                + "JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA "
                + "AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME WHERE t.TABLE_SCHEMA = 'PUBLIC'")) {
            while (rows.next()) {
                checks.add(List.of(rows.getString(1), rows.getString(2)));
            }
        }
        return checks;
    }

    private static List<Class<?>> columnTypes(ResultSetMetaData columns) throws SQLException {
        var types = new ArrayList<Class<?>>();
        for (var column = 1; column <= columns.getColumnCount(); column++) {
            try {
                types.add(Class.forName(columns.getColumnClassName(column)));
            } catch (ClassNotFoundException e) {
                types.add(Object.class);
            }
        }
        return types;
    }

    /** Whether {@code refusal} is the refusal of a damaged file. */
    static boolean isRefusal(StoreException refusal) {
        return refusal.messageKey().equals("store.damaged") || refusal.messageKey().equals("store.damagedBackup");
    }

    /**
     * Closes the database at once, without the compaction H2 does on a normal close: a damaged file
     * is left as it is, for whoever examines it.
     */
    static void stopWriting(Connection connection) {
        try (var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException e) {
            LOG.warn("Closing the database at once failed", e);
        }
    }

    /** The refusal of a damaged {@code file}: restore the newest backup, named if one is found. */
    static StoreException refusal(Throwable cause, DatabaseFile file) {
        LOG.error("The database {} is damaged; it is left as it is", file, cause);
        return newestBackup(file)
                .map(backup -> new StoreException(cause, "store.damagedBackup", file, backup))
                .orElseGet(() -> new StoreException(cause, "store.damaged", file));
    }

    /** The newest {@code kora-*.korabackup} (or older {@code kora-*.zip}) beside the file or in the {@code backups} folder beside it. */
    static Optional<Path> newestBackup(DatabaseFile file) {
        var folder = file.file().getParent();
        return Stream.of(folder, folder.resolve("backups"))
                .flatMap(DamagedFile::backupsIn)
                .max(Comparator.comparing(DamagedFile::modified));
    }

    private static Stream<Path> backupsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (var files = Files.newDirectoryStream(folder, "kora-*.{" + Backups.EXTENSION + ",zip}")) {
            var found = new ArrayList<Path>();
            files.forEach(found::add);
            return List.copyOf(found).stream().filter(Files::isRegularFile);
        } catch (IOException e) {
            LOG.warn("Cannot look for backups in {}", folder, e);
            return Stream.empty();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
