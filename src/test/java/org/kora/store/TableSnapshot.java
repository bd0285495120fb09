package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every table of a closed database file, as text: two databases with equal snapshots hold the same data. */
final class TableSnapshot {
    private TableSnapshot() {
    }

    /** Every table's rows of a plain database, as text, sorted. */
    static Map<String, List<String>> of(DatabaseFile file) throws SQLException {
        return of(file, null);
    }

    /** Every table's rows, as text, sorted; an encrypted database is opened with its key file and {@code passphrase}. */
    static Map<String, List<String>> of(DatabaseFile file, char[] passphrase) throws SQLException {
        var key = passphrase == null ? null : KeyFile.unlock(file, passphrase);
        var tables = new TreeMap<String, List<String>>();
        try (var connection = DriverManager.getConnection(file.url(false, key != null), "sa", key == null ? "" : key.h2Password());
             var statement = connection.createStatement()) {
            var names = new ArrayList<String>();
            try (var result = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            for (var name : names) {
                var rows = new ArrayList<String>();
                try (var result = statement.executeQuery("SELECT * FROM \"" + name + "\"")) {
                    var columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        var row = new StringBuilder();
                        for (var column = 1; column <= columns; column++) {
                            row.append(result.getString(column)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(name, rows);
            }
        } finally {
            if (key != null) {
                key.destroy();
            }
        }
        return tables;
    }

    /**
     * The restored database equals the original table by table, but for one added audit row: the
     * restore's ({@code BACKUP_RESTORED} of {@code zip}, by {@code restoredBy}). Returns that row.
     */
    static String assertRestored(Map<String, List<String>> original, Map<String, List<String>> restored,
                                 java.nio.file.Path zip, String restoredBy) {
        var now = new TreeMap<>(restored);
        var was = new TreeMap<>(original);
        var audit = now.remove("AUDIT_LOG");
        var originalAudit = was.remove("AUDIT_LOG");
        assertThat(now).isEqualTo(was);
        assertThat(was.get("SIGNOFF")).isNotEmpty();
        assertThat(audit).hasSize(originalAudit.size() + 1).containsAll(originalAudit);
        var added = new ArrayList<>(audit);
        added.removeAll(originalAudit);
        assertThat(added).singleElement().asString().contains("|" + restoredBy + "|BACKUP_RESTORED|" + zip);
        return added.get(0);
    }
}
