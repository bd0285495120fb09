package org.kora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.app.ServiceFactory;
import org.kora.store.DatabaseFile;

/** {@code kora demo --encrypt}, and the commands that sign in opening what it made. */
class EncryptedDemoCommandTest {
    private static final ServiceFactory FACTORY = new ServiceFactory(
            Clock.fixed(Instant.parse("2026-11-23T02:30:00Z"), ZoneId.of("Asia/Shanghai")));
    private static final String PASSPHRASE = "yak butter tea at dawn";

    @TempDir
    static Path shared;
    private static Path database;
    private static String createdOut;
    private static int created;

    private final Map<String, String> environment = new HashMap<>();
    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void createTheEncryptedDemo() {
        database = shared.resolve("secret");
        var environment = new HashMap<String, String>();
        environment.put(Passphrases.VARIABLE, PASSPHRASE);
        var out = new StringWriter();
        var commandLine = KoraCommand.commandLine(new FileBackend(FACTORY, database, environment), "test");
        commandLine.setOut(new PrintWriter(out, true));
        created = commandLine.execute("demo", "--db", database.toString(), "--encrypt");
        createdOut = out.toString();
    }

    @BeforeEach
    void signInAsAdmin() {
        environment.put(Credentials.PASSWORD_VARIABLE, "demo");
    }

    private int kora(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        var commandLine = KoraCommand.commandLine(new FileBackend(FACTORY, database, environment), "test");
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void demoWithEncryptMakesAnEncryptedFileAndItsKeyFile() {
        var file = DatabaseFile.of(database);
        assertThat(created).isZero();
        assertThat(file.isEncrypted()).isTrue();
        assertThat(Files.isRegularFile(file.keyFile())).isTrue();
        assertThat(createdOut).contains("Encrypted: it opens only with its passphrase and with its key file beside it");
    }

    @Test
    void aCommandOpensItWithThePassphraseFromTheVariable() {
        environment.put(Passphrases.VARIABLE, PASSPHRASE);
        assertThat(kora("audit", "verify", "--user", "admin")).isZero();
        assertThat(out.toString()).contains("chain intact");
    }

    @Test
    void aWrongPassphraseIsSaidPlainly() {
        environment.put(Passphrases.VARIABLE, "yak butter tea at dusk");
        assertThat(kora("audit", "verify", "--user", "admin")).isEqualTo(1);
        assertThat(err.toString()).contains("The passphrase is not correct.");
    }

    @Test
    void noPassphraseAtAllIsSaidPlainly() {
        assertThat(kora("audit", "verify", "--user", "admin")).isEqualTo(1);
        assertThat(err.toString()).contains("No passphrase: set the KORA_PASSPHRASE variable");
    }

    @Test
    void aShortPassphraseMakesNoDatabase(@TempDir Path dir) {
        var other = dir.resolve("short");
        environment.put(Passphrases.VARIABLE, "too short");
        assertThat(kora("demo", "--db", other.toString(), "--encrypt")).isNotZero();
        assertThat(err.toString()).contains("A passphrase needs at least 12 characters.");
        assertThat(DatabaseFile.of(other).exists()).isFalse();
        assertThat(Files.exists(DatabaseFile.of(other).keyFile())).isFalse();
    }
}
