package org.kora.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The shape of Kora's schema, digested: every table's columns, each with its type, nullability and
 * default, which is what Kora's queries name and read. A damaged file can keep every row readable
 * and still have lost that shape (a flipped byte renames a column, and the first query that names
 * it fails after Kora has written), so the read-only check on open ({@link DamagedFile#readEverything})
 * compares the file's shape with the one its schema version has. Indexes, constraints and triggers
 * are left out: losing one breaks no query, and the sign-off chain, not this check, tells that
 * someone dropped a trigger to edit a sign-off.
 */
final class SchemaShape {
    /**
     * The digest each of Kora's schema versions has; {@code SchemaShapeTest} migrates a new database
     * to each version and says what to add here for a new migration.
     */
    static final Map<Integer, String> DIGESTS = Map.of(
            1, "dc73839717800fbbfcc0b823f3a6eb53c1b38c82d30320e4455d19369cf7733f",
            2, "dc73839717800fbbfcc0b823f3a6eb53c1b38c82d30320e4455d19369cf7733f",
            3, "0c77415015cb1d065ec87b2bbdeb278263bb48eb20c565da1f3c3acd1b9ff30e",
            4, "0c77415015cb1d065ec87b2bbdeb278263bb48eb20c565da1f3c3acd1b9ff30e",
            7, "690a0ab1f669e5c16e75480d4e77a66f0a48982f49da23514f8e972ddee69d0b");

    private SchemaShape() {
    }

    /**
     * Whether the schema read through {@code statement} has the shape of the version its history
     * records. A version newer than this Kora's passes: opening it is refused as a newer schema.
     */
    static boolean matchesItsVersion(Statement statement) throws SQLException {
        var version = recordedVersion(statement);
        if (version.isEmpty()) {
            return false;
        }
        if (version.getAsInt() > Collections.max(DIGESTS.keySet())) {
            return true;
        }
        return digest(statement).equals(DIGESTS.get(version.getAsInt()));
    }

    /** The newest version in the schema history, or nothing if it has none or one that is not a number. */
    private static OptionalInt recordedVersion(Statement statement) throws SQLException {
        var newest = OptionalInt.empty();
        try (var rows = statement.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" "
                + "WHERE \"success\" AND \"version\" IS NOT NULL")) {
            while (rows.next()) {
                int version;
                try {
                    version = Integer.parseInt(rows.getString(1));
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
                if (newest.isEmpty() || version > newest.getAsInt()) {
                    newest = OptionalInt.of(version);
                }
            }
        }
        return newest;
    }

    /** The digest of the shape of the schema read through {@code statement}, by H2 itself. */
    static String digest(Statement statement) throws SQLException {
        try (var digest = statement.executeQuery("SELECT RAWTOHEX(HASH('SHA-256', LISTAGG(CONCAT(TABLE_NAME, '|', COLUMN_NAME, "
                + "'|', DATA_TYPE, '|', CHARACTER_MAXIMUM_LENGTH, '|', NUMERIC_PRECISION, '|', NUMERIC_SCALE, '|', IS_NULLABLE, "
                + "'|', COLUMN_DEFAULT, '|', IS_IDENTITY), CHAR(10)) WITHIN GROUP (ORDER BY TABLE_NAME, COLUMN_NAME))) "
                + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            digest.next();
            return digest.getString(1);
        }
    }
}
