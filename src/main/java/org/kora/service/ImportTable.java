package org.kora.service;

import java.util.List;

/**
 * An import file opened for reading, one row at a time so that a file of any length fits in
 * memory. Made by an {@link ImportFileReader}; closed by whoever opened it.
 */
public interface ImportTable extends AutoCloseable {
    /** How the file was decoded, for the preview: "UTF-8", "UTF-8 BOM", "GB18030" or "xlsx". */
    String encoding();

    /** The header of {@code column} as written in the file, or null when the file lacks the column. */
    String header(ImportColumn column);

    /** Headers that name no column of the format, as written in the file; they are ignored. */
    List<String> unknownColumns();

    /** The next row with any value, or null at the end of the file. */
    ImportRow next();

    /** How much of the file has been read, from 0 to 1, or a negative number when unknown. */
    double fraction();

    @Override
    void close();
}
