package org.kora.service;

import java.nio.file.Path;

/** What a restore did: the backup's schema version and sign-off count, and where the replaced database file was kept. */
public record RestoreOutcome(String schemaVersion, int signOffs, Path keptAside) {
}
