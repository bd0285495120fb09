package org.kora.service;

import java.nio.file.Path;

/**
 * What a restore did (or, after a check, would do): the backup's schema version and sign-off count,
 * whether it is encrypted (it then opens with the backup's passphrase), and where the replaced
 * database file and its key file were kept (null if there was none, and after a check).
 */
public record RestoreOutcome(String schemaVersion, int signOffs, boolean encrypted, Path keptAside, Path keyKeptAside) {
}
