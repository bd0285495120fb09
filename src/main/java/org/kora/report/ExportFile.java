package org.kora.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.kora.domain.KoraException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an export whole or not at all: into a new file beside the target, forced to disk, then
 * moved over the target in one step. Any failure deletes the new file and leaves the target as it
 * was; a failure to write (disk full, a folder that is missing or may not be written, a file another
 * program holds open) becomes a {@link KoraException} that says what to do.
 */
final class ExportFile {
    private static final Logger LOG = LoggerFactory.getLogger(ExportFile.class);

    /** What goes into the file; the stream is neither closed nor kept. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private ExportFile() {
    }

    static void write(Path target, Content content) {
        var file = target.toAbsolutePath();
        // hidden, unique and in the same folder, so that the move is a rename on the same file system;
        // created by open(), not createTempFile(), so that it gets the folder's usual permissions
        var temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        var moved = false;
        try {
            try (var channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                var out = new BufferedOutputStream(Channels.newOutputStream(channel));
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            move(temporary, file);
            moved = true;
        } catch (IOException e) {
            throw refusal(target, e);
        } finally {
            if (!moved) {
                deleteLeftover(temporary);
            }
        }
    }

    private static void move(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // some network shares cannot rename over a file in one step
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteLeftover(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            LOG.warn("Cannot delete the unfinished export {}", temporary, e);
        }
    }

    private static KoraException refusal(Path target, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new KoraException(e, "export.folderMissing", target.toString(),
                    String.valueOf(target.toAbsolutePath().getParent()));
        }
        if (e instanceof AccessDeniedException) {
            return new KoraException(e, "export.accessDenied", target.toString());
        }
        var reason = e instanceof FileSystemException failure && failure.getReason() != null
                ? failure.getReason() : String.valueOf(e.getMessage());
        return new KoraException(e, "export.cannotWrite", target.toString(), reason);
    }
}
