package org.kora.service;

import java.util.List;

/**
 * What an import found, and whether it was written. {@code badRows} lists the problems of the
 * first {@link ImportService#MAX_LISTED} bad cells; {@code badRowCount} counts every bad row.
 * A report with any bad row is never applied.
 */
public record ImportReport(ImportKind kind, String file, String encoding, int rows, int newRows, int changedRows,
                           int unchangedRows, int badRowCount, List<ImportIssue> badRows,
                           List<ImportIssue> warnings, boolean applied) {
    public ImportReport {
        badRows = List.copyOf(badRows);
        warnings = List.copyOf(warnings);
    }

    public boolean hasBadRows() {
        return badRowCount > 0;
    }
}
