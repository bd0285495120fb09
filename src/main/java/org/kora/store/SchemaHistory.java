package org.kora.store;

import java.util.Arrays;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Kora's migrations as Flyway applies them and the history a database keeps of them. Kora's
 * migrations never change once released, so a history that no longer matches them (another
 * description, another checksum) was damaged; one that lists migrations Kora does not have was
 * written by a newer Kora.
 */
final class SchemaHistory {
    private SchemaHistory() {
    }

    /**
     * Flyway over Kora's migrations, still to be given its data source. Validating a history passes
     * over migrations it has yet to apply and over those of a newer Kora ({@link #newerVersion}).
     */
    static FluentConfiguration configure() {
        return Flyway.configure().locations("classpath:db/migration").ignoreMigrationPatterns("*:pending", "*:future");
    }

    /** The newest schema version in the history that this Kora does not know, if any. */
    static Optional<String> newerVersion(MigrationInfoService info) {
        return Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .reduce((first, second) -> second)
                .map(m -> m.getVersion().getVersion());
    }
}
