package org.kora.ui.calendar;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

import org.kora.domain.AwayMonth;
import org.kora.domain.CalendarEntry;
import org.kora.domain.CalendarFilter;
import org.kora.domain.DateRange;
import org.kora.domain.Department;
import org.kora.domain.Messages;
import org.kora.domain.Permission;
import org.kora.domain.ProgramCalendar;
import org.kora.domain.StartRule;
import org.kora.domain.TraineeRecord;
import org.kora.planning.Conflict;
import org.kora.planning.LiveCheck;
import org.kora.report.AwayListLayout;
import org.kora.report.BlockSelection;
import org.kora.report.CalendarGrouping;
import org.kora.report.CalendarOptions;
import org.kora.report.IcsCalendarExport;
import org.kora.report.PageSetup;
import org.kora.report.Paper;
import org.kora.report.PrintDocument;
import org.kora.report.RotationCalendarLayout;
import org.kora.report.TraineeRecordLayout;
import org.kora.report.XlsxCalendarExport;
import org.kora.service.CalendarData;
import org.kora.service.CalendarMove;
import org.kora.service.AuditService;
import org.kora.service.CalendarService;
import org.kora.service.PlanPreview;
import org.kora.service.Session;
import org.kora.service.SignOffService;
import org.kora.ui.Choice;
import org.kora.ui.PrintResources;
import org.kora.ui.TaskExecutor;
import org.kora.ui.WorkStatus;
import org.kora.ui.print.PrintOutput;
import org.kora.ui.print.Printable;

/**
 * The rotation calendar: every rotation of the program as lines grouped by cohort or by home
 * department, filtered by hospital, department, cohort, months and a name; moves made by dragging
 * (snapped to the start rule, both blocks together, every rule checked live), kept as unsaved
 * moves with undo and redo until a planner saves them; and the away list of the same rotations.
 * Everyone who sees the calendar may try moves; only a planner's save reaches the database.
 */
public final class CalendarViewModel implements Printable {
    /** What a print shows. */
    public enum PrintKind { CALENDAR, AWAY_LIST, RECORD }

    /** What an iCalendar export holds: the shown rotations, the selected trainee's, or their mentor's on-site blocks. */
    public enum IcsScope { SHOWN, TRAINEE, MENTOR }

    /** The width of a column: a month or a week. */
    public enum Zoom { MONTHS, WEEKS }

    /** A line of the calendar: a group heading (entry null) or a rotation. */
    public record Line(String heading, CalendarEntry entry, boolean moved) {
        public boolean isHeading() {
            return entry == null;
        }
    }

    private record Step(CalendarEntry before, CalendarEntry after) {
    }

    /** What a load reads off the JavaFX thread: the data, and the live check built on it with every conflict found. */
    private record Loaded(CalendarData data, LiveCheck live) {
    }


    private final CalendarService service;
    private final SignOffService signOffs;
    private final AuditService audit;
    private final Session session;
    private final TaskExecutor executor;
    private final Messages messages;
    private final WorkStatus work;
    private final PrintOutput output;
    private final PrintResources prints;

    private final ObjectProperty<CalendarGrouping> grouping = new SimpleObjectProperty<>(CalendarGrouping.COHORT);
    private final ObjectProperty<Zoom> zoom = new SimpleObjectProperty<>(Zoom.MONTHS);
    private final ObjectProperty<Choice> hospital = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> department = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> cohort = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty find = new SimpleStringProperty("");
    private final ObservableList<Choice> hospitals = FXCollections.observableArrayList();
    private final ObservableList<Choice> departments = FXCollections.observableArrayList();
    private final ObservableList<Choice> cohorts = FXCollections.observableArrayList();
    private final ObservableList<AwayMonth> away = FXCollections.observableArrayList();

