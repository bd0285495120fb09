package org.kora.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.ChainCheck;
import org.kora.domain.ChainCheck.Broken;
import org.kora.domain.ChainCheck.Fault;
import org.kora.domain.SignOff;
import org.kora.store.AuditDao;
import org.kora.store.AuditEntry;
import org.kora.store.BehindKorasBack;
import org.kora.store.DatabaseFile;
import org.kora.store.SignOffDao;
import org.kora.store.SignOffLedger;
import org.kora.store.Store;

class AuditServiceTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 23).atTime(9, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final PasswordHasher hasher = new PasswordHasher(1000);
    private Path database;
    private Store store;

    @BeforeEach
    void createTheDemo() {
        database = dir.resolve("kora");
        store = Store.create(DatabaseFile.of(database));
        new DemoService(store, hasher, CLOCK).populate();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ChainCheck verifyAs(String username) {
        var session = new AuthService(store, hasher, CLOCK).signIn(username, "demo".toCharArray());
        return new AuditService(store, CLOCK).verifyChain(session);
    }

    private List<SignOff> signOffs() {
        return store.inTransaction(tx -> tx.dao(SignOffDao.class).list());
    }

    private AuditEntry lastAuditLine() {
        List<AuditEntry> lines = store.inTransaction(tx -> tx.dao(AuditDao.class).list());
        return lines.get(lines.size() - 1);
    }

    @Test
    void theDemoChainIsIntactUpToItsHeadAndTheCheckIsAudited() {
        var signOffs = signOffs();
        String head = store.inTransaction(SignOffLedger::head);

        assertThat(verifyAs("admin")).isEqualTo(new ChainCheck.Intact(signOffs.size(), head));
        assertThat(signOffs).hasSizeGreaterThan(20);
        assertThat(lastAuditLine()).satisfies(line -> {
            assertThat(line.username()).isEqualTo("admin");
            assertThat(line.action()).isEqualTo("CHAIN_VERIFIED");
            assertThat(line.detail()).isEqualTo("intact count=" + signOffs.size() + " head=" + head);
        });
    }

    @Test
    void onlyAdministratorsMayVerify() {
        for (var username : List.of("manager", "hr", "mentor")) {
            assertThatThrownBy(() -> verifyAs(username)).as(username).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aRowEditedInTheFileBehindKorasBackIsNamed() throws SQLException {
        var edited = signOffs().get(10);
        store.close();
        BehindKorasBack.execute(database, "DROP TRIGGER signoff_append_only",
                "UPDATE signoff SET performed_count = performed_count + 1 WHERE id = " + edited.id());
        store = Store.open(DatabaseFile.of(database));

        assertThat(verifyAs("admin")).isEqualTo(new Broken(signOffs().size(), edited.id(), Fault.CONTENT_CHANGED, 0));
        assertThat(lastAuditLine().detail()).isEqualTo("broken count=" + signOffs().size() + " entry=" + edited.id()
                + " fault=CONTENT_CHANGED");
    }

    @Test
    void anExportIsRecordedWithWhoWhatAndTheFile() {
        var session = new AuthService(store, hasher, CLOCK).signIn("hr", "demo".toCharArray());
        new AuditService(store, CLOCK).recordExport(session, "calendar-xlsx", Path.of("out", "cal.xlsx"));
        assertThat(auditLog()).last().usingRecursiveComparison()
                .ignoringFields("id").isEqualTo(new AuditEntry(0, CLOCK.instant(), "hr", "EXPORTED",
                        "what=calendar-xlsx file=" + Path.of("out", "cal.xlsx").toAbsolutePath()));
    }

    @Test
    void aPrintIsRecordedWithItsPages() {
        var session = new AuthService(store, hasher, CLOCK).signIn("manager", "demo".toCharArray());
        new AuditService(store, CLOCK).recordPrint(session, "away-list", 4);
        assertThat(auditLog()).last().usingRecursiveComparison()
                .ignoringFields("id").isEqualTo(new AuditEntry(0, CLOCK.instant(), "manager", "PRINTED",
                        "what=away-list pages=4"));
    }

    @Test
    void aVeryLongFileNameIsClippedToWhatTheLogKeeps() {
        var session = new AuthService(store, hasher, CLOCK).signIn("hr", "demo".toCharArray());
        new AuditService(store, CLOCK).recordExport(session, "calendar-pdf", Path.of("d".repeat(200), "e".repeat(200),
                "f".repeat(200), "g".repeat(200), "h".repeat(200), "i".repeat(200), "j".repeat(200), "k".repeat(200),
                "l".repeat(200), "m".repeat(200), "x.pdf"));
        assertThat(auditLog()).last()
                .satisfies(entry -> assertThat(entry.detail()).hasSize(2000));
    }

    private List<AuditEntry> auditLog() {
        return store.inTransaction(tx -> tx.dao(AuditDao.class).list());
    }
}
