package org.kora.ui.signoffs;

import java.nio.file.Path;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.kora.domain.CalendarEntry;
import org.kora.domain.CaseReference;
import org.kora.domain.Competency;
import org.kora.domain.CompetencyProgress;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.domain.Permission;
import org.kora.domain.SignOff;
import org.kora.domain.SignOffLevel;
import org.kora.domain.SignOffLine;
import org.kora.domain.TraineeRecord;
import org.kora.report.CertificateLayout;
import org.kora.report.PageSetup;
import org.kora.report.Paper;
import org.kora.report.PrintDocument;
import org.kora.report.SignOffExport;
import org.kora.report.SignOffReportRow;
import org.kora.report.TraineeRecordLayout;
import org.kora.service.Session;
import org.kora.service.SignOffRequest;
import org.kora.service.AuditService;
import org.kora.service.SignOffService;
import org.kora.service.TraineeSummary;
import org.kora.ui.PrintResources;
import org.kora.ui.TaskExecutor;
import org.kora.ui.WorkStatus;
import org.kora.ui.print.PrintOutput;
import org.kora.ui.print.Printable;

/**
 * The Sign-offs screen. A mentor sees their current mentees and signs off competencies or amends
 * their own entries with their password; everyone else who may read sign-offs finds any trainee.
 * For the chosen trainee it shows the progress through the curriculum and every entry, an amended
 * one struck through, and prints their record.
 */
public final class SignOffsViewModel implements Printable {
    /** What the preview prints for the chosen trainee. */
    public enum PrintKind { RECORD, CERTIFICATE }

    /** The file kinds the sign-offs are exported as. */
    public enum ExportKind { XLSX, CSV }

    private final SignOffService service;
    private final AuditService audit;
    private final Session session;
    private final TaskExecutor executor;
    private final Messages messages;
    private final PrintResources prints;
    private final Clock clock;
    private final WorkStatus work;
    private final PrintOutput output;

    private final ObservableList<TraineeSummary> trainees = FXCollections.observableArrayList();
    private final FilteredList<TraineeSummary> shown = new FilteredList<>(trainees);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<TraineeSummary> chosen = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TraineeRecord> record = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CompetencyProgress> progress = FXCollections.observableArrayList();
    private final ObservableList<SignOffLine> lines = FXCollections.observableArrayList();
    private final ObservableList<Competency> competencies = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    private final ObjectProperty<Competency> competency = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> performedOn = new SimpleObjectProperty<>();
    private final ObjectProperty<SignOffLevel> level = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> count = new SimpleObjectProperty<>(1);
    private final StringProperty caseReference = new SimpleStringProperty("");
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<SignOffLine> amending = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper caseLooksLikeName = new ReadOnlyBooleanWrapper();
    private final BooleanProperty signing = new SimpleBooleanProperty();
    private final BooleanBinding signable;

    private final ObjectProperty<PrintKind> printKind = new SimpleObjectProperty<>(PrintKind.RECORD);
    private final ObjectProperty<Paper> paper = new SimpleObjectProperty<>(Paper.A4_PORTRAIT);
    private final ReadOnlyObjectWrapper<PrintDocument> document = new ReadOnlyObjectWrapper<>();

    public SignOffsViewModel(SignOffService service, AuditService audit, Session session, TaskExecutor executor, Messages messages,
                             PrintResources prints, Clock clock) {
        this.service = service;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
        this.prints = prints;
        this.audit = audit;
        this.clock = clock;
        this.work = new WorkStatus(messages);
        this.output = new PrintOutput(audit, session, executor, prints, messages, work);
        var collator = Collator.getInstance(messages.language().locale());
        search.addListener((property, was, is) -> {
            var wanted = is == null ? "" : is.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(wanted.isEmpty() ? null : summary -> summary.name().toLowerCase(Locale.ROOT).contains(wanted)
                    || summary.staffNo().contains(wanted)
                    || collator.compare(summary.name(), is.strip()) == 0);
        });
        chosen.addListener((property, was, is) -> {
            // the same trainee with fresher figures (after signing) is not read again
            if (was == null || is == null || was.traineeId() != is.traineeId()) {
                cancelAmend();
                read(is);
            }
        });
        record.addListener((property, was, is) -> show(is));
        competency.addListener((property, was, is) -> {
            if (is != null && amending.get() == null) {
                level.set(is.achievedLevel());
            }
        });
        caseReference.addListener((property, was, is) -> caseLooksLikeName.set(CaseReference.looksLikeName(is)));
        signable = record.isNotNull().and(competency.isNotNull()).and(performedOn.isNotNull()).and(level.isNotNull())
                .and(count.isNotNull()).and(signing.not())
                .and(Bindings.createBooleanBinding(this::canSign));
    }

