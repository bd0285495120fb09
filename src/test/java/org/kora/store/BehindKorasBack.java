package org.kora.store;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

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
}
