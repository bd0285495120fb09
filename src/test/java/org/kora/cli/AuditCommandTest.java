package org.kora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.app.ServiceFactory;
import org.kora.domain.SignOff;
import org.kora.store.BehindKorasBack;
import org.kora.store.DatabaseFile;
import org.kora.store.SignOffDao;

class AuditCommandTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 23).atTime(9, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ServiceFactory factory = new ServiceFactory(CLOCK);
    private final Map<String, String> environment = new HashMap<>();
    private StringWriter out;
    private StringWriter err;
    private Path database;
    private List<SignOff> signOffs;

    @BeforeEach
    void createTheDemo() {
        database = dir.resolve("kora");
        try (var services = factory.create(DatabaseFile.of(database))) {
            services.demo().populate();
            signOffs = services.store().inTransaction(tx -> tx.dao(SignOffDao.class).list());
        }
        environment.put("KORA_PASSWORD", "demo");
    }

    private int kora(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        var commandLine = KoraCommand.commandLine(new FileBackend(factory, database, environment), "test");
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void theUntouchedDemoPassesWithItsCountAndHead() {
        assertThat(kora("audit", "verify", "--user", "admin")).isEqualTo(0);
        assertThat(out.toString().strip()).isEqualTo(String.format(Locale.ENGLISH, "%,d", signOffs.size())
                + " sign-offs, chain intact, head "
                + signOffs.get(signOffs.size() - 1).hash());
    }

    @Test
    void aRowEditedWithSqlBehindKorasBackFailsNamingIt() throws SQLException {
        var edited = signOffs.get(signOffs.size() / 2);
        BehindKorasBack.execute(database, "DROP TRIGGER signoff_append_only",
                "UPDATE signoff SET level = 'INDEPENDENT', performed_count = 3 WHERE id = " + edited.id());

        assertThat(kora("audit", "verify", "--user", "admin")).isEqualTo(1);
        assertThat(err.toString()).startsWith("Sign-off " + edited.id() + ": its stored content no longer matches its "
                + "hash: it was changed after it was signed.").contains("Restore the latest backup");
        assertThat(out.toString()).isEmpty();

        assertThat(kora("--lang", "zh", "audit", "verify", "--user", "admin")).isEqualTo(1);
        assertThat(err.toString()).startsWith("签字 " + edited.id() + "：存储的内容与其哈希值不符");
    }

    @Test
    void theNewestSignOffsDeletedBehindKorasBackAreFound() throws SQLException {
        var last = signOffs.get(signOffs.size() - 1).id();
        BehindKorasBack.execute(database, "DROP TRIGGER signoff_append_only",
                "DELETE FROM signoff WHERE id >= " + (last - 1));

        assertThat(kora("audit", "verify", "--user", "admin")).isEqualTo(1);
        assertThat(err.toString()).startsWith("The newest sign-offs were removed: the log ends before sign-off "
                + (last - 1) + ", but the newest sign-off Kora signed is " + last + ".");
    }

    @Test
    void onlyAnAdministratorMayVerify() {
        assertThat(kora("audit", "verify", "--user", "manager")).isEqualTo(1);
        assertThat(err.toString()).contains("The account manager may not do this");
    }

    @Test
    void missingSubcommandOrUserIsAUsageError() {
        assertThat(kora("audit")).isEqualTo(2);
        assertThat(kora("audit", "verify")).isEqualTo(2);
        assertThat(kora("audit", "check", "--user", "admin")).isEqualTo(2);
    }
}
