package org.kora.store;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.kora.domain.KoraException;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.ui.ErrorText;

/**
 * The program that {@link FullDiskTest} runs under a limit on the size of the files it may write (the
 * test sets it from outside with {@code prlimit}): it does what its standard input asks, one command a
 * line, through the real services ({@link DemoWrites}), and answers each with one line once the call
 * has returned:
 *
 * <pre>
 * open          → opened
 * signoff       → signoff ID HASH           (as CrashWriter prints it)
 * import        → import N FIRST_STAFF_NO   (as CrashWriter prints it)
 * read          → read N                    (the mentor's mentees)
 * backup ZIP    → backup ZIP
 * size          → size BYTES                (of the database file)
 * space         → space BYTES               (free on the database's disk)
 * files DIR     → files NAME…               (what is in a folder on that disk)
 * delete FILE   → deleted FILE              (makes space on that disk)
 * close         → closed                    (and the program ends)
 * </pre>
 *
 * Started and driven by {@link Running}. A call that fails is answered {@code refused WHAT CLASS KEY<tab>ENGLISH<tab>CHINESE}: the
 * exception's class, its message key, and the sentence the window shows in each language
 * ({@link ErrorText}, as the screens' error lines do); WHAT names the sign-off by its case reference
 * and the import by its batch, so that the test can look for them in the file. A failure that is not
 * a refusal in words is answered {@code failed WHAT CLASS MESSAGE}.
 * Arguments: the database file, a folder for the import files, and a tag {@code W<number>} unique to
 * this start. An encrypted database is unlocked with the passphrase in KORA_PASSPHRASE, as the
 * command line does.
 */
public final class FullDiskWriter {
    private static final Messages ENGLISH = new Messages(Language.EN);
    private static final Messages CHINESE = new Messages(Language.ZH);

    private FullDiskWriter() {
    }

