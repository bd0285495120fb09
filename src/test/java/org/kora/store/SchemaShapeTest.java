package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.TreeMap;

import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.app.ServiceFactory;

/**
 * {@link SchemaShape#DIGESTS} holds the shape of every schema version Kora's migrations make, and a
 * database Kora made and filled has the shape of its version.
 */
class SchemaShapeTest {
    @TempDir
    Path dir;

    @Test
    void everySchemaVersionHasTheDigestItsMigrationsMake() throws SQLException {
        var made = new TreeMap<Integer, String>();
        var versions = Arrays.stream(SchemaHistory.configure().dataSource("jdbc:h2:mem:versions", "sa", "").load().info().all())
                .map(MigrationInfo::getVersion).toList();
        for (var version : versions) {
            var url = "jdbc:h2:" + dir.resolve("v" + version.getVersion());
            SchemaHistory.configure().dataSource(url, "sa", "").target(version).load().migrate();
            try (var connection = DriverManager.getConnection(url, "sa", ""); var statement = connection.createStatement()) {
                made.put(Integer.valueOf(version.getVersion()), SchemaShape.digest(statement));
            }
        }
        assertThat(SchemaShape.DIGESTS).as("SchemaShape.DIGESTS should be %s", made).isEqualTo(made);
    }

    @Test
    void aFilledDatabaseHasTheShapeOfItsVersion() throws SQLException {
        var file = dir.resolve("kora.mv.db");
        var clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
        try (var services = new ServiceFactory(clock).create(DatabaseFile.of(file))) {
            services.demo().populate();
        }
        try (var connection = DriverManager.getConnection(DatabaseFile.of(file).readOnlyUrl(), "sa", "");
             var statement = connection.createStatement()) {
            assertThat(SchemaShape.matchesItsVersion(statement)).isTrue();
        }
    }

    @Test
    void aRenamedColumnChangesTheShape() throws SQLException {
        var file = dir.resolve("kora.mv.db");
        Store.create(DatabaseFile.of(file)).close();
        BehindKorasBack.execute(file, "ALTER TABLE trainee ALTER COLUMN hospital_id RENAME TO hospital_ie");
        try (var connection = DriverManager.getConnection(DatabaseFile.of(file).readOnlyUrl(), "sa", "");
             var statement = connection.createStatement()) {
            assertThat(SchemaShape.matchesItsVersion(statement)).isFalse();
        }
    }
}