    private final ReadOnlyObjectWrapper<List<Line>> lines = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<DateRange> span = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CalendarEntry> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper selectedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper movesText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<PrintKind> printKind = new SimpleObjectProperty<>(PrintKind.CALENDAR);
    private final ObjectProperty<Paper> paper = new SimpleObjectProperty<>(Paper.A4_LANDSCAPE);
    private final BooleanProperty awayShown = new SimpleBooleanProperty();
    private final ObjectProperty<Integer> printYear = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<PrintDocument> document = new ReadOnlyObjectWrapper<>();

    private CalendarData data;
    private LiveCheck live;
    /** The entries as moved, by rotation id; an entry moved back to where it was leaves the map. */
    private final Map<Long, CalendarEntry> moved = new LinkedHashMap<>();
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private Set<Long> inConflict = Set.of();
    private List<Conflict> conflicts = List.of();
    /** True while a read is taken in: the choices it sets would each refresh the lines, which it does once at the end. */
    private boolean takingIn;

    public CalendarViewModel(CalendarService service, SignOffService signOffs, AuditService audit, Session session,
                             TaskExecutor executor, Messages messages, PrintResources prints) {
        this.service = service;
        this.signOffs = signOffs;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
        this.prints = prints;
        this.audit = audit;
        this.work = new WorkStatus(messages);
        this.output = new PrintOutput(audit, session, executor, prints, messages, work);
        grouping.addListener((property, was, is) -> refresh());
        cohort.addListener((property, was, is) -> refresh());
        from.addListener((property, was, is) -> refresh());
        to.addListener((property, was, is) -> refresh());
        department.addListener((property, was, is) -> refresh());
        hospital.addListener((property, was, is) -> {
            fillDepartments();
            refresh();
        });
        selected.addListener((property, was, is) -> describeSelected());
        awayShown.addListener((property, was, is) -> {
            if (is && data != null) {
                fillAway(shownEntries());
            }
        });
    }

    // --- properties the view binds to ---

    @Override
    public WorkStatus work() {
        return work;
    }

    public ObjectProperty<CalendarGrouping> groupingProperty() {
        return grouping;
    }

    public ObjectProperty<Zoom> zoomProperty() {
        return zoom;
    }

    public ObjectProperty<Choice> hospitalProperty() {
        return hospital;
    }

    public ObjectProperty<Choice> departmentProperty() {
        return department;
    }

    public ObjectProperty<Choice> cohortProperty() {
        return cohort;
    }

    /** The first day whose month the calendar shows; null for the start of the program. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** The last day whose month the calendar shows; null for the end of the program. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Text to find in a trainee's name or staff number. */
    public StringProperty findProperty() {
        return find;
    }

    public ObservableList<Choice> hospitals() {
        return hospitals;
    }

    public ObservableList<Choice> departments() {
        return departments;
    }

    public ObservableList<Choice> cohorts() {
        return cohorts;
    }

    /**
     * Whether the away list is in view: it is made only then (at 10,000 trainees, laying out its
     * table while hidden took most of the time to first show the calendar).
     */
    public BooleanProperty awayShownProperty() {
        return awayShown;
    }

    /** The away list of the lines' home departments over the shown months, month by month; filled while {@link #awayShownProperty} holds. */
    public ObservableList<AwayMonth> away() {
        return away;
    }

    public ReadOnlyObjectProperty<List<Line>> linesProperty() {
        return lines.getReadOnlyProperty();
    }