    public static void main(String[] args) throws IOException {
        var file = DatabaseFile.of(Path.of(args[0]));
        var folder = Path.of(args[1]);
        var tag = args[2];
        var passphrase = System.getenv("KORA_PASSPHRASE");
        var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // the log (logback-test.xml: the console) goes to standard error, so that standard output holds answers only
        System.setOut(System.err);
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Store store = null;
        DemoWrites writes = null;
        var step = 0;
        for (String command; (command = in.readLine()) != null; ) {
            var words = command.split(" ", 2);
            var what = words[0];
            try {
                switch (what) {
                    case "open" -> {
                        store = Store.open(file, passphrase == null ? null
                                : KeyFile.unlock(file, passphrase.toCharArray()));
                        writes = new DemoWrites(store, folder, tag);
                        out.println("opened");
                    }
                    case "signoff" -> {
                        what = "signoff " + writes.caseReference(step);
                        out.println(writes.signOff(step++));
                    }
                    case "import" -> {
                        what = "import " + writes.batch(step);
                        out.println(writes.importTrainees(step++));
                    }
                    case "read" -> out.println("read " + writes.readMentees());
                    case "backup" -> {
                        new Backups(store, DemoWrites.CLOCK).backUpTo(Path.of(words[1]));
                        out.println("backup " + words[1]);
                    }
                    case "size" -> out.println("size " + Files.size(file.file()));
                    case "space" -> out.println("space " + Files.getFileStore(file.file()).getUsableSpace());
                    case "delete" -> {
                        Files.delete(Path.of(words[1]));
                        out.println("deleted " + words[1]);
                    }
                    case "files" -> {
                        try (var names = Files.list(Path.of(words[1]))) {
                            out.println(String.join(" ", Stream.concat(Stream.of("files"),
                                    names.map(name -> name.getFileName().toString()).sorted()).toList()));
                        }
                    }
                    case "close" -> {
                        if (store != null) {
                            store.close();
                        }
                        out.println("closed");
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown command " + command);
                }
            } catch (KoraException refused) {
                out.println("refused " + what + " " + refused.getClass().getName() + " " + refused.messageKey() + "\t"
                        + oneLine(ErrorText.of(refused, ENGLISH)) + "\t" + oneLine(ErrorText.of(refused, CHINESE)));
            } catch (RuntimeException | IOException e) {
                out.println("failed " + what + " " + e.getClass().getName() + " " + oneLine(String.valueOf(e.getMessage())));
            }
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /**
     * A writer in a JVM of its own, on this JVM's class path, asked one command at a time. The limit
     * on the size of the files it may write (RLIMIT_FSIZE) is set from outside with {@code prlimit}:
     * past it, the operating system refuses a write with EFBIG ("File too large"), and Java sees an
     * IOException, as when the disk is full.
     */
    static final class Running implements AutoCloseable {
        /** How this machine lets a program mount a disk of its own, if it does: see {@link #startOnSmallDisk}. */
        private static Optional<List<String>> unshare;

        private final Process process;
        private final DatabaseFile file;
        private final BufferedWriter commands;
        private final BufferedReader answers;
        private final Path errors;

        private Running(Process process, DatabaseFile file, Path errors) {
            this.process = process;
            this.file = file;
            this.errors = errors;
            commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /**
         * Starts a writer on {@code file}, encrypted with {@code passphrase} or plain if it is null; its
         * import files and its standard error go to {@code folder}.
         */
        static Running start(DatabaseFile file, Path folder, String tag, String passphrase) throws IOException {
            var errors = folder.resolve(tag + ".err");
            var builder = new ProcessBuilder(java(file, folder, tag)).redirectError(errors.toFile());
            if (passphrase != null) {
                builder.environment().put("KORA_PASSPHRASE", passphrase);
            }
            return new Running(builder.start(), file, errors);
        }

        /**
         * Starts a writer whose database lives on a disk of its own, {@code diskBytes} large: a tmpfs
         * mounted in a private mount namespace ({@code unshare}), which nobody else sees and which goes
         * when the writer ends. The files of {@code file}'s folder are copied onto it before the writer
         * starts, and back, replacing them, once it has ended: the test reads what the writer left on
         * its disk. Import files and standard error go to {@code folder}, on the test's disk.
         */
        static Running startOnSmallDisk(DatabaseFile file, Path folder, String tag, String passphrase, long diskBytes)
                throws IOException {
            var home = file.file().getParent();
            var disk = Files.createDirectories(home.resolveSibling(home.getFileName() + "-disk"));
            var onDisk = DatabaseFile.of(disk.resolve(file.file().getFileName()));
            var command = new ArrayList<>(unshare.orElseThrow());
            command.addAll(List.of("sh", "-c", "size=$1 disk=$2 home=$3; shift 3; "
                    + "mount -t tmpfs -o size=$size kora-small-disk \"$disk\" && cp -p \"$home\"/* \"$disk\"/ || exit 90; "
                    + "\"$@\"; code=$?; rm -f \"$home\"/*; cp -p \"$disk\"/* \"$home\"/; exit $code",
                    "sh", String.valueOf(diskBytes), disk.toString(), home.toString()));
            command.addAll(java(onDisk, folder, tag));
            var errors = folder.resolve(tag + ".err");
            var builder = new ProcessBuilder(command).redirectError(errors.toFile());
            if (passphrase != null) {
                builder.environment().put("KORA_PASSPHRASE", passphrase);
            }
            return new Running(builder.start(), onDisk, errors);
        }

        private static List<String> java(DatabaseFile file, Path folder, String tag) {
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), FullDiskWriter.class.getName(), file.file().toString(),
                    folder.toString(), tag);
        }

        /**
         * Whether a program may mount a small disk of its own here: as root in a mount namespace, or as
         * anyone in a user namespace too, where the kernel allows that. Tried once, in {@code scratch}.
         */
        static synchronized boolean canMountSmallDisk(Path scratch) throws IOException {
            if (unshare == null) {
                unshare = Optional.empty();
                var point = Files.createDirectories(scratch.resolve("probe-disk"));
                for (var tried : List.of(List.of("unshare", "--mount", "--propagation", "private"),
                        List.of("unshare", "--user", "--map-root-user", "--mount", "--propagation", "private"))) {
                    var command = new ArrayList<>(tried);
                    command.addAll(List.of("sh", "-c", "mount -t tmpfs -o size=64k kora-probe \"$1\"", "sh",
                            point.toString()));
                    if (succeeds(command)) {
                        unshare = Optional.of(tried);
                        break;
                    }
                }
            }
            return unshare.isPresent();
        }

        private static boolean succeeds(List<String> command) {
            try {
                return new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** The database file as the writer names it (on its own disk, if it has one). */
        DatabaseFile file() {
            return file;
        }

        /** Whether {@code prlimit} can set a running program's limits here (util-linux, on Linux). */
        static boolean canLimit() {
            return succeeds(List.of("prlimit", "--version"));
        }

        /** Gives {@code command} to the writer and waits for its answer. */
        String ask(String command) throws IOException {
            commands.write(command);
            commands.newLine();
            commands.flush();
            var answer = answers.readLine();
            if (answer == null) {
                throw new IllegalStateException("the writer ended without answering " + command + ": "
                        + Files.readString(errors));
            }
            return answer;
        }

        /** From now on, the writer may write no file past {@code bytes}; a negative value lifts the limit. */
        void limitFileSize(long bytes) throws IOException, InterruptedException {
            var limit = bytes < 0 ? "unlimited" : String.valueOf(bytes);
            // the soft limit only, so that it can be lifted again without privileges
            var prlimit = new ProcessBuilder("prlimit", "--pid", String.valueOf(process.pid()), "--fsize=" + limit + ":")
                    .redirectErrorStream(true).start();
            var said = new String(prlimit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (prlimit.waitFor() != 0) {
                throw new IllegalStateException("prlimit failed: " + said);
            }
        }

        /** Asks the writer to close the database as Kora does on leaving, and waits for it to end; its exit code. */
        int closeDatabase() throws IOException, InterruptedException {
            var answer = ask("close");
            if (!answer.equals("closed")) {
                throw new IllegalStateException("the writer answered " + answer + " to close");
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the writer did not end after closing");
            }
            return process.exitValue();
        }

        /** Ends the writer if it is still running (a test that failed half way). */
        @Override
        public void close() throws IOException {
            // without its input a writer ends by itself, on its own disk too, where the process is a shell
            commands.close();
            if (process.isAlive()) {
                try {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
