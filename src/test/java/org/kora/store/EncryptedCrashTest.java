package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quick kill check of an encrypted file ({@code CIPHER=AES}, {@code WRITE_DELAY=0}): a separate
 * JVM commits rows and is killed hard at a random moment, three times; each time the file reopens
 * with its passphrase and holds every row the writer had reported saved. (The full crash test on
 * sign-offs is another's work; this one holds the encrypted open path to the same standard.)
 */
class EncryptedCrashTest {
    private static final String PASSPHRASE = "turquoise lake at noon";

    @TempDir
    Path dir;

    @Test
    void everyRowReportedSavedSurvivesAKillOfTheWriter() throws Exception {
        var database = dir.resolve("crash");
        var random = new Random(6);
        var kills = 3;
        for (int run = 0; run < kills; run++) {
            var saved = writeUntilKilled(database, "r" + run, 20 + random.nextInt(300));
            assertThat(saved).as("rows reported saved in run %d", run).isNotEmpty();
            var file = DatabaseFile.of(database);
            try (var store = Store.open(file, KeyFile.unlock(file, PASSPHRASE.toCharArray()))) {
                var missing = store.inTransaction(tx -> saved.stream()
                        .filter(name -> tx.dao(SettingDao.class).find(name).isEmpty()).toList());
                assertThat(missing).as("saved rows lost in run %d", run).isEmpty();
            }
        }
    }

    /** Starts the writer, lets it report {@code rows} saved rows (and a few more), then kills it. */
    private static List<String> writeUntilKilled(Path database, String run, int rows) throws IOException, InterruptedException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EncryptedWriter.class.getName(), database.toString(), run);
        builder.environment().put("KORA_PASSPHRASE", PASSPHRASE);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        var process = builder.start();
        var saved = new ArrayList<String>();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("saved ")) {
                    saved.add(line.substring("saved ".length()));
                    if (saved.size() >= rows) {
                        process.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return saved;
    }
}
