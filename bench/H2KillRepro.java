import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * H2 alone, no Kora: loses commits made soon after a cleanly closed file is opened, when the
 * writing JVM is killed (docs/decisions/0020-chunks-appended-compacted-at-close.md). A writer
 * opens a copy of a cleanly closed database with WRITE_DELAY=0, inserts and commits one row at a
 * time and prints each id after commit() returned; it is killed 0-40 ms after it is ready, and
 * the file is reopened to look for every printed id. Four kills per copy, as Kora's CrashTest.
 *
 * <pre>
 * # from the repository's root
 * H2=~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar
 * java -cp $H2 bench/H2KillRepro.java drive /tmp/h2kill 300             # H2's default: losses
 * java -cp $H2 bench/H2KillRepro.java drive /tmp/h2kill 300 ";REUSE_SPACE=FALSE"   # none
 * </pre>
 */
public class H2KillRepro {
    private static final int MAX_DELAY_MS = 40;
    private static final int TEMPLATE_ROWS = 50_000;
    /** The writer is this file run again: start the program from the repository's root. */
    private static final String SOURCE = "bench/H2KillRepro.java";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "drive" -> drive(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 ? args[3] : "");
            case "write" -> write(Path.of(args[1]), args.length > 2 ? args[2] : "");
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static String url(Path base, String extra) {
        return "jdbc:h2:file:" + base + ";WRITE_DELAY=0;IFEXISTS=TRUE" + extra;
    }

    /** A database of 50,000 rows, closed cleanly (H2 compacts it on closing). */
    private static void createTemplate(Path base) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:h2:file:" + base + ";WRITE_DELAY=0", "sa", "")) {
            c.createStatement().execute("CREATE TABLE t(id BIGINT PRIMARY KEY, payload VARCHAR(400))");
            c.createStatement().execute("CREATE TABLE a(id BIGINT AUTO_INCREMENT PRIMARY KEY, tid BIGINT, note VARCHAR(200))");
            c.setAutoCommit(false);
            var insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)");
            for (var i = 1; i <= TEMPLATE_ROWS; i++) {
                insert.setLong(1, i);
                insert.setString(2, "row " + i + " ".repeat(i % 300));
                insert.executeUpdate();
                if (i % 1000 == 0) {
                    c.commit();
                }
            }
            c.commit();
        }
    }

    private static void write(Path base, String extra) throws Exception {
        var out = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        try (var c = DriverManager.getConnection(url(base, extra), "sa", "")) {
            long next;
            try (var rs = c.createStatement().executeQuery("SELECT MAX(id) FROM t")) {
                rs.next();
                next = rs.getLong(1) + 1;
            }
            out.println("ready");
            out.flush();
            c.setAutoCommit(false);
            var row = c.prepareStatement("INSERT INTO t VALUES (?, ?)");
            var note = c.prepareStatement("INSERT INTO a(tid, note) VALUES (?, ?)");
            for (; ; next++) {
                row.setLong(1, next);
                row.setString(2, "new " + next);
                row.executeUpdate();
                note.setLong(1, next);
                note.setString(2, "note " + next);
                note.executeUpdate();
                c.commit();
                out.println("saved " + next);
                out.flush();
            }
        }
    }

    private static void drive(Path dir, int runs, String extra) throws Exception {
        Files.createDirectories(dir);
        var template = dir.resolve("template");
        if (!Files.exists(Path.of(template + ".mv.db"))) {
            createTemplate(template);
        }
        var random = new Random(1);
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int acknowledged = 0, lostRuns = 0, lostRows = 0;
        Path base = null;
        var saved = new TreeSet<Long>();
        for (var run = 0; run < runs; run++) {
            if (run % 4 == 0) {
                base = dir.resolve("run" + run);
                Files.copy(Path.of(template + ".mv.db"), Path.of(base + ".mv.db"), StandardCopyOption.REPLACE_EXISTING);
                saved.clear();
            }
            var writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SOURCE,
                    "write", base.toString(), extra).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            var lines = new ArrayList<String>();
            var ready = new CountDownLatch(1);
            var reader = new Thread(() -> read(writer, lines, ready));
            reader.start();
            if (!ready.await(60, TimeUnit.SECONDS)) {
                writer.destroyForcibly();
                throw new IllegalStateException("the writer never got ready");
            }
            Thread.sleep(random.nextInt(MAX_DELAY_MS));
            writer.destroyForcibly().waitFor();
            reader.join();
            for (var line : lines) {
                if (line.startsWith("saved ")) {
                    saved.add(Long.parseLong(line.substring(6)));
                    acknowledged++;
                }
            }
            var lost = lost(base, saved);
            if (!lost.isEmpty()) {
                lostRuns++;
                lostRows += lost.size();
                saved.removeAll(lost);
                System.out.println("run " + run + ": lost " + lost + " (printed saved this run: " + (lines.size() - 1) + ")");
            }
        }
        System.out.println("url extra '" + extra + "': runs=" + runs + " acknowledged=" + acknowledged
                + " runs with losses=" + lostRuns + " rows lost=" + lostRows);
    }

    private static void read(Process writer, List<String> lines, CountDownLatch ready) {
        try (var in = new BufferedReader(new InputStreamReader(writer.getInputStream()))) {
            for (var line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.equals("ready")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the writer was killed
        }
    }

    private static List<Long> lost(Path base, TreeSet<Long> saved) throws Exception {
        var lost = new ArrayList<Long>();
        try (var c = DriverManager.getConnection(url(base, ""), "sa", "");
             var find = c.prepareStatement("SELECT COUNT(*) FROM t WHERE id = ?")) {
            for (var id : saved) {
                find.setLong(1, id);
                try (var rs = find.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        lost.add(id);
                    }
                }
            }
        }
        return lost;
    }
}
