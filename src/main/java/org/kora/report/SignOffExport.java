package org.kora.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.kora.domain.Messages;

/**
 * Sign-offs for reports, as an Excel workbook (.xlsx) or a CSV file, one row per entry in the order
 * given, headed and worded in the language of the {@link Messages} given: trainee, staff number, phone,
 * hospital, home department, competency in Chinese and in English, category, date performed, level,
 * count, case reference, comment, mentor, signed at (in the time zone given), entry number, the number
 * of the entry it amends and why, and its status: current, or amended when a later entry corrects it.
 * Amended entries are written too, marked, since a correction never erases what was signed.
 *
 * <p>Staff and phone numbers are personal: for a reader whose role should not see them they are
 * {@linkplain Numbers#MASKED masked}. No cell can become a formula ({@link SpreadsheetCells}); in the
 * workbook, dates are dates and counts numbers, everything else, numbers of entries included, text.
 * The CSV file is UTF-8 with a byte order mark (so that Excel reads Chinese and Tibetan right),
 * quoted as RFC 4180 says, lines ended by CRLF.
 */
public final class SignOffExport {
    /** Whether staff numbers and phone numbers are written as they are or masked. */
    public enum Numbers {
        SHOWN,
        /**
         * Every character but the last two replaced by {@value #MASK}, so that a reader can still tell
         * rows apart ({@code 00042} becomes {@code ***42}); a value of four characters or fewer is masked
         * whole, since two of four would say too much.
         */
        MASKED;

        static final char MASK = '*';

        String apply(String value) {
            if (this == SHOWN || value == null || value.isEmpty()) {
                return value;
            }
            var length = value.codePointCount(0, value.length());
            var kept = length > 4 ? 2 : 0;
            var cut = value.offsetByCodePoints(0, length - kept);
            return String.valueOf(MASK).repeat(length - kept) + value.substring(cut);
        }
    }

    private static final List<String> HEADERS = List.of("export.column.trainee", "export.column.staffNo",
            "export.column.phone", "export.column.hospital", "export.column.homeDepartment",
            "export.column.competencyZh", "export.column.competencyEn", "export.column.category",
            "export.column.performedOn", "export.column.level", "export.column.count", "export.column.caseReference",
            "export.column.comment", "export.column.mentor", "export.column.signedAt", "export.column.entryNo",
            "export.column.amendsNo", "export.column.amendReason", "export.column.status");
    private static final int[] WIDTHS = {18, 12, 16, 22, 16, 22, 26, 14, 12, 18, 8, 14, 36, 14, 17, 10, 10, 26, 10};
    private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    private static final DateTimeFormatter CSV_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Messages messages;
    private final Numbers numbers;
    private final ZoneId zone;

    /** An export that writes the moments signed in this computer's time zone. */
    public SignOffExport(Messages messages, Numbers numbers) {
        this(messages, numbers, ZoneId.systemDefault());
    }

    public SignOffExport(Messages messages, Numbers numbers, ZoneId zone) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Writes the workbook, one sheet, to {@code out}, which is left open. */
    public void writeXlsx(List<SignOffReportRow> rows, OutputStream out) throws IOException {
        var workbook = new Workbook(out, "Kora", null);
        var sheet = workbook.newWorksheet(messages.get("export.sheet.signOffs"));
        for (var column = 0; column < HEADERS.size(); column++) {
            SpreadsheetCells.text(sheet, 0, column, messages.get(HEADERS.get(column))).bold().set();
            sheet.width(column, WIDTHS[column]);
        }
        var index = 1;
        for (var row : rows) {
            var entry = row.line().entry();
            var cells = cells(row);
            for (var column = 0; column < cells.size(); column++) {
                switch (column) {
                    case 8 -> SpreadsheetCells.date(sheet, index, column, entry.performedOn());
                    case 10 -> sheet.value(index, column, entry.count());
                    case 14 -> SpreadsheetCells.dateTime(sheet, index, column,
                            entry.signedAt().atZone(zone).toLocalDateTime());
                    default -> SpreadsheetCells.text(sheet, index, column, cells.get(column)).set();
                }
            }
            index++;
        }
        sheet.freezePane(1, 1);
        sheet.setAutoFilter(0, 0, HEADERS.size() - 1);
        workbook.finish();
    }

    /** Writes the workbook to {@code file}, whole or not at all ({@link org.kora.domain.KoraException} when it cannot). */
    public void writeXlsx(List<SignOffReportRow> rows, Path file) {
        ExportFile.write(file, out -> writeXlsx(rows, out));
    }

    /** Writes the CSV file to {@code out}, which is left open. */
    public void writeCsv(List<SignOffReportRow> rows, OutputStream out) throws IOException {
        out.write(BOM);
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // RFC 4180: CRLF after every record, quotes only where a cell needs them
        var printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(HEADERS.stream().map(messages::get).map(SpreadsheetCells::csvText).toList());
        for (var row : rows) {
            var cells = cells(row);
            printer.printRecord(cells.stream().map(SpreadsheetCells::csvText).toList());
        }
        printer.flush();
    }

    /** Writes the CSV file to {@code file}, whole or not at all ({@link org.kora.domain.KoraException} when it cannot). */
    public void writeCsv(List<SignOffReportRow> rows, Path file) {
        ExportFile.write(file, out -> writeCsv(rows, out));
    }

    /** A row's cells as text, in the order of {@link #HEADERS}, as the CSV file writes them. */
    private List<String> cells(SignOffReportRow row) {
        var line = row.line();
        var entry = line.entry();
        var competency = line.competency();
        var cells = new ArrayList<String>(HEADERS.size());
        cells.add(row.trainee().name());
        cells.add(numbers.apply(row.trainee().staffNo()));
        cells.add(numbers.apply(row.trainee().phone()));
        cells.add(row.hospitalName());
        cells.add(row.departmentName());
        cells.add(competency.nameZh());
        cells.add(competency.nameEn());
        cells.add(competency.category());
        cells.add(entry.performedOn().toString());
        cells.add(SignOffTexts.level(messages, entry.level()));
        cells.add(Integer.toString(entry.count()));
        cells.add(entry.caseReference());
        cells.add(entry.comment());
        cells.add(line.mentorName());
        cells.add(CSV_DATE_TIME.format(entry.signedAt().atZone(zone)));
        cells.add(Long.toString(entry.id()));
        cells.add(entry.amendsId() == null ? null : Long.toString(entry.amendsId()));
        cells.add(entry.amendReason());
        cells.add(messages.get(line.amended() ? "export.status.amended" : "export.status.current"));
        return cells;
    }
}
