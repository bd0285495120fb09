package org.kora.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The program that {@link CrashTest} kills: opens a demo database as Kora does and, until it is
 * killed, alternates a mentor's sign-off and an administrator's import of a few new trainees, both
 * through the real services ({@link DemoWrites}). After each call returns it prints what was saved
 * and flushes, so that every line the test reads is a write the user was told is saved:
 *
 * <pre>
 * ready
 * signoff ID HASH
 * import N FIRST_STAFF_NO
 * </pre>
 *
 * Arguments: the database file, a folder for the import files, and a tag unique to this start. An
 * encrypted database is unlocked with the passphrase in KORA_PASSPHRASE, as the command line does.
 * Exits by itself when its standard input closes, so that it never outlives a test that died.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) throws IOException {
        var file = DatabaseFile.of(Path.of(args[0]));
        var folder = Path.of(args[1]);
        var tag = args[2];
        exitWhenStdinCloses();
        var out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        var passphrase = System.getenv("KORA_PASSPHRASE");
        try (var store = Store.open(file, passphrase == null ? null : KeyFile.unlock(file, passphrase.toCharArray()))) {
            var writes = new DemoWrites(store, folder, tag);
            out.println("ready");
            out.flush();
            for (var step = 0; ; step++) {
                out.println(writes.signOff(step));
                out.flush();
                out.println(writes.importTrainees(step));
                out.flush();
            }
        }
    }

    private static void exitWhenStdinCloses() {
        var watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    continue;
                }
            } catch (IOException e) {
                // the test is gone either way
            }
            Runtime.getRuntime().halt(3);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
