package org.kora.store;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.BiConsumer;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.result.Row;
import org.h2.result.SearchRow;
import org.h2.table.Table;
import org.h2.value.Value;

/** Plain SQL on a closed Kora database file, as someone with the H2 shell could send it: Kora is not involved. */
public final class BehindKorasBack {
    private BehindKorasBack() {
    }

    /** Opens the file by the URL Kora uses, runs {@code statements} one after the other (each committed), and closes it. */
    public static void execute(Path database, String... statements) throws SQLException {
        try (var connection = DriverManager.getConnection(DatabaseFile.of(database).url(false), "sa", "");
             var statement = connection.createStatement()) {
            for (var sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** As {@link #execute}, on an encrypted database opened with its file {@code key}. */
    static void executeEncrypted(Path database, FileKey key, String... statements) throws SQLException {
        try (var connection = DriverManager.getConnection(DatabaseFile.of(database).url(false, true), "sa", key.h2Password());
             var statement = connection.createStatement()) {
            for (var sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /**
     * Takes the row with {@code key} out of one index of {@code table} and leaves it in the others, as a
     * damaged page can: out of the table's own rows if {@code index} is null, so that only its other
     * indexes still list it, or out of the named index only.
     */
    static void removeFromOneIndex(Path database, String table, String index, long key) throws SQLException {
        inEngine(database, table, (session, found) -> {
            var from = index == null ? found.getScanIndex(session)
                    : found.getIndexes().stream().filter(i -> i.getName().equals(index)).findFirst().orElseThrow();
            from.remove(session, found.getRow(session, key));
        });
    }

    /**
     * Puts {@code value} in {@code column} of the row with {@code key}, past every type conversion and
     * check, as a damaged page can (a date in month 14).
     */
    static void overwrite(Path database, String table, long key, String column, Value value) throws SQLException {
        inEngine(database, table, (session, found) -> {
            var old = found.getRow(session, key);
            var values = old.getValueList().clone();
            values[found.getColumn(column).getColumnId()] = value;
            found.updateRow(session, old, Row.get(values, SearchRow.MEMORY_CALCULATE, key));
        });
    }

    /**
     * Files the row with {@code key} in {@code index} under {@code value} for {@code column} instead of
     * its own, as a damaged index page can; the row itself and the other indexes are left alone.
     */
    static void misfile(Path database, String table, String index, long key, String column, Value value) throws SQLException {
        inEngine(database, table, (session, found) -> {
            var row = found.getRow(session, key);
            var values = row.getValueList().clone();
            values[found.getColumn(column).getColumnId()] = value;
            var in = found.getIndexes().stream().filter(i -> i.getName().equals(index)).findFirst().orElseThrow();
            in.remove(session, row);
            in.add(session, Row.get(values, SearchRow.MEMORY_CALCULATE, key));
        });
    }

    /** Does {@code change} to {@code table} through H2's engine, as no SQL can, and commits it. */
    private static void inEngine(Path database, String table, BiConsumer<SessionLocal, Table> change) throws SQLException {
        try (var connection = DriverManager.getConnection(DatabaseFile.of(database).url(false), "sa", "")) {
            var session = (SessionLocal) ((JdbcConnection) connection).getSession();
            change.accept(session, session.getDatabase().getSchema("PUBLIC").getTableOrView(session, table));
            session.commit(false);
        }
    }
}
