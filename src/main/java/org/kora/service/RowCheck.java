package org.kora.service;

import java.time.LocalDate;
import java.util.List;

import org.kora.domain.HospitalKind;
import org.kora.domain.Problem;
import org.kora.domain.Profession;
import org.kora.domain.SignOffLevel;

/**
 * Reads the cells of the current row and reports each bad one with its line, its column as
 * written in the file, and the reason. Getters return null for a blank or bad cell; {@link #bad()}
 * tells whether the row had a problem.
 */
final class RowCheck {
    private final ImportTable table;
    private final List<ImportColumn> columns;
    private final ImportReportBuilder report;
    private ImportRow row;
    private boolean bad;

    RowCheck(ImportTable table, ImportKind kind, ImportReportBuilder report) {
        this.table = table;
        this.columns = kind.columns();
        this.report = report;
    }

    void start(ImportRow next) {
        row = next;
        bad = false;
    }

    boolean bad() {
        return bad;
    }

    int line() {
        return row.line();
    }

    void fail(int column, String key, Object... args) {
        bad = true;
        report.bad(new ImportIssue(row.line(), header(column), new Problem(key, args)));
    }

    void warn(int column, String key, Object... args) {
        report.warn(new ImportIssue(row.line(), header(column), new Problem(key, args)));
    }

    /** The cell's text, stripped; null when blank. A blank required cell is reported. */
    String text(int column, int maxLength) {
        var value = row.value(column);
        if (value == null || value.isBlank()) {
            if (columns.get(column).required()) {
                fail(column, "import.required");
            }
            return null;
        }
        value = value.strip();
        if (value.codePointCount(0, value.length()) > maxLength) {
            fail(column, "import.tooLong", maxLength);
            return null;
        }
        return value;
    }

    /** A blank cell that a rule other than the format's (such as the department's kind) requires. */
    void requireValue(int column) {
        fail(column, "import.required");
    }

    boolean present(int column) {
        var value = row.value(column);
        return value != null && !value.isBlank();
    }

    /** A staff number: text as written, leading zeros kept; warns when Excel may have cut it. */
    String staffNo(int column) {
        var value = text(column, 50);
        if (value != null && ImportValues.excelMayHaveCut(value)) {
            warn(column, "import.longNumber", value.length());
        }
        return value;
    }

    LocalDate date(int column) {
        var text = text(column, 100);
        if (text == null) {
            return null;
        }
        var date = ImportValues.date(text);
        if (date == null) {
            fail(column, "import.badDate", text);
        }
        return date;
    }

    /** A whole number of at least {@code min}; null when blank or bad. */
    Integer integer(int column, int min) {
        var text = text(column, 20);
        if (text == null) {
            return null;
        }
        var value = ImportValues.integer(text);
        if (value == null) {
            fail(column, "import.badInteger", text);
        } else if (value < min) {
            fail(column, "import.atLeast", min);
            return null;
        }
        return value;
    }

    HospitalKind kind(int column) {
        var text = text(column, 20);
        if (text == null) {
            return null;
        }
        var kind = ImportValues.kind(text);
        if (kind == null) {
            fail(column, "import.badKind", text);
        }
        return kind;
    }

    /** The profession; {@link Profession#OTHER} when the cell is blank, as the column is optional. */
    Profession profession(int column) {
        var text = text(column, 20);
        if (text == null) {
            return Profession.OTHER;
        }
        var profession = ImportValues.profession(text);
        if (profession == null) {
            fail(column, "import.badProfession", text);
        }
        return profession;
    }

    /** The level at which a performance counts; null when blank or bad. */
    SignOffLevel level(int column) {
        var text = text(column, 30);
        if (text == null) {
            return null;
        }
        var level = ImportValues.level(text);
        if (level == null) {
            fail(column, "curricula.import.badLevel", text);
        }
        return level;
    }

    String phone(int column) {
        var text = text(column, 50);
        if (text != null && PeopleRules.phone(text).isPresent()) {
            fail(column, "import.badPhone", text);
            return null;
        }
        return text;
    }

    private String header(int column) {
        var header = table.header(columns.get(column));
        return header != null ? header : columns.get(column).english();
    }
}
