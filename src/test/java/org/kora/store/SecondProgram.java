package org.kora.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.kora.domain.Language;
import org.kora.domain.Messages;

/**
 * A second Kora in a JVM of its own, for the tests of two programs on one file.
 * {@code try FILE}: opens the file and exits 0, or prints the refusal and exits 1.
 * {@code hold FILE}: opens the file, prints "held", and keeps it open until its input closes.
 * {@code hash FILE}: prints the file's SHA-256. A JVM holding the file must not read it itself: on
 * Linux, closing any channel to a file drops every lock the process holds on it, H2's included.
 */
public final class SecondProgram {
    private SecondProgram() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        if (args[0].equals("hash")) {
            System.out.println(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(Path.of(args[1])))));
            System.exit(0);
        }
        var file = DatabaseFile.of(Path.of(args[1]));
        try (var store = Store.open(file)) {
            if (args[0].equals("hold")) {
                System.out.println("held " + store.file());
                System.out.flush();
                while (System.in.read() >= 0) {
                    // holds the file until the test closes the input
                }
            }
        } catch (StoreException e) {
            System.err.println(e.messageKey() + ": " + new Messages(Language.EN).format(e));
            System.exit(1);
        }
        System.exit(0);
    }

    /** Starts {@code java SecondProgram mode file} on this JVM's class path. */
    public static Process start(String mode, Path file) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SecondProgram.class.getName(),
                mode, file.toString()).start();
    }

    /** Starts a second program holding {@code file} open, and returns once it holds it. */
    public static Process holding(Path file) throws IOException {
        var process = start("hold", file);
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var line = out.readLine();
        if (line == null || !line.startsWith("held ")) {
            process.destroyForcibly();
            throw new IllegalStateException("the second program did not open " + file + ": "
                    + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return process;
    }

    /** The SHA-256 of {@code file}, read by another JVM so that this one keeps its lock on the file. */
    public static String hash(Path file) throws IOException, InterruptedException {
        var process = start("hash", file);
        var hash = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0 || hash.length() != 64) {
            throw new IllegalStateException("cannot hash " + file);
        }
        return hash;
    }

    /** Lets a holding program close the file and waits for it to end; its exit code. */
    public static int release(Process process) throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the second program did not end");
        }
        return process.exitValue();
    }
}
