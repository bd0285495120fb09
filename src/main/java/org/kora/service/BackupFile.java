package org.kora.service;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;

import org.kora.store.Backups;

/** One backup in the backup folder: its file, when it was made (local time, from its name), its size in bytes. */
public record BackupFile(Path file, LocalDateTime madeAt, long size) {
    /** The extension of the backups Kora names, which the installers associate with Kora. */
    public static final String EXTENSION = Backups.EXTENSION;

    /**
     * Whether {@code name} is named as a Kora backup: {@code .korabackup}, or {@code .zip} as
     * earlier versions named them. Only the name: whether it holds a Kora database is checked
     * when it is restored.
     */
    public static boolean isBackupName(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith("." + EXTENSION) || lower.endsWith(".zip");
    }
}
