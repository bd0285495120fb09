package org.kora.service;

import java.nio.file.Path;
import java.time.Clock;

import org.kora.domain.Permission;
import org.kora.domain.Problem;
import org.kora.store.AuditDao;
import org.kora.store.Store;
import org.kora.store.Tx;

/**
 * Imports departments, trainees, mentors and curricula from CSV or .xlsx files (ARCHITECTURE.md,
 * "Import files"; ADR 15). People need the right to edit people, curricula the right to edit curricula. A preview reads the whole file and writes nothing; an apply reads it again and writes
 * every new row in one transaction, or nothing when any row is bad. Files are read row by row and
 * remembered only as compact keys, so a file of a million rows needs a few tens of megabytes.
 */
public final class ImportService {
    /** How many bad cells, and how many warnings, a report lists; all bad rows are still counted. */
    public static final int MAX_LISTED = 10_000;
    /** Rows per insert batch. */
    static final int BATCH = 1_000;
    private static final int PROGRESS_EVERY = 1_000;

    private final Store store;
    private final ImportFileReader reader;
    private final Clock clock;

    public ImportService(Store store, ImportFileReader reader, Clock clock) {
        this.store = store;
        this.reader = reader;
        this.clock = clock;
    }

    /** Reads {@code file} and says what an import would do; writes nothing. */
    public ImportReport preview(Session who, ImportKind kind, Path file, ImportProgress progress) {
        who.require(permission(kind));
        return store.inTransaction(tx -> read(tx, kind, file, progress, false).build(false));
    }

    /**
     * Imports {@code file}: all of it in one transaction with an audit line, or, when any row is
     * bad, nothing (the report then says why, as a preview does).
     *
     * @throws ImportCancelledException when {@code progress} asked to stop; nothing was written
     */
    public ImportReport apply(Session who, ImportKind kind, Path file, ImportProgress progress) {
        who.require(permission(kind));
        try {
            return store.inTransaction(tx -> {
                var report = read(tx, kind, file, progress, true);
                if (report.badRows() > 0) {
                    throw new Refused(report.build(false));
                }
                var applied = report.build(true);
                tx.dao(AuditDao.class).record(clock.instant(), who.user().username(), "IMPORT", auditDetail(applied));
                return applied;
            });
        } catch (Refused refused) {
            return refused.report;
        }
    }

    private ImportReportBuilder read(Tx tx, ImportKind kind, Path file, ImportProgress progress, boolean write) {
        try (var table = reader.open(file, kind)) {
            for (var column : kind.columns()) {
                if (column.required() && table.header(column) == null) {
                    throw new InvalidInputException("import.missingColumn", column.english(), column.chinese());
                }
            }
            var report = new ImportReportBuilder(kind, file, table.encoding());
            for (var unknown : table.unknownColumns()) {
                report.warn(new ImportIssue(1, unknown, new Problem("import.unknownColumn", unknown)));
            }
            var rows = switch (kind) {
                case DEPARTMENTS -> new DepartmentImport(tx, write);
                case TRAINEES -> new TraineeImport(tx, write);
                case MENTORS -> new MentorImport(tx, write);
                case COMPETENCIES -> new CompetencyImport(tx, write);
            };
            var check = new RowCheck(table, kind, report);
            var count = 0;
            for (var row = table.next(); row != null; row = table.next()) {
                check.start(row);
                report.count(rows.row(check));
                if (++count % PROGRESS_EVERY == 0) {
                    if (progress.cancelled()) {
                        throw new ImportCancelledException();
                    }
                    progress.worked(table.fraction());
                }
            }
            if (report.badRows() == 0) {
                rows.finish();
            }
            progress.worked(1);
            return report;
        }
    }

    private static Permission permission(ImportKind kind) {
        return kind == ImportKind.COMPETENCIES ? Permission.EDIT_CURRICULA : Permission.EDIT_PEOPLE;
    }

    private static String auditDetail(ImportReport report) {
        var name = Path.of(report.file()).getFileName().toString();
        if (name.length() > 500) {
            name = name.substring(0, 500);
        }
        return "kind=" + report.kind() + " file=" + name + " rows=" + report.rows() + " new=" + report.newRows()
                + " changed=" + report.changedRows() + " unchanged=" + report.unchangedRows();
    }

    /** Rolls the transaction back when a row is bad, carrying the report out of it. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ImportReport report;

        Refused(ImportReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }
}
