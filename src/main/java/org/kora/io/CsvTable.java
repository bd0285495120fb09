package org.kora.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kora.service.ImportColumn;
import org.kora.service.ImportKind;
import org.kora.service.ImportRow;
import org.kora.service.ImportTable;
import org.kora.service.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CSV import file, read record by record in its detected encoding. A row's line is its record
 * number, as a spreadsheet numbers it: empty lines count, a quoted cell spanning lines does not
 * add any.
 */
final class CsvTable implements ImportTable {
    private static final Logger LOG = LoggerFactory.getLogger(CsvTable.class);
    /** Empty lines are kept so that record numbers stay the row numbers a spreadsheet shows. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Path file;
    private final TextEncoding encoding;
    private final CountingInputStream counter;
    private final long size;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Headers headers;
    private CSVRecord current;

    private CsvTable(Path file, ImportKind kind) throws IOException {
        this.file = file;
        encoding = TextEncoding.detect(file);
        size = Files.size(file);
        counter = new CountingInputStream(Files.newInputStream(file));
        try {
            var in = new BufferedInputStream(counter, 64 * 1024);
            in.skipNBytes(encoding.bomLength());
            // GB18030 decodes nearly anything; a stray bad byte becomes U+FFFD rather than failing the file
            var decoder = encoding.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            parser = CSVParser.builder().setReader(new InputStreamReader(in, decoder)).setFormat(FORMAT).get();
            records = parser.iterator();
            headers = new Headers(kind, headerCells());
        } catch (IOException | RuntimeException e) {
            counter.close();
            throw e;
        }
    }

    static CsvTable open(Path file, ImportKind kind) throws IOException {
        return new CsvTable(file, kind);
    }

    private List<String> headerCells() {
        while (nextRecord()) {
            var record = current;
            var cells = new ArrayList<String>();
            record.forEach(cells::add);
            if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                return cells;
            }
        }
        throw new InvalidInputException("import.noHeader", file);
    }

    private boolean nextRecord() {
        try {
            if (!records.hasNext()) {
                return false;
            }
            current = records.next();
            return true;
        } catch (UncheckedIOException e) {
            throw new InvalidInputException("import.unreadable", file, e.getCause().getMessage());
        }
    }

    @Override
    public String encoding() {
        return encoding.label();
    }

    @Override
    public String header(ImportColumn column) {
        return headers.header(column);
    }

    @Override
    public List<String> unknownColumns() {
        return headers.unknown();
    }

    @Override
    public ImportRow next() {
        while (nextRecord()) {
            var values = new String[headers.columnCount()];
            var any = false;
            for (var column = 0; column < values.length; column++) {
                var index = headers.fileIndex(column);
                if (index >= 0 && index < current.size() && !current.get(index).isBlank()) {
                    values[column] = current.get(index);
                    any = true;
                }
            }
            if (any) {
                return new ImportRow(Math.toIntExact(current.getRecordNumber()), values);
            }
        }
        return null;
    }

    @Override
    public double fraction() {
        return size == 0 ? 1 : Math.min(1.0, (double) counter.count() / size);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // everything needed was read; a file that will not close is not the user's problem
            LOG.warn("Closing {} failed", file, e);
        }
    }
}
