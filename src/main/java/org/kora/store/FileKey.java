package org.kora.store;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The random 256-bit key H2 encrypts a database file with ({@code CIPHER=AES}). H2 stretches its
 * file password with only 10 iterations and checks no integrity (FACTS.md), so the file password
 * is never a human passphrase but this key, and it is never written beside the database in the
 * clear: {@link KeyFile} keeps it sealed with the passphrase. Pass one to {@link Store#open} and
 * {@link Store#create} to open or create an encrypted database.
 */
public final class FileKey {
    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    FileKey(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("A file key has " + BYTES + " bytes, not " + key.length);
        }
        this.key = key.clone();
    }

    static FileKey random() {
        var key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return new FileKey(key);
    }

    byte[] bytes() {
        return key.clone();
    }

    /**
     * The password H2 wants for an encrypted file: the file password (this key in hex), a space,
     * then the user's password, which Kora leaves empty (its accounts live in the database).
     */
    String h2Password() {
        return HexFormat.of().formatHex(key) + " ";
    }

    /** Wipes the key from memory; the object cannot open anything afterwards. */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "FileKey[hidden]";
    }
}
