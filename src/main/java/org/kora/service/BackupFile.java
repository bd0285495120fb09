package org.kora.service;

import java.nio.file.Path;
import java.time.LocalDateTime;

/** One backup in the backup folder: its file, when it was made (local time, from its name), its size in bytes. */
public record BackupFile(Path file, LocalDateTime madeAt, long size) {
}
