package org.kora.service;

import java.nio.file.Path;

/**
 * Opens import files. The service layer names what it needs and the io layer, which may depend on
 * services but not the other way round, implements it.
 */
public interface ImportFileReader {
    /**
     * Opens {@code file} as a table of {@code kind}'s columns.
     *
     * @throws InvalidInputException when the file cannot be read or its header row is unusable
     */
    ImportTable open(Path file, ImportKind kind);
}
