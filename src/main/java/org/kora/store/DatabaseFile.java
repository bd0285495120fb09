package org.kora.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kora database file as the user names it ({@code …/kora.mv.db}, or the same without the
 * extension), and the H2 URL that opens it with the settings FACTS.md calls for.
 */
public record DatabaseFile(Path file) {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFile.class);
    private static final String EXTENSION = ".mv.db";
    /** How H2 begins a file it encrypts ({@code FilePathEncrypt}); a plain file begins "H:2,". */
    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

    public DatabaseFile {
        file = file.toAbsolutePath().normalize();
        if (!file.getFileName().toString().endsWith(EXTENSION)) {
            file = file.resolveSibling(file.getFileName() + EXTENSION);
        }
    }

    public static DatabaseFile of(Path path) {
        return new DatabaseFile(path);
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The key file beside an encrypted database ({@code <name>.key}), see {@link KeyFile}. */
    public Path keyFile() {
        return file.resolveSibling(baseName() + ".key");
    }

    /**
     * The key file a restore brought and moves in right after the database ({@code <name>-restored.key}):
     * there only if that restore was cut short in between, see {@link Store#openWithPassphrase}.
     */
    public Path restoredKeyFile() {
        return file.resolveSibling(baseName() + "-restored.key");
    }

    /**
     * Whether the database file is encrypted, read from its first bytes: so that an encrypted file
     * opened without its key is told apart from a damaged one (H2 calls both "file corrupted").
     */
    public boolean isEncrypted() {
        try (InputStream in = Files.newInputStream(file)) {
            return beginsEncrypted(in);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the bytes of a database file that {@code in} reads from its start are an encrypted file's. */
    static boolean beginsEncrypted(InputStream in) throws IOException {
        return Arrays.equals(in.readNBytes(ENCRYPTED_HEADER.length), ENCRYPTED_HEADER);
    }

    /** The file's length in bytes; 0 if it cannot be read. */
    long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Removes the files H2 keeps for this database, the database itself and its trace file, as far
     * as it can: a file that cannot be removed is logged and left.
     */
    void removeFromDisk() {
        for (var leftover : List.of(file, file.resolveSibling(baseName() + ".trace.db"))) {
            try {
                Files.deleteIfExists(leftover);
            } catch (IOException e) {
                LOG.warn("Cannot remove {}", leftover, e);
            }
        }
    }

    /**
     * Where H2 writes the compacted copy of the database while closing ({@code SHUTDOWN COMPACT});
     * the copy replaces the file once it is complete.
     */
    Path compactionCopy() {
        return file.resolveSibling(file.getFileName() + ".tempFile");
    }

    private String baseName() {
        var name = file.getFileName().toString();
        return name.substring(0, name.length() - EXTENSION.length());
    }

    /**
     * The H2 URL: {@code WRITE_DELAY=0} so that a commit is on disk before the user is told it is
     * saved; {@code REUSE_SPACE=FALSE} so that every commit is appended at the end of the file, where
     * H2 finds it again after a kill (written into a gap that closing left, the first commits after
     * an open were lost: docs/decisions/0020-chunks-appended-compacted-at-close.md; {@link Store#close}
     * compacts what this leaves behind); {@code IFEXISTS=TRUE} unless creating, so that a mistyped
     * path never silently creates an empty database; never {@code AUTO_SERVER}, so that a second program is refused;
     * {@code CIPHER=AES} when encrypted, the key going with the password (see {@link FileKey}).
     */
    String url(boolean create) {
        return url(create, false);
    }

    String url(boolean create, boolean encrypted) {
        return "jdbc:h2:file:" + file.resolveSibling(baseName()) + ";WRITE_DELAY=0;REUSE_SPACE=FALSE"
                + (create ? "" : ";IFEXISTS=TRUE") + (encrypted ? ";CIPHER=AES" : "");
    }

    /** The URL that opens the existing database without any write to its file, not even a repair by H2. */
    String readOnlyUrl() {
        return url(false) + ";ACCESS_MODE_DATA=r";
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
