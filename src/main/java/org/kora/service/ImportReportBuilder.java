package org.kora.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects counts and issues while a file is read; keeps at most a bounded number of issues. */
final class ImportReportBuilder {
    private final ImportKind kind;
    private final String file;
    private final String encoding;
    private final List<ImportIssue> badCells = new ArrayList<>();
    private final List<ImportIssue> warnings = new ArrayList<>();
    private int rows;
    private int newRows;
    private int changedRows;
    private int unchangedRows;
    private int badRows;

    ImportReportBuilder(ImportKind kind, Path file, String encoding) {
        this.kind = kind;
        this.file = file.toString();
        this.encoding = encoding;
    }

    void bad(ImportIssue issue) {
        if (badCells.size() < ImportService.MAX_LISTED) {
            badCells.add(issue);
        }
    }

    void warn(ImportIssue issue) {
        if (warnings.size() < ImportService.MAX_LISTED) {
            warnings.add(issue);
        }
    }

    void count(RowOutcome outcome) {
        rows++;
        switch (outcome) {
            case NEW -> newRows++;
            case CHANGED -> changedRows++;
            case UNCHANGED -> unchangedRows++;
            case BAD -> badRows++;
        }
    }

    int badRows() {
        return badRows;
    }

    ImportReport build(boolean applied) {
        return new ImportReport(kind, file, encoding, rows, newRows, changedRows, unchangedRows, badRows, badCells,
                warnings, applied);
    }
}
