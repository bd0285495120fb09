package org.kora.store;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.stream.Stream;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * Tells a write to the database file that the disk refused (full, or the file too large for it, or
 * read-only) from other failures. H2 then stops the whole database at once (MVStore's "panic"): the
 * commit that failed is not in the file, every commit before it is, and nothing more can be read or
 * written until the file is opened again (docs/reliability.md, "Full disk and read-only").
 */
final class DiskRefusal {
    private DiskRefusal() {
    }

    /**
     * The operating system's words for why a write to the database file failed ("No space left on
     * device", "File too large" …), if {@code failure} or one of its causes is such a write; empty
     * otherwise.
     */
    static Optional<String> reason(Throwable failure) {
        return causes(failure)
                .filter(cause -> cause instanceof MVStoreException store
                        && store.getErrorCode() == DataUtils.ERROR_WRITING_FAILED)
                .findFirst().map(store -> systemReason(store).orElse(store.getMessage()));
    }

    /**
     * The operating system's words for why a file could not be read or written ("No space left on
     * device", "Operation not permitted" …), if {@code failure} or one of its causes is an
     * {@link IOException}; without the file's name, which the user's message gives.
     */
    static Optional<String> systemReason(Throwable failure) {
        return causes(failure).filter(IOException.class::isInstance).findFirst()
                .map(io -> io instanceof FileSystemException named && named.getReason() != null ? named.getReason()
                        : io.getMessage())
                .filter(reason -> !reason.isBlank());
    }

    private static Stream<Throwable> causes(Throwable failure) {
        var seen = Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
        return Stream.iterate(failure, cause -> cause != null && seen.add(cause), Throwable::getCause);
    }
}