    /** The days the calendar's columns cover: whole months around every shown rotation, or the filter's months. */
    public ReadOnlyObjectProperty<DateRange> spanProperty() {
        return span.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CalendarEntry> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected rotation in words, with every conflict it is in. */
    public ReadOnlyStringProperty selectedTextProperty() {
        return selectedText.getReadOnlyProperty();
    }

    /** How many moves are not saved, and whether this user may save them. */
    public ReadOnlyStringProperty movesTextProperty() {
        return movesText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True while there are moves not saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Whether this user's moves can be saved (planners); others try moves on the screen only. */
    public boolean maySave() {
        return session.user().role().may(Permission.PLAN_COHORTS);
    }

    public LocalDate today() {
        return data == null ? LocalDate.now() : data.today();
    }

    public String text(String key) {
        return messages.get(key);
    }

    @Override
    public Messages messages() {
        return messages;
    }

    // --- reading ---

    /** Reads the calendar anew, dropping unsaved moves. */
    public void load() {
        load(null);
    }

    /** Reads the calendar anew; then says {@code doneKey}, if given. */
    private void load(String doneKey) {
        work.run(executor, "calendar.loading", () -> {
            var read = service.load(session);
            var check = new LiveCheck(read.problem(), read.plan());
            check.conflicts();
            return new Loaded(read, check);
        }, loaded -> {
            show(loaded.data(), loaded.live());
            if (doneKey != null) {
                work.tell(doneKey);
            }
        });
    }

    private void show(CalendarData read, LiveCheck check) {
        data = read;
        live = check;
        moved.clear();
        undo.clear();
        redo.clear();
        var all = new Choice(0, messages.get("calendar.all"));
        var keepHospital = hospital.get();
        var keepCohort = cohort.get();
        takingIn = true;
        try {
            hospitals.setAll(all);
            read.hospitals().forEach(item -> hospitals.add(new Choice(item.id(), item.name())));
            cohorts.setAll(all);
            read.cohorts().forEach(item -> cohorts.add(new Choice(item.id(), item.name())));
            hospital.set(keepHospital != null && hospitals.contains(keepHospital) ? keepHospital : all);
            cohort.set(keepCohort != null && cohorts.contains(keepCohort) ? keepCohort : all);
            fillDepartments();
        } finally {
            takingIn = false;
        }
        markConflicts();
        refresh();
    }

    private void fillDepartments() {
        if (data == null) {
            return;
        }
        var keep = department.get();
        var all = new Choice(0, messages.get("calendar.all"));
        departments.setAll(all);
        homeDepartments().forEach(item -> departments.add(new Choice(item.id(), data.departmentLabel(item))));
        department.set(keep != null && departments.contains(keep) ? keep : all);
    }

    private List<Department> homeDepartments() {
        var chosen = hospital.get();
        return data.homeDepartments().stream()
                .filter(item -> chosen == null || chosen.id() == 0 || item.hospitalId() == chosen.id()).toList();
    }

    /** The filter the screen's choices make, also for prints and exports of what is shown. */
    public CalendarFilter filter() {
        Set<Long> ids = null;
        var chosenDepartment = department.get();
        var chosenHospital = hospital.get();
        if (chosenDepartment != null && chosenDepartment.id() != 0) {
            ids = Set.of(chosenDepartment.id());
        } else if (chosenHospital != null && chosenHospital.id() != 0 && data != null) {
            ids = homeDepartments().stream().map(Department::id).collect(Collectors.toSet());
        }
        var chosenCohort = cohort.get();
        var first = from.get() == null ? null : YearMonth.from(from.get());
        var last = to.get() == null ? null : YearMonth.from(to.get());
        if (first != null && last != null && last.isBefore(first)) {
            last = first;
        }
        return new CalendarFilter(ids, chosenCohort == null || chosenCohort.id() == 0 ? null : chosenCohort.id(),
                first, last, "");
    }

    /**
     * The shown rotations, with unsaved moves and live conflict marks, in the screen's order: the
     * groups and headings of {@link CalendarGrouping}, but within them the calendar's own order
     * (cohort, then name), which a move never changes — so that a row stays where it is while its
     * rotation is dragged. Prints and exports order their copy by {@link CalendarGrouping#groups}.
     */
    public List<CalendarEntry> shownEntries() {
        if (data == null) {
            return List.of();
        }
        var filter = filter();
        var shown = data.entries().stream().map(this::current).filter(filter::test).toList();
        if (grouping.get() == CalendarGrouping.HOME_DEPARTMENT) {
            var order = new LinkedHashMap<Long, Integer>();
            data.homeDepartments().forEach(item -> order.put(item.id(), order.size()));
            // a stable sort: within a department, the calendar's own order (cohort, then name)
            shown = shown.stream().sorted(Comparator.comparing((CalendarEntry entry) -> order.getOrDefault(entry.homeDepartmentId(), 0)))
                    .toList();
        }
        return shown;
    }

    private CalendarEntry current(CalendarEntry entry) {
        var now = moved.getOrDefault(entry.rotationId(), entry);
        return now.inConflict() == inConflict.contains(entry.rotationId()) ? now : now.marked(!now.inConflict());
    }

    private void refresh() {
        if (data == null || takingIn) {
            return;
        }
        var shown = shownEntries();
        var result = new ArrayList<Line>(shown.size() + 32);
        String heading = null;
        for (var entry : shown) {
            var group = grouping.get().heading(entry, messages);
            if (!group.equals(heading)) {
                heading = group;
                result.add(new Line(group, null, false));
            }
            result.add(new Line(null, entry, moved.containsKey(entry.rotationId())));
        }
        lines.set(List.copyOf(result));
        span.set(span(shown));
        if (awayShown.get()) {
            fillAway(shown);
        }
        if (selected.get() != null) {
            selected.set(shown.stream().filter(entry -> entry.rotationId() == selected.get().rotationId()).findFirst().orElse(null));
        }
        describeSelected();
        describeMoves();
    }

    /**
     * The away list of the shown rotations, month by month, as managers ask "who is away this
     * month"; departments in their order within a month.
     */
    private void fillAway(List<CalendarEntry> shown) {
        var months = span.get();
        away.setAll(AwayMonth.of(shown, homeDepartmentsShown(), data::hospitalName,
                YearMonth.from(months.from()), YearMonth.from(months.to())).stream()
                .sorted(Comparator.comparing(AwayMonth::month)).toList());
    }

    private List<Department> homeDepartmentsShown() {
        var chosen = department.get();
        return homeDepartments().stream().filter(item -> chosen == null || chosen.id() == 0 || item.id() == chosen.id()).toList();
    }

    private DateRange span(List<CalendarEntry> shown) {
        var first = from.get() != null ? from.get()
                : shown.stream().filter(CalendarEntry::planned).map(entry -> entry.offSite().from())
                .min(Comparator.naturalOrder()).orElse(today());
        var last = to.get() != null ? to.get()
                : shown.stream().filter(CalendarEntry::planned).map(entry -> entry.onSite().to())
                .max(Comparator.naturalOrder()).orElse(today());
        if (last.isBefore(first)) {
            last = first;
        }
        return DateRange.of(first.withDayOfMonth(1), YearMonth.from(last).atEndOfMonth());
    }

    // --- selection and finding ---

    /** The index of the first line whose rotation is under way today or later (where a reader starts); 0 if none. */
    public int firstCurrentLine() {
        var all = lines.get();
        for (var i = 0; i < all.size(); i++) {
            var entry = all.get(i).entry();
            if (entry != null && entry.planned() && !entry.onSite().to().isBefore(today())) {
                return i > 0 && all.get(i - 1).isHeading() ? i - 1 : i;
            }
        }
        return 0;
    }

    public void select(CalendarEntry entry) {
        selected.set(entry);
    }

    /**
     * Selects the next shown rotation after the selected one whose trainee's name or staff number
     * holds the find text; returns its line's index, or -1 (and says so) if there is none.
     */
    public int findNext() {
        var text = find.get() == null ? "" : find.get().strip().toLowerCase(Locale.ROOT);
        var all = lines.get();
        if (text.isEmpty() || all.isEmpty()) {
            return -1;
        }
        var start = 0;
        for (var i = 0; i < all.size(); i++) {
            if (!all.get(i).isHeading() && selected.get() != null && all.get(i).entry().rotationId() == selected.get().rotationId()) {
                start = i + 1;
            }
        }
        for (var n = 0; n < all.size(); n++) {
            var index = (start + n) % all.size();
            var entry = all.get(index).entry();
            if (entry != null && (entry.traineeName().toLowerCase(Locale.ROOT).contains(text) || entry.staffNo().contains(text))) {
                selected.set(entry);
                work.tell("calendar.found");
                return index;
            }
        }
        work.tell("calendar.notFound");
        return -1;
    }

    // --- prints and exports ---

    public ObjectProperty<PrintKind> printKindProperty() {
        return printKind;
    }

    @Override
    public ObjectProperty<Paper> paperProperty() {
        return paper;
    }

    /** The calendar year a print covers; null for the months the calendar shows. */
    public ObjectProperty<Integer> printYearProperty() {
        return printYear;
    }

    /** The years a print may cover: every year the shown rotations touch, and this one. */
    public List<Integer> printYears() {
        var months = span.get();
        var first = Math.min(months == null ? today().getYear() : months.from().getYear(), today().getYear());
        var last = Math.max(months == null ? today().getYear() : months.to().getYear(), today().getYear());
        return IntStream.rangeClosed(first, last).boxed().toList();
    }

    /** The laid-out print, made by {@link #layOut}; null until then. */
    @Override
    public ReadOnlyObjectProperty<PrintDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    @Override
    public PrintResources prints() {
        return prints;
    }

    /** Whether the print kind can be made now: a trainee's record needs a chosen trainee. */
    public boolean canPrint(PrintKind kind) {
        return kind != PrintKind.RECORD || selected.get() != null;
    }

    /**
     * Lays out the chosen print of what the calendar shows — its rotations, grouping and months,
     * with unsaved moves as they stand — on the chosen paper, off the JavaFX thread.
     */
    @Override
    public void layOut() {
        var kind = printKind.get();
        if (data == null || !canPrint(kind)) {
            work.tell("print.chooseTrainee");
            return;
        }
        var year = printYear.get();
        var first = year == null ? YearMonth.from(span.get().from()) : YearMonth.of(year, 1);
        var last = year == null ? YearMonth.from(span.get().to()) : YearMonth.of(year, 12);
        var months = DateRange.of(first.atDay(1), last.atEndOfMonth());
        var shown = shownEntries().stream().filter(entry -> year == null || entry.planned() && entry.span().overlaps(months))
                .toList();
        var away = AwayMonth.of(shown, homeDepartmentsShown(), data::hospitalName, first, last);
        var chosen = selected.get();
        var byGroup = grouping.get();
        var sheet = paper.get();
        work.run(executor, "print.layingOut", () -> {
            var fonts = prints.fonts();
            return switch (kind) {
                case CALENDAR -> new RotationCalendarLayout(messages, fonts.measure()).layout(shown, new CalendarOptions(
                        setup(messages.format("print.calendar.title", first.toString(), last.toString()), sheet),
                        byGroup, first, last));
                case AWAY_LIST -> new AwayListLayout(messages, fonts.measure()).layout(away,
                        setup(messages.format("print.away.title", first.toString(), last.toString()), sheet));
                case RECORD -> new TraineeRecordLayout(messages, fonts.measure()).layout(record(chosen),
                        setup(messages.format("print.record.heading", chosen.traineeName()), sheet));
            };
        }, document::set);
    }

    private PageSetup setup(String title, Paper sheet) {
        return new PageSetup(title, sheet, today());
    }

    /** The chosen trainee's record as stored: particulars, rotations, sign-offs and progress. */
    private TraineeRecord record(CalendarEntry chosen) {
        return signOffs.trainee(session, chosen.traineeId());
    }

    @Override
    public void savePdf(Path file) {
        output.savePdf(document.get(), file, printName());
    }

    @Override
    public void printed(int pages) {
        output.printed(pages, printName());
    }

    /** The chosen print's name, for file names and the audit log. */
    private String printName() {
        return switch (printKind.get()) {
            case CALENDAR -> "calendar";
            case AWAY_LIST -> "away-list";
            case RECORD -> "record";
        };
    }

    @Override
    public String pdfFileName() {
        return fileName(printName(), "pdf");
    }

    /** The file name a save dialog suggests for the print or export: "calendar-2027-01-2027-12.pdf". */
    public String fileName(String kind, String extension) {
        var months = span.get();
        var range = months == null ? "" : "-" + YearMonth.from(months.from()) + "-" + YearMonth.from(months.to());
        return kind + range + "." + extension;
    }

    /** Writes the shown rotations as an Excel workbook: the coloured grid and the table of blocks. */
    public void exportXlsx(Path file) {
        var shown = shownEntries();
        var months = span.get();
        var byGroup = grouping.get();
        work.run(executor, "export.writing", () -> {
            new XlsxCalendarExport(messages).write(shown, byGroup,
                    YearMonth.from(months.from()), YearMonth.from(months.to()), file);
            audit.recordExport(session, "calendar-xlsx", file);
            return file;
        }, saved -> work.say(messages.format("print.saved", saved.toString())));
    }

    /** Whether an iCalendar export of {@code scope} can be made now: the trainee and mentor scopes need a chosen rotation. */
    public boolean canExport(IcsScope scope) {
        var chosen = selected.get();
        return scope == IcsScope.SHOWN || chosen != null && (scope == IcsScope.TRAINEE || chosen.mentorId() != null);
    }

    /** Writes an iCalendar file of the scope: one event per block, with ids that stay the same from one export to the next. */
    public void exportIcs(IcsScope scope, Path file) {
        if (!canExport(scope)) {
            work.tell("print.chooseTrainee");
            return;
        }
        var chosen = selected.get();
        var entries = scope == IcsScope.SHOWN ? shownEntries()
                : data.entries().stream().map(this::current).toList();
        var selection = switch (scope) {
            case SHOWN -> BlockSelection.all();
            case TRAINEE -> BlockSelection.ofTrainee(chosen.traineeId());
            case MENTOR -> BlockSelection.ofMentor(chosen.mentorId());
        };
        var databaseId = data.databaseId();
        work.run(executor, "export.writing", () -> {
            new IcsCalendarExport(messages, databaseId, Clock.systemDefaultZone())
                    .write(entries.stream().filter(CalendarEntry::planned).toList(), selection, file);
            audit.recordExport(session, "calendar-ics-" + scope.name().toLowerCase(Locale.ROOT), file);
            return file;
        }, saved -> work.say(messages.format("print.saved", saved.toString())));
    }

    // --- moves ---

    /** Why the rotation cannot be moved, in words; null when it can. */
    public String moveRefusal(CalendarEntry entry) {
        if (data == null || live == null) {
            return messages.get("calendar.loading");
        }
        var original = original(entry);
        if (!original.planned()) {
            return messages.format("calendar.cannotMove.unplanned", entry.traineeName());
        }
        if (!data.movable(original)) {
            return messages.format("calendar.cannotMove", entry.traineeName());
        }
        return null;
    }

    /**
     * Shows the rotation starting off site at the start the rule allows nearest to {@code wanted},
     * never today or before, checked live; the returned entry is how it stands now. Call
     * {@link #drop} to keep it or {@link #cancelMove} to put it back.
     */
    public CalendarEntry dragTo(CalendarEntry entry, LocalDate wanted) {
        var program = data.problem().program();
        var start = ProgramCalendar.nearestStart(wanted, program);
        if (!start.isAfter(today())) {
            start = ProgramCalendar.firstStartOnOrAfter(today().plusDays(1), program);
        }
        var now = place(entry, start);
        refresh();
        return now;
    }

    /** Keeps a dragged rotation where it stands, as a step that can be undone. */
    public void drop(CalendarEntry before) {
        var after = moved.getOrDefault(before.rotationId(), original(before));
        var was = before.marked(false);
        if (!after.marked(false).equals(was)) {
            undo.push(new Step(was, after.marked(false)));
            redo.clear();
        }
        refresh();
    }

    /** Puts a dragged rotation back where it was before the drag. */
    public void cancelMove(CalendarEntry before) {
        place(before, before.offSite().from());
        refresh();
    }

    /** Moves the selected rotation by whole start steps (a month under the month-start rule), as a drag would. */
    public void nudge(int steps) {
        var entry = selected.get();
        if (entry == null || moveRefusal(entry) != null) {
            work.tell("calendar.chooseMovable");
            return;
        }
        var wanted = data.problem().program().startRule() == StartRule.MONTH_START
                ? entry.offSite().from().plusMonths(steps) : entry.offSite().from().plusDays(7L * steps);
        dragTo(entry, wanted);
        drop(entry);
    }

    public void undo() {
        if (!undo.isEmpty()) {
            var step = undo.pop();
            place(step.after(), step.before().offSite().from());
            redo.push(step);
            refresh();
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            var step = redo.pop();
            place(step.before(), step.after().offSite().from());
            undo.push(step);
            refresh();
        }
    }

    /** Saves the moves (planners only; the service refuses anyone else), then reads the calendar anew. */
    public void save() {
        if (moved.isEmpty()) {
            return;
        }
        var moves = moved.values().stream().map(entry -> new CalendarMove(entry.rotationId(), original(entry).offSite(),
                entry.offSite(), entry.onSite(), entry.mentorId())).toList();
        work.run(executor, "calendar.saving", () -> {
            service.saveMoves(session, moves);
            return moves.size();
        }, count -> load("calendar.saved"));
    }

    /** Drops every unsaved move. */
    public void discard() {
        while (!undo.isEmpty()) {
            undo();
        }
        redo.clear();
        refresh();
    }

    private CalendarEntry place(CalendarEntry entry, LocalDate start) {
        var key = PlanPreview.rotationKey(entry.rotationId());
        live.move(key, start);
        var original = original(entry);
        var dates = ProgramCalendar.rotation(start, data.problem().program());
        var now = original.moved(dates.offSite(), dates.onSite(), original.mentorId(), original.mentorName());
        if (now.offSite().equals(original.offSite())) {
            moved.remove(entry.rotationId());
        } else {
            moved.put(entry.rotationId(), now);
        }
        markConflicts();
        return current(now);
    }

    private CalendarEntry original(CalendarEntry entry) {
        return data.entries().stream().filter(item -> item.rotationId() == entry.rotationId()).findFirst().orElseThrow();
    }

    private void markConflicts() {
        conflicts = live.conflicts().stream().filter(conflict -> conflict.rule().isPlanningRule()).toList();
        var ids = new HashSet<Long>();
        conflicts.forEach(conflict -> conflict.trainees().forEach(key -> ids.add(PlanPreview.idOf(key))));
        inConflict = ids;
    }

    private void describeSelected() {
        var entry = selected.get();
        if (entry == null || data == null) {
            selectedText.set("");
            return;
        }
        var text = new StringBuilder(entry.traineeName()).append(" · ").append(entry.cohortName());
        if (entry.planned()) {
            text.append(" · ").append(messages.format("calendar.blocks", entry.hostDepartmentName(),
                    messages.date(entry.offSite().from()), messages.date(entry.offSite().to()),
                    Objects.toString(entry.mentorName(), ""), messages.date(entry.onSite().from()),
                    messages.date(entry.onSite().to())));
        } else {
            text.append(" · ").append(messages.get("calendar.notPlanned"));
        }
        var key = PlanPreview.rotationKey(entry.rotationId());
        conflicts.stream().filter(conflict -> conflict.trainees().contains(key))
                .forEach(conflict -> text.append('\n').append("⚠ ").append(messages.format(data.readable(conflict))));
        selectedText.set(text.toString());
    }

    private void describeMoves() {
        dirty.set(!moved.isEmpty());
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        if (moved.isEmpty()) {
            movesText.set("");
        } else if (maySave()) {
            movesText.set(messages.format("calendar.unsaved", moved.size(), conflicts.size()));
        } else {
            movesText.set(messages.format("calendar.unsavedTrial", moved.size(), conflicts.size()));
        }
    }
}
