package org.kora.service;

/**
 * One data row of an import file: its line as the user sees it (the header is line 1) and its
 * values in the order of {@link ImportKind#columns()}; a blank or missing cell is null.
 */
public record ImportRow(int line, String[] values) {
    public ImportRow {
        values = values.clone();
    }

    String value(int column) {
        return values[column];
    }
}
