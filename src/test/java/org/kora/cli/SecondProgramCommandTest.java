package org.kora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.app.ServiceFactory;
import org.kora.store.DatabaseFile;
import org.kora.store.SecondProgram;

class SecondProgramCommandTest {
    @TempDir
    Path dir;

    @Test
    void aCommandOnAFileInUseExitsOneWithTheMessage() throws IOException, InterruptedException {
        var database = dir.resolve("kora.mv.db");
        var factory = new ServiceFactory(Clock.systemUTC());
        factory.create(DatabaseFile.of(database)).close();
        var holder = SecondProgram.holding(database);
        try {
            var err = new StringWriter();
            var commandLine = KoraCommand.commandLine(new FileBackend(factory, database, Map.of("KORA_PASSWORD", "x")),
                    "test");
            commandLine.setOut(new PrintWriter(new StringWriter(), true));
            commandLine.setErr(new PrintWriter(err, true));
            assertThat(commandLine.execute("--lang", "zh", "audit", "verify", "--user", "admin", "--db",
                    database.toString())).isEqualTo(1);
            assertThat(err.toString().strip()).isEqualTo("数据库 " + database + " 正被另一个 Kora 窗口使用。请先关闭那个窗口。");
        } finally {
            assertThat(SecondProgram.release(holder)).isZero();
        }
    }
}
