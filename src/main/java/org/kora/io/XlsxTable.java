package org.kora.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.kora.service.ImportColumn;
import org.kora.service.ImportKind;
import org.kora.service.ImportRow;
import org.kora.service.ImportTable;
import org.kora.service.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first sheet of an .xlsx file, streamed row by row. Numbers become text as written
 * ({@code 12.0} is "12", leading zeros are lost only if Excel already lost them); a number in a
 * date column is Excel's day serial, passed on as such (moved to the 1900 system if the workbook
 * counts from 1904), which the import reads as a date.
 */
final class XlsxTable implements ImportTable {
    private static final Logger LOG = LoggerFactory.getLogger(XlsxTable.class);
    /** Days from 1900-01-00 to 1904-01-01 in Excel's count. */
    private static final int DAYS_1900_TO_1904 = 1462;

    private final Path file;
    private final ImportKind kind;
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final Headers headers;

    private XlsxTable(Path file, ImportKind kind) throws IOException {
        this.file = file;
        this.kind = kind;
        workbook = new ReadableWorkbook(file.toFile());
        try {
            stream = workbook.getFirstSheet().openStream();
            rows = stream.iterator();
            headers = new Headers(kind, headerCells());
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    static XlsxTable open(Path file, ImportKind kind) throws IOException {
        return new XlsxTable(file, kind);
    }

    private List<String> headerCells() {
        while (hasNextRow()) {
            var row = rows.next();
            var cells = new ArrayList<String>();
            for (var i = 0; i < row.getCellCount(); i++) {
                cells.add(row.getOptionalCell(i).map(cell -> text(cell, false)).orElse(null));
            }
            if (cells.stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
                return cells;
            }
        }
        throw new InvalidInputException("import.noHeader", file);
    }

    private boolean hasNextRow() {
        try {
            return rows.hasNext();
        } catch (UncheckedIOException e) {
            throw new InvalidInputException("import.unreadable", file, e.getCause().getMessage());
        }
    }

    @Override
    public String encoding() {
        return "xlsx";
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
        var columns = kind.columns();
        while (hasNextRow()) {
            var row = rows.next();
            var values = new String[headers.columnCount()];
            var any = false;
            for (var column = 0; column < values.length; column++) {
                var index = headers.fileIndex(column);
                if (index >= 0 && index < row.getCellCount()) {
                    var date = columns.get(column).date();
                    var text = row.getOptionalCell(index).map(cell -> text(cell, date)).orElse(null);
                    if (text != null && !text.isBlank()) {
                        values[column] = text;
                        any = true;
                    }
                }
            }
            if (any) {
                return new ImportRow(row.getRowNum(), values);
            }
        }
        return null;
    }

    private String text(Cell cell, boolean date) {
        if (cell.getType() == CellType.EMPTY) {
            return null;
        }
        if (cell.getType() == CellType.NUMBER) {
            var number = cell.asNumber();
            if (date) {
                var day = number.setScale(0, RoundingMode.FLOOR);
                return (workbook.isDate1904() ? day.add(BigDecimal.valueOf(DAYS_1900_TO_1904)) : day).toPlainString();
            }
            return number.stripTrailingZeros().toPlainString();
        }
        return cell.getRawValue();
    }

    /** The share of rows is unknown while streaming: the sheet's length is only known at its end. */
    @Override
    public double fraction() {
        return -1;
    }

    @Override
    public void close() {
        stream.close();
        try {
            workbook.close();
        } catch (IOException e) {
            // everything needed was read; a file that will not close is not the user's problem
            LOG.warn("Closing {} failed", file, e);
        }
    }
}
