package org.kora.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.kora.service.ImportFileReader;
import org.kora.service.ImportKind;
import org.kora.service.ImportTable;
import org.kora.service.InvalidInputException;

/** Opens import files by their extension: {@code .csv} (any of Kora's encodings) or {@code .xlsx}. */
public final class ImportFiles implements ImportFileReader {
    @Override
    public ImportTable open(Path file, ImportKind kind) {
        var name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".csv") || name.endsWith(".txt")) {
                return CsvTable.open(file, kind);
            }
            if (name.endsWith(".xlsx")) {
                return XlsxTable.open(file, kind);
            }
        } catch (IOException e) {
            throw new InvalidInputException("import.unreadable", file, String.valueOf(e.getMessage()));
        }
        throw new InvalidInputException("import.unsupportedFile", file);
    }
}
