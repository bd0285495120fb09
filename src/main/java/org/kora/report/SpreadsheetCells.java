package org.kora.report;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.dhatim.fastexcel.StyleSetter;
import org.dhatim.fastexcel.Worksheet;

/**
 * Cells as Kora's exports write them, so that no cell ever becomes a formula in Excel or LibreOffice.
 *
 * <p>In a workbook every text, staff numbers and IDs included, is a string cell: fastexcel writes
 * strings as shared strings ({@code t="s"}) and never as formulas, so a name starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a line break stays text and leading zeros stay. Text cells
 * also carry Excel's Text number format ({@code @}), which keeps them text when someone edits them: the
 * workbook's form of the leading apostrophe, without changing the value.
 *
 * <p>A CSV file has no types, so a spreadsheet guesses from the text: {@link #csvText} puts an
 * apostrophe before a value that a spreadsheet would take for a formula.
 */
final class SpreadsheetCells {
    static final String TEXT_FORMAT = "@";
    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";

    private SpreadsheetCells() {
    }

    /** Writes a text cell (nothing for null) and returns its style, in the Text format, for more and {@code set()}. */
    static StyleSetter text(Worksheet sheet, int row, int column, String value) {
        if (value != null) {
            sheet.value(row, column, value);
        }
        return sheet.style(row, column).format(TEXT_FORMAT);
    }

    /** Writes a date cell, shown as 2027-03-01. */
    static void date(Worksheet sheet, int row, int column, LocalDate value) {
        sheet.value(row, column, value);
        sheet.style(row, column).format(DATE_FORMAT).set();
    }

    /** Writes a date and time cell, shown as 2027-03-01 14:05. */
    static void dateTime(Worksheet sheet, int row, int column, LocalDateTime value) {
        sheet.value(row, column, value);
        sheet.style(row, column).format(DATE_TIME_FORMAT).set();
    }

    /**
     * {@code value} as a CSV cell that no spreadsheet evaluates: one starting with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe (OWASP's advice); null
     * becomes empty.
     */
    static String csvText(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
