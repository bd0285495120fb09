package org.kora.ui.people;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.kora.domain.Messages;
import org.kora.service.ImportIssue;
import org.kora.service.ImportKind;
import org.kora.service.ImportProgress;
import org.kora.service.ImportReport;
import org.kora.service.ImportService;
import org.kora.service.Session;
import org.kora.ui.Progress;
import org.kora.ui.TaskExecutor;
import org.kora.ui.WorkStatus;

/**
 * The People screen's import (people, and curricula): choose what the file holds and the file, check it (every bad row
 * listed with line, column and reason, nothing written), then import it — only when no row is bad,
 * all of it or nothing. Checking and importing run in the background with progress and cancel.
 * A fixed file is checked again with one click.
 */
public final class RosterImport {
    /** One problem of the file, as the list shows it. */
    public record Issue(String line, String column, String reason, boolean warning) {
    }

    private final ImportService imports;
    private final Session session;
    private final TaskExecutor executor;
    private final Messages messages;
    private final WorkStatus work;
    private final Runnable onImported;
    private final Progress progress;
    private final ObjectProperty<ImportKind> kind = new SimpleObjectProperty<>(ImportKind.TRAINEES);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<Issue> issues = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper importable = new ReadOnlyBooleanWrapper();
    private ImportReport checked;

    RosterImport(ImportService imports, Session session, TaskExecutor executor, Messages messages, WorkStatus work,
                 Runnable onImported) {
        this.imports = imports;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
        this.work = work;
        this.onImported = onImported;
        this.progress = new Progress(executor);
        kind.addListener((property, was, is) -> forget());
        file.addListener((property, was, is) -> forget());
    }

    public ObjectProperty<ImportKind> kindProperty() {
        return kind;
    }

    public List<ImportKind> kinds() {
        return List.of(ImportKind.TRAINEES, ImportKind.MENTORS, ImportKind.DEPARTMENTS, ImportKind.COMPETENCIES);
    }

    public String kindName(ImportKind value) {
        return value == null ? "" : messages.get(switch (value) {
            case TRAINEES -> "people.import.kind.trainees";
            case MENTORS -> "people.import.kind.mentors";
            case DEPARTMENTS -> "people.import.kind.departments";
            case COMPETENCIES -> "curricula.import.kind";
        });
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public Progress progress() {
        return progress;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<Issue> issues() {
        return issues;
    }

    /** Whether the checked file may be imported: checked, and no row bad. */
    public ReadOnlyBooleanProperty importableProperty() {
        return importable.getReadOnlyProperty();
    }

    private void forget() {
        checked = null;
        importable.set(false);
        summary.set("");
        issues.clear();
    }

    /** Reads the file and shows what an import would do; writes nothing. */
    public void check() {
        var chosen = file.get();
        if (chosen == null || progress.runningProperty().get()) {
            return;
        }
        var what = kind.get();
        forget();
        start("people.import.checking");
        executor.submit(() -> imports.preview(session, what, chosen, watcher()), report -> {
            stop();
            show(report);
            checked = report;
            importable.set(!report.hasBadRows());
        }, this::failed);
    }

    /** Imports the checked file; the lists are read again when it is done. */
    public void importFile() {
        var report = checked;
        if (report == null || report.hasBadRows() || progress.runningProperty().get()) {
            return;
        }
        var what = kind.get();
        var chosen = file.get();
        start("people.import.importing");
        executor.submit(() -> imports.apply(session, what, chosen, watcher()), applied -> {
            stop();
            show(applied);
            importable.set(false);
            if (applied.applied()) {
                checked = null;
                summary.set(messages.format("people.import.done", applied.newRows(), applied.changedRows(),
                        applied.unchangedRows()));
                onImported.run();
            } else {
                // the file changed since it was checked, and now has bad rows
                checked = applied;
            }
        }, this::failed);
    }

    /** Stops the check or import at the next row; nothing is written. */
    public void cancel() {
        progress.cancel();
    }

    private void start(String phaseKey) {
        work.start(phaseKey);
        progress.start(messages.get(phaseKey));
    }

    private void stop() {
        progress.stop();
        work.done();
    }

    private void failed(Throwable failure) {
        progress.stop();
        work.fail(failure);
    }

    private ImportProgress watcher() {
        var phase = progress.phaseProperty().get();
        return new ImportProgress() {
            @Override
            public void worked(double fraction) {
                progress.report(fraction, phase);
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
    }

    private void show(ImportReport report) {
        summary.set(messages.format("people.import.summary", report.rows(), report.encoding(), report.newRows(),
                report.changedRows(), report.unchangedRows(), report.badRowCount()));
        var list = new ArrayList<Issue>();
        report.badRows().forEach(issue -> list.add(issue(issue, false)));
        report.warnings().forEach(issue -> list.add(issue(issue, true)));
        issues.setAll(list);
    }

    private Issue issue(ImportIssue issue, boolean warning) {
        var reason = messages.format(issue.reason());
        return new Issue(String.valueOf(issue.line()), issue.column(),
                warning ? messages.format("people.import.warning", reason) : reason, warning);
    }
}
