package org.kora.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key file beside an encrypted database ({@code <name>.key}): the database's {@link FileKey}
 * sealed with AES-GCM under a key derived from the passphrase by PBKDF2-HMAC-SHA256 with a random
 * salt. It holds no secret in the clear; a wrong passphrase fails GCM's tag check, so Kora says
 * so before H2 is even asked.
 */
public final class KeyFile {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; a key file asking for fewer is refused. */
    public static final int ITERATIONS = 600_000;

    private static final String FORMAT = "kora-file-key-1";
    private static final String KDF = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFile() {
    }

    /**
     * Makes a new random file key for {@code file}, writes it sealed with {@code passphrase} to
     * the key file, and returns it. Refuses if the database or its key file already exists.
     */
    public static FileKey create(DatabaseFile file, char[] passphrase) {
        if (file.exists()) {
            throw new StoreException(null, "store.exists", file);
        }
        var key = FileKey.random();
        var salt = random(SALT_BYTES);
        var nonce = random(NONCE_BYTES);
        var properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("kdf", KDF);
        properties.setProperty("iterations", Integer.toString(ITERATIONS));
        properties.setProperty("salt", Base64.getEncoder().encodeToString(salt));
        properties.setProperty("nonce", Base64.getEncoder().encodeToString(nonce));
        var plain = key.bytes();
        try {
            var cipher = cipher(Cipher.ENCRYPT_MODE, passphrase, salt, ITERATIONS, nonce);
            properties.setProperty("sealed", Base64.getEncoder().encodeToString(cipher.doFinal(plain)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java cannot seal a key with AES-GCM", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        try {
            Files.createDirectories(file.keyFile().getParent());
            try (Writer out = Files.newBufferedWriter(file.keyFile(), StandardCharsets.ISO_8859_1,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                properties.store(out, "Kora: the database's key, sealed with its passphrase. Keep it with the database and its backups.");
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new StoreException(e, "store.exists", file.keyFile());
        } catch (IOException e) {
            throw new StoreException(e, "store.cannotCreate", file, e.getMessage());
        }
        return key;
    }

    /** Reads {@code file}'s key file and unseals its key with {@code passphrase}. */
    public static FileKey unlock(DatabaseFile file, char[] passphrase) {
        return unlock(file, file.keyFile(), passphrase);
    }

    /**
     * Reads the key file {@code keyFile} meant for {@code file} (a backup's, or one a restore left)
     * and unseals its key with {@code passphrase}.
     */
    static FileKey unlock(DatabaseFile file, Path keyFile, char[] passphrase) {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(keyFile, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new StoreException(e, "store.encryption.keyFileMissing", file, keyFile);
        } catch (IOException | IllegalArgumentException e) {
            throw damaged(e, file, keyFile);
        }
        byte[] plain = null;
        try {
            int iterations = Integer.parseInt(properties.getProperty("iterations", "0"));
            if (!FORMAT.equals(properties.getProperty("format")) || !KDF.equals(properties.getProperty("kdf"))
                    || iterations < ITERATIONS) {
                throw damaged(null, file, keyFile);
            }
            var salt = Base64.getDecoder().decode(properties.getProperty("salt", ""));
            var nonce = Base64.getDecoder().decode(properties.getProperty("nonce", ""));
            var sealed = Base64.getDecoder().decode(properties.getProperty("sealed", ""));
            plain = cipher(Cipher.DECRYPT_MODE, passphrase, salt, iterations, nonce).doFinal(sealed);
            return new FileKey(plain);
        } catch (AEADBadTagException e) {
            throw new StoreException(e, "store.encryption.wrongPassphrase", file);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw damaged(e, file, keyFile);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /** Removes the key file of a database whose creation failed. */
    static void removeHalfMade(DatabaseFile file) throws IOException {
        Files.deleteIfExists(file.keyFile());
    }

    private static StoreException damaged(Exception cause, DatabaseFile file, Path keyFile) {
        return new StoreException(cause, "store.encryption.keyFileDamaged", file, keyFile);
    }

    /**
     * AES-GCM under the passphrase's derived key; the format and iteration count are bound in as
     * associated data, so a key file edited to ask for fewer iterations no longer opens.
     */
    private static Cipher cipher(int mode, char[] passphrase, byte[] salt, int iterations, byte[] nonce)
            throws GeneralSecurityException {
        var spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        byte[] derived;
        try {
            derived = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("Bad key derivation parameters", e);
        } finally {
            spec.clearPassword();
        }
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(derived, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((FORMAT + "|" + iterations).getBytes(StandardCharsets.US_ASCII));
            return cipher;
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    private static byte[] random(int length) {
        var bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
