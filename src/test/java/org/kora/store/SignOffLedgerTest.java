package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jdbi.v3.sqlobject.SqlObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.ChainAnchor;
import org.kora.domain.ChainCheck;
import org.kora.domain.ChainCheck.Broken;
import org.kora.domain.ChainCheck.Fault;
import org.kora.domain.Competency;
import org.kora.domain.Department;
import org.kora.domain.HospitalKind;
import org.kora.domain.Mentor;
import org.kora.domain.Profession;
import org.kora.domain.SignOff;
import org.kora.domain.SignOffChain;
import org.kora.domain.SignOffLevel;
import org.kora.domain.Trainee;

/** The sign-off log on a real H2 file: appended only through the ledger, refused any change by the database. */
class SignOffLedgerTest {
    private static final Instant SIGNED = Instant.parse("2026-06-15T09:30:00.123456789Z");

    /** Kora's own DAOs send no such SQL; this is what another program on the file could send. */
    interface RawSql extends SqlObject {
    }

    /** Who signs for whom, as inserted. */
    private record Seed(long trainee, long competency, long mentor) {
    }

    @TempDir
    Path dir;

    private Store store;
    private Seed seed;

    @BeforeEach
    void createStore() {
        store = Store.create(DatabaseFile.of(dir.resolve("kora")));
        seed = store.inTransaction(tx -> {
            var hospitals = tx.dao(HospitalDao.class);
            var home = hospitals.insert("Batang County People's Hospital", HospitalKind.HOME);
            var partner = hospitals.insert("Shuangliu District People's Hospital", HospitalKind.PARTNER);
            hospitals.insertPartnership(home, partner);
            var department = tx.dao(DepartmentDao.class).insert(Department.home(0, home, "麻醉科", 6, 4));
            var mentor = tx.dao(MentorDao.class).insert(new Mentor(0, partner, department, "M-001", "王丽", 2));
            var trainee = tx.dao(TraineeDao.class).insert(new Trainee(0, home, department, "0042", "扎西",
                    Profession.DOCTOR, null, null, null, null));
            var competency = tx.dao(CompetencyDao.class).insert(new Competency(0, department, "气管插管",
                    "Tracheal intubation", "Airway", 10, SignOffLevel.SUPERVISED, 1));
            return new Seed(trainee, competency, mentor);
        });
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private SignOff draft(int n) {
        return new SignOff(0, seed.trainee(), seed.competency(), LocalDate.parse("2026-06-15"), SignOffLevel.ASSISTED, n,
                "CASE-" + n, null, seed.mentor(), SIGNED.plusSeconds(n), null, null, null, null);
    }

    private List<SignOff> append(int from, int to) {
        return store.inTransaction(tx -> {
            var stored = new ArrayList<SignOff>();
            for (var n = from; n <= to; n++) {
                stored.add(SignOffLedger.append(tx, draft(n)));
            }
            return stored;
        });
    }

    private List<SignOff> signOffs() {
        return store.inTransaction(tx -> tx.dao(SignOffDao.class).list());
    }

    private Optional<String> anchorText() {
        return store.inTransaction(tx -> tx.dao(SettingDao.class).find(SignOffLedger.ANCHOR));
    }

    private List<AuditEntry> auditLines() {
        return store.inTransaction(tx -> tx.dao(AuditDao.class).list());
    }

    private ChainCheck verify() {
        return store.inTransaction(SignOffLedger::verify);
    }

    /** Runs {@code sql} on one of the store's own connections, in its own transaction. */
    private void execute(String sql) {
        store.inTransaction(tx -> tx.dao(RawSql.class).getHandle().execute(sql));
    }

    /** A second connection to the open file, as another program in this process would make one. */
    private java.sql.Connection connect() throws SQLException {
        return DriverManager.getConnection(store.file().url(false), "sa", "");
    }

    @Test
    void appendedEntriesAreNumberedChainedAndAnchored() {
        var stored = append(1, 3);

        assertThat(stored).extracting(SignOff::id).containsExactly(1L, 2L, 3L);
        assertThat(stored.get(0).previousHash()).isEqualTo(SignOffChain.GENESIS);
        assertThat(stored.get(2).previousHash()).isEqualTo(stored.get(1).hash());
        assertThat(signOffs()).isEqualTo(stored);
        assertThat(anchorText())
                .contains(new ChainAnchor(3, stored.get(2).hash(), 3).text());
        assertThat(verify()).isEqualTo(new ChainCheck.Intact(3, stored.get(2).hash()));
    }

    @Test
    void newDatabaseHasTheEmptyAnchorAndAnIntactChain() {
        assertThat(anchorText())
                .contains(ChainAnchor.EMPTY.text());
        assertThat(verify()).isEqualTo(new ChainCheck.Intact(0, SignOffChain.GENESIS));
    }

    @Test
    void momentSignedIsKeptToTheMillisecondTheHashCovers() {
        var stored = append(1, 1).get(0);
        assertThat(stored.signedAt()).isEqualTo(Instant.parse("2026-06-15T09:30:01.123Z"));
        assertThat(signOffs()).containsExactly(stored);
    }

    @Test
    void updatingASignOffIsRefusedAndChangesNothing() {
        var before = append(1, 2);
        assertThatThrownBy(() -> execute("UPDATE signoff SET performed_count = 9 WHERE id = 1"))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.messageKey()).isEqualTo("store.writeFailed"))
                .hasMessageContaining("signoff is append-only");
        assertThat(signOffs()).isEqualTo(before);
    }

    @Test
    void deletingASignOffIsRefusedAndRemovesNothing() {
        var before = append(1, 2);
        assertThatThrownBy(() -> execute("DELETE FROM signoff WHERE id = 2")).isInstanceOf(StoreException.class)
                .hasMessageContaining("signoff is append-only");
        assertThatThrownBy(() -> execute("DELETE FROM signoff")).isInstanceOf(StoreException.class);
        assertThat(signOffs()).isEqualTo(before);
    }

    @Test
    void anotherConnectionToTheFileIsRefusedAsWell() throws SQLException {
        var before = append(1, 2);
        try (var connection = connect(); var statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE signoff SET comment = 'better' WHERE id = 2"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM signoff WHERE id = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(signOffs()).isEqualTo(before);
    }

    @Test
    void truncatingTheSignOffsOrTheAuditLogIsRefused() {
        var before = append(1, 2);
        store.inTransaction(tx -> {
            tx.dao(AuditDao.class).record(SIGNED, "admin", "LOGIN_FAILED", null);
            return null;
        });
        // H2 fires no trigger on TRUNCATE; the foreign keys that reference both tables refuse it
        assertThatThrownBy(() -> execute("TRUNCATE TABLE signoff")).isInstanceOf(StoreException.class)
                .hasMessageContaining("Cannot truncate");
        assertThatThrownBy(() -> execute("TRUNCATE TABLE audit_log")).isInstanceOf(StoreException.class)
                .hasMessageContaining("Cannot truncate");
        assertThat(signOffs()).isEqualTo(before);
        assertThat(auditLines()).hasSize(1);
    }

    @Test
    void updatingOrDeletingAuditLinesIsRefusedAndChangesNothing() {
        store.inTransaction(tx -> {
            tx.dao(AuditDao.class).record(SIGNED, "mallory", "LOGIN_FAILED", null);
            return null;
        });
        var before = auditLines();
        assertThatThrownBy(() -> execute("UPDATE audit_log SET username = 'admin'")).isInstanceOf(StoreException.class)
                .hasMessageContaining("audit_log is append-only");
        assertThatThrownBy(() -> execute("DELETE FROM audit_log WHERE action = 'LOGIN_FAILED'"))
                .isInstanceOf(StoreException.class).hasMessageContaining("audit_log is append-only");
        assertThat(auditLines()).isEqualTo(before);
    }

    @Test
    void appendsAtOnceFollowEachOtherInsteadOfForkingTheChain() throws Exception {
        var threads = 4;
        var each = 15;
        var start = new CyclicBarrier(threads);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var results = new ArrayList<Future<Void>>();
            for (var t = 0; t < threads; t++) {
                var first = 1 + t * each;
                Callable<Void> appender = () -> {
                    start.await();
                    for (var n = first; n < first + each; n++) {
                        var number = n;
                        store.inTransaction(tx -> SignOffLedger.append(tx, draft(number)));
                    }
                    return null;
                };
                results.add(pool.submit(appender));
            }
            for (var result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(verify()).isInstanceOfSatisfying(ChainCheck.Intact.class,
                intact -> assertThat(intact.count()).isEqualTo(threads * each));
    }

    @Test
    void noSignOffIsAddedToAChainWhoseNewestEntriesWereRemoved() throws SQLException {
        append(1, 3);
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER signoff_append_only");
            statement.executeUpdate("DELETE FROM signoff WHERE id = 3");
        }
        assertThat(verify()).isEqualTo(new Broken(2, 3, Fault.REMOVED_AT_END, 3));

        assertThatThrownBy(() -> append(4, 4)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.messageKey()).isEqualTo("store.chainTampered"));
        assertThat(signOffs()).hasSize(2);
    }
}
