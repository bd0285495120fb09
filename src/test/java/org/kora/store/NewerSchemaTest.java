package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Language;
import org.kora.domain.Messages;

/** A database a newer Kora migrated is refused, saying which schema version it has, and left as it is. */
class NewerSchemaTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseOfANewerKoraIsRefusedNamingItsVersionAndLeftUnchanged() throws SQLException, IOException {
        var database = dir.resolve("kora.mv.db");
        Store.create(DatabaseFile.of(database)).close();
        BehindKorasBack.execute(database, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", "
                + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                + "VALUES (99, '17', 'from the future', 'SQL', 'V17__from_the_future.sql', 1, 'SA', 1, TRUE)");
        var before = Files.readAllBytes(database);

        assertThatThrownBy(() -> Store.open(DatabaseFile.of(database))).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("store.newerSchema");
            assertThat(new Messages(Language.EN).format(e)).contains(database.toString()).contains("schema version 17");
            assertThat(new Messages(Language.ZH).format(e)).contains("结构版本 17");
        });
        assertThat(Files.readAllBytes(database)).isEqualTo(before);
    }
}