    // --- properties the view binds to ---

    @Override
    public WorkStatus work() {
        return work;
    }

    @Override
    public Messages messages() {
        return messages;
    }

    @Override
    public PrintResources prints() {
        return prints;
    }

    public String text(String key) {
        return messages.get(key);
    }

    /** Whether the user signs here (a mentor) or only reads. */
    public boolean canSign() {
        return session.may(Permission.SIGN_OFF);
    }

    /** The trainees the list shows: a mentor's current mentees, or everyone the user may read, filtered by the search. */
    public ObservableList<TraineeSummary> trainees() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<TraineeSummary> chosenProperty() {
        return chosen;
    }

    public ReadOnlyObjectProperty<TraineeRecord> recordProperty() {
        return record.getReadOnlyProperty();
    }

    public ObservableList<CompetencyProgress> progress() {
        return progress;
    }

    /** The chosen trainee's entries, newest first; amended ones stay, marked. */
    public ObservableList<SignOffLine> lines() {
        return lines;
    }

    /** The chosen trainee's curriculum, for the form's choice of competency. */
    public ObservableList<Competency> competencies() {
        return competencies;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObjectProperty<Competency> competencyProperty() {
        return competency;
    }

    public ObjectProperty<LocalDate> performedOnProperty() {
        return performedOn;
    }

    public ObjectProperty<SignOffLevel> levelProperty() {
        return level;
    }

    public ObjectProperty<Integer> countProperty() {
        return count;
    }

    public StringProperty caseReferenceProperty() {
        return caseReference;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    /** The reason of an amendment; asked only while {@link #amendingProperty()} holds the entry it corrects. */
    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyObjectProperty<SignOffLine> amendingProperty() {
        return amending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    /** True while the case reference looks as if it names a patient: the view warns, and asks before signing. */
    public ReadOnlyBooleanProperty caseLooksLikeNameProperty() {
        return caseLooksLikeName.getReadOnlyProperty();
    }

    /** Whether the form holds enough to sign: the sign button's enabled state. */
    public BooleanBinding signableProperty() {
        return signable;
    }

    /** The text of a level in the user's language. */
    public String levelName(SignOffLevel value) {
        return value == null ? "" : messages.get(value.messageKey());
    }

    /** A competency's name in the user's language. */
    public String competencyName(Competency value) {
        return value == null ? "" : messages.language() == Language.ZH ? value.nameZh() : value.nameEn();
    }

    /** "12 / 20" */
    public String done(CompetencyProgress line) {
        return messages.format("signoff.progress.done", line.done(), line.competency().requiredCount());
    }

    /** What the list says of a trainee's rotation: the on-site block and the mentor of the latest one. */
    public String onSite(TraineeSummary trainee) {
        return trainee.rotations().stream().filter(CalendarEntry::planned).reduce((first, second) -> second)
                .map(entry -> messages.format("signoff.onSite", entry.onSite().from().toString(),
                        entry.onSite().to().toString(), entry.mentorName()))
                .orElse("");
    }

    /** "4 / 6" competencies achieved, or complete. */
    public String achieved(TraineeSummary trainee) {
        var p = trainee.progress();
        var done = messages.format("signoff.progress.done", p.achievedCount(), p.competencies().size());
        return p.complete() ? "✓ " + done : done;
    }

    /** The note of an entry: which entry it corrects and why, or that a later entry corrects it. */
    public String note(SignOffLine line) {
        var entry = line.entry();
        if (entry.amendsId() != null) {
            return messages.format("signoff.amends", String.valueOf(entry.amendsId()), entry.amendReason());
        }
        return line.amended() ? text("signoff.amended") : "";
    }

    // --- commands ---

    /** Reads the list: a mentor's current mentees, or every trainee the user may read. */
    public void load() {
        var keep = chosen.get() == null ? null : chosen.get().traineeId();
        work.run(executor, "signoff.loading", () -> canSign()
                ? service.mentees(session).stream().map(TraineeSummary::of).toList()
                : service.trainees(session), list -> {
                    trainees.setAll(list);
                    var again = keep == null ? null
                            : list.stream().filter(t -> t.traineeId() == keep).findFirst().orElse(null);
                    chosen.set(again != null ? again : list.isEmpty() ? null : list.get(0));
                });
    }

    private void read(TraineeSummary trainee) {
        if (trainee == null) {
            record.set(null);
            return;
        }
        work.run(executor, "signoff.loading", () -> service.trainee(session, trainee.traineeId()), record::set);
    }

    private void show(TraineeRecord shownRecord) {
        if (shownRecord == null) {
            progress.clear();
            lines.clear();
            competencies.clear();
            heading.set("");
            summary.set("");
            return;
        }
        progress.setAll(shownRecord.progress().competencies());
        var newestFirst = new ArrayList<>(shownRecord.signOffs());
        Collections.reverse(newestFirst);
        lines.setAll(newestFirst);
        competencies.setAll(shownRecord.progress().competencies().stream().map(CompetencyProgress::competency).toList());
        heading.set(messages.format("signoff.heading", shownRecord.trainee().name(), shownRecord.departmentName(),
                shownRecord.hospitalName()));
        var p = shownRecord.progress();
        summary.set(p.complete() ? text("signoff.complete")
                : messages.format("signoff.summary", p.achievedCount(), p.competencies().size()));
        if (competency.get() == null || !competencies.contains(competency.get())) {
            competency.set(competencies.isEmpty() ? null : competencies.get(0));
        }
        if (performedOn.get() == null) {
            performedOn.set(LocalDate.now(clock));
        }
    }

    /**
     * Fills the form with an entry of the mentor's own to correct; the correction is signed like a
     * sign-off, with a reason. Entries of other mentors, and entries already corrected, are refused
     * here with the service's own words when signed — the form says so at once.
     */
    public void startAmend(SignOffLine line) {
        formError.set("");
        if (line == null || !canSign()) {
            return;
        }
        if (line.amended()) {
            formError.set(messages.format("signoff.amend.alreadyAmended", String.valueOf(line.entry().id())));
            return;
        }
        if (!Long.valueOf(line.entry().mentorId()).equals(session.user().mentorId())) {
            formError.set(messages.format("signoff.amend.notYours", String.valueOf(line.entry().id())));
            return;
        }
        var entry = line.entry();
        amending.set(line);
        competency.set(competencies.stream().filter(c -> c.id() == entry.competencyId()).findFirst().orElse(null));
        performedOn.set(entry.performedOn());
        level.set(entry.level());
        count.set(entry.count());
        caseReference.set(entry.caseReference() == null ? "" : entry.caseReference());
        comment.set(entry.comment() == null ? "" : entry.comment());
        reason.set("");
    }

    /** Leaves the correction of an entry; the form signs new entries again. */
    public void cancelAmend() {
        if (amending.get() != null) {
            amending.set(null);
            reason.set("");
            clearEntry();
        }
        formError.set("");
    }

    /**
     * Signs the form (a new entry, or the correction of {@link #amendingProperty()}) with the mentor's
     * password, off the JavaFX thread; "saved" is said only once the store has it on disk.
     */
    public void sign(char[] password) {
        var trainee = record.get();
        if (!signable.get() || trainee == null) {
            return;
        }
        var request = new SignOffRequest(trainee.trainee().id(), competency.get().id(), performedOn.get(), level.get(),
                count.get(), caseReference.get(), comment.get());
        var corrects = amending.get();
        var why = reason.get();
        formError.set("");
        signing.set(true);
        work.run(executor, "signoff.signing", () -> corrects == null
                ? service.signOff(session, password, request)
                : service.amend(session, password, corrects.entry().id(), request, why), saved -> {
                    signing.set(false);
                    Arrays.fill(password, '\0');
                    amending.set(null);
                    reason.set("");
                    clearEntry();
                    refreshAfterSigning(trainee.trainee().id(), saidOf(saved, trainee));
                }, failure -> {
                    signing.set(false);
                    Arrays.fill(password, '\0');
                    formError.set(failure);
                });
    }

    private String saidOf(SignOff saved, TraineeRecord trainee) {
        var name = competencies.stream().filter(c -> c.id() == saved.competencyId()).findFirst()
                .map(this::competencyName).orElse("");
        var key = saved.amendsId() == null ? "signoff.saved" : "signoff.amendSaved";
        return messages.format(key, String.valueOf(saved.id()), trainee.trainee().name(), name, saved.count());
    }

    /** After a sign-off: the entry's count, case and comment are cleared; competency, date and level stay for the next. */
    private void clearEntry() {
        count.set(1);
        caseReference.set("");
        comment.set("");
    }

    /** Reads the trainee again after signing, then says {@code saved}: the entry is on disk already. */
    private void refreshAfterSigning(long traineeId, String saved) {
        work.run(executor, "signoff.loading", () -> service.trainee(session, traineeId), fresh -> {
            record.set(fresh);
            var at = trainees.stream().filter(t -> t.traineeId() == traineeId).findFirst();
            at.ifPresent(old -> {
                var updated = TraineeSummary.of(fresh);
                trainees.set(trainees.indexOf(old), updated);
                chosen.set(updated);
            });
            work.say(saved);
        });
    }

    // --- printing ---

    @Override
    public ObjectProperty<Paper> paperProperty() {
        return paper;
    }

    @Override
    public ReadOnlyObjectProperty<PrintDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    /** The record, or the completion certificate (only once every competency is achieved: on A4 portrait). */
    public ObjectProperty<PrintKind> printKindProperty() {
        return printKind;
    }

    @Override
    public void layOut() {
        var shownRecord = record.get();
        if (shownRecord == null) {
            work.tell("print.chooseTrainee");
            return;
        }
        var kind = printKind.get();
        if (kind == PrintKind.CERTIFICATE && !shownRecord.progress().complete()) {
            document.set(null);
            work.warn(messages.format("signoff.certificate.notComplete", shownRecord.trainee().name(),
                    shownRecord.progress().achievedCount(), shownRecord.progress().competencies().size()));
            return;
        }
        var sheet = paper.get();
        var today = LocalDate.now(clock);
        work.run(executor, "print.layingOut", () -> {
            var measure = prints.fonts().measure();
            return switch (kind) {
                case RECORD -> new TraineeRecordLayout(messages, measure).layout(shownRecord, new PageSetup(
                        messages.format("print.record.heading", shownRecord.trainee().name()), sheet, today));
                case CERTIFICATE -> new CertificateLayout(measure).layout(shownRecord, today);
            };
        }, document::set);
    }

    @Override
    public String pdfFileName() {
        var shownRecord = record.get();
        var kind = printKind.get() == PrintKind.CERTIFICATE ? "certificate" : "record";
        return kind + (shownRecord == null ? "" : "-" + shownRecord.trainee().name()) + ".pdf";
    }

    @Override
    public void savePdf(Path file) {
        output.savePdf(document.get(), file, printName());
    }

    @Override
    public void printed(int pages) {
        output.printed(pages, printName());
    }

    /** The chosen print and whose it is, for the audit log: "certificate trainee=12". */
    private String printName() {
        var shownRecord = record.get();
        return (printKind.get() == PrintKind.CERTIFICATE ? "certificate" : "record")
                + (shownRecord == null ? "" : " trainee=" + shownRecord.trainee().id());
    }

    // --- export ---

    /**
     * Writes every sign-off of the trainees the user may read (amended entries included, marked) as a
     * workbook or CSV file, off the JavaFX thread; staff and phone numbers masked for a reader who may
     * not see the people screens.
     */
    public void exportSignOffs(ExportKind kind, Path file) {
        var numbers = session.may(Permission.VIEW_PEOPLE) ? SignOffExport.Numbers.SHOWN : SignOffExport.Numbers.MASKED;
        work.run(executor, "export.writing", () -> {
            var rows = new ArrayList<SignOffReportRow>();
            for (var each : service.records(session)) {
                for (var line : each.signOffs()) {
                    rows.add(new SignOffReportRow(each.trainee(), each.hospitalName(), each.departmentName(), line));
                }
            }
            var export = new SignOffExport(messages, numbers);
            switch (kind) {
                case XLSX -> export.writeXlsx(rows, file);
                case CSV -> export.writeCsv(rows, file);
            }
            audit.recordExport(session, "signoffs-" + kind.name().toLowerCase(Locale.ROOT), file);
            return file;
        }, saved -> work.say(messages.format("print.saved", saved.toString())));
    }

    /** The file name a save dialog suggests for the export. */
    public String exportFileName(ExportKind kind) {
        return "signoffs-" + LocalDate.now(clock) + (kind == ExportKind.XLSX ? ".xlsx" : ".csv");
    }
}
