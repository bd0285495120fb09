package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;
import org.kora.domain.Language;
import org.kora.domain.Messages;

/** Two Kora programs, each in a JVM of its own, on one database file: the second is refused and writes nothing. */
class SecondProgramTest {
    @TempDir
    Path dir;

    private Path database;

    @BeforeEach
    void createADatabase() {
        database = dir.resolve("kora.mv.db");
        try (var store = Store.create(DatabaseFile.of(database))) {
            store.inTransaction(tx -> tx.dao(HospitalDao.class).insert("Nyingchi People's Hospital", HospitalKind.HOME));
        }
    }

    @Test
    void aSecondJvmIsRefusedNamingTheFileAndLeavesItsBytesAlone() throws IOException, InterruptedException {
        try (var store = Store.open(DatabaseFile.of(database))) {
            store.inTransaction(tx -> tx.dao(HospitalDao.class).insert("Beijing Friendship Hospital", HospitalKind.PARTNER));
            var before = SecondProgram.hash(database);
            var second = SecondProgram.start("try", database);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            var err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.exitValue()).as("%s", err).isEqualTo(1);
            assertThat(err).startsWith("store.inUse: ").contains(database.toString())
                    .contains("in use by another Kora window");
            assertThat(SecondProgram.hash(database)).as("bytes unchanged").isEqualTo(before);
            List<Hospital> hospitals = store.inTransaction(tx -> tx.dao(HospitalDao.class).list());
            assertThat(hospitals).hasSize(2);
        }
    }

    @Test
    void thisJvmIsRefusedWhileASecondOneHoldsTheFile() throws IOException, InterruptedException {
        var holder = SecondProgram.holding(database);
        try {
            var before = SecondProgram.hash(database);
            assertThatThrownBy(() -> Store.open(DatabaseFile.of(database))).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.messageKey()).isEqualTo("store.inUse");
                assertThat(new Messages(Language.ZH).format(e)).contains(database.toString()).contains("另一个 Kora 窗口");
            });
            assertThat(SecondProgram.hash(database)).as("bytes unchanged").isEqualTo(before);
        } finally {
            assertThat(SecondProgram.release(holder)).isZero();
        }
        try (var store = Store.open(DatabaseFile.of(database))) {
            List<Hospital> hospitals = store.inTransaction(tx -> tx.dao(HospitalDao.class).list());
            assertThat(hospitals).extracting(Hospital::name).containsExactly("Nyingchi People's Hospital");
        }
    }
}
