package org.kora.store;

import java.nio.file.Path;

/**
 * The child of {@link EncryptedCrashTest}: opens the encrypted database named by its argument with
 * the passphrase in KORA_PASSPHRASE (creating it on the first run), then commits one row after
 * another, printing "saved NAME" only once each commit has returned, until it is killed.
 */
public final class EncryptedWriter {
    private EncryptedWriter() {
    }

    public static void main(String[] args) {
        var file = DatabaseFile.of(Path.of(args[0]));
        var run = args[1];
        var passphrase = System.getenv("KORA_PASSPHRASE").toCharArray();
        var key = file.exists() ? KeyFile.unlock(file, passphrase) : KeyFile.create(file, passphrase);
        var store = file.exists() ? Store.open(file, key) : Store.create(file, key);
        for (int i = 0; ; i++) {
            var name = "crash." + run + "." + i;
            store.inTransaction(tx -> {
                tx.dao(SettingDao.class).insert(name, "x".repeat(200));
                return null;
            });
            System.out.println("saved " + name);
            System.out.flush();
        }
    }
}
