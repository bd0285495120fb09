package org.kora.ui.cohorts;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.kora.domain.Cohort;
import org.kora.domain.DateRange;
import org.kora.domain.HospitalKind;
import org.kora.domain.Leave;
import org.kora.domain.Messages;
import org.kora.domain.ProgramTemplate;
import org.kora.domain.Rotation;
import org.kora.domain.StartRule;
import org.kora.planning.LiveCheck;
import org.kora.planning.PlannerOptions;
import org.kora.planning.PlannerPhase;
import org.kora.planning.PlannerProgress;
import org.kora.service.CohortPlanningService;
import org.kora.service.DepartmentRow;
import org.kora.service.PeopleService;
import org.kora.service.PlanPreview;
import org.kora.service.PlanRowKind;
import org.kora.service.PlanUndo;
import org.kora.service.RotationPlacement;
import org.kora.service.RotationPreview;
import org.kora.service.Session;
import org.kora.ui.Choice;
import org.kora.ui.Progress;
import org.kora.ui.TaskExecutor;
import org.kora.ui.WorkStatus;

/**
 * The Cohorts screen: the list of cohorts, a new-cohort form, and for the chosen cohort its
 * trainees with their blocks and conflicts as saved. Planning (afresh, or re-planning with as few
 * changes as possible) runs in the background with progress and cancel and shows a preview — what
 * each rotation becomes, and why a trainee could not be placed — that the planner applies or
 * discards; the last apply can be undone. Trainees are added with their partner department and
 * window, and each trainee's leave is kept here too, since it is what planning needs of it.
 */
public final class CohortsViewModel {
    /** One line of the trainee table, in words. */
    public record Row(long rotationId, long traineeId, String cohort, String trainee, String home, String partner, String offSite,
                      String onSite, String mentor, String status, boolean conflict, boolean changed, boolean movable,
                      boolean pinned) {
    }

    /** A hand move, kept so that it can be taken back: the rotation, and where it was before. */
    private record Move(long rotationId, LocalDate start, String mentor) {
    }

    private final CohortPlanningService cohortService;
    private final PeopleService people;
    private final Session session;
    private final TaskExecutor executor;
    private final Messages messages;
    private final WorkStatus work;
    private final Progress progress;

    private final ObservableList<Cohort> cohorts = FXCollections.observableArrayList();
    /** The cohorts shown and planned together; the first is the one the forms add to. */
    private final ObservableList<Cohort> chosen = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Cohort> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper several = new ReadOnlyBooleanWrapper();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper template = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper previewShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper undoable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("");
    private PlanPreview current;
    private PlanPreview preview;
    private PlanUndo lastApply;

    private final StringProperty newName = new SimpleStringProperty("");
    private final IntegerProperty offSiteMonths = new SimpleIntegerProperty(ProgramTemplate.DEFAULT.offSiteMonths());
    private final IntegerProperty onSiteMonths = new SimpleIntegerProperty(ProgramTemplate.DEFAULT.onSiteMonths());
    private final IntegerProperty travelDays = new SimpleIntegerProperty(ProgramTemplate.DEFAULT.travelDays());
    private final ObjectProperty<StartRule> startRule = new SimpleObjectProperty<>(ProgramTemplate.DEFAULT.startRule());
    private final ReadOnlyStringWrapper newCohortError = new ReadOnlyStringWrapper("");

    /** Home departments by id, by name only: a trainee's home hospital goes without saying. */
    private final Map<Long, String> homeNames = new HashMap<>();
    private final ObservableList<Choice> traineeChoices = FXCollections.observableArrayList();
    private final ObservableList<Choice> partnerChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Choice> trainee = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> partner = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> earliestStart = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> latestEnd = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper addError = new ReadOnlyStringWrapper("");

    private final ObjectProperty<Row> chosenRow = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> moveStart = new SimpleObjectProperty<>();
    private final ObservableList<Choice> moveMentors = FXCollections.observableArrayList();
    private final ObjectProperty<Choice> moveMentor = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper movable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper moveUndoable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper moveTitle = new ReadOnlyStringWrapper("");
    /** The live check of hand moves, built from the table shown when the first move is made. */
    private LiveCheck live;
    private final Deque<Move> moves = new ArrayDeque<>();
    private final ObservableList<Leave> leave = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> leaveFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> leaveTo = new SimpleObjectProperty<>();
    private final StringProperty leaveReason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper leaveError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper leaveTitle = new ReadOnlyStringWrapper("");
    private final BooleanProperty leaveEditable = new SimpleBooleanProperty();

    public CohortsViewModel(CohortPlanningService cohortService, PeopleService people, Session session,
                            TaskExecutor executor, Messages messages) {
        this.cohortService = cohortService;
        this.people = people;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
        this.work = new WorkStatus(messages);
        this.progress = new Progress(executor);
        chosenRow.addListener((property, was, is) -> {
            showLeave(is);
            showMove(is);
        });
    }

    // --- properties the view binds to ---

    public WorkStatus work() {
        return work;
    }

    public Progress progress() {
        return progress;
    }

    public ObservableList<Cohort> cohorts() {
        return cohorts;
    }

    /** The cohort the forms work on: the first of those chosen, or null. */
    public ReadOnlyObjectProperty<Cohort> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The cohorts shown and planned together. */
    public ObservableList<Cohort> chosenCohorts() {
        return FXCollections.unmodifiableObservableList(chosen);
    }

    /** Whether several cohorts are shown together (the table then names each row's cohort). */
    public ReadOnlyBooleanProperty severalProperty() {
        return several.getReadOnlyProperty();
    }

    /**
     * Shows {@code list} as saved, together when there are several — they are then planned together,
     * against everything else planned; a preview of other cohorts is dropped.
     */
    public void choose(List<Cohort> list) {
        if (!list.equals(chosen)) {
            setChosen(list);
            showCohorts(() -> { });
        }
    }

    private void setChosen(List<Cohort> list) {
        chosen.setAll(list);
        selected.set(list.isEmpty() ? null : list.get(0));
        several.set(list.size() > 1);
    }

    private List<Long> chosenIds() {
        return chosen.stream().map(Cohort::id).toList();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The conflicts, and the reasons trainees could not be placed, as sentences. */
    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty templateProperty() {
        return template.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty previewShownProperty() {
        return previewShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty undoableProperty() {
        return undoable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public IntegerProperty offSiteMonthsProperty() {
        return offSiteMonths;
    }

    public IntegerProperty onSiteMonthsProperty() {
        return onSiteMonths;
    }

    public IntegerProperty travelDaysProperty() {
        return travelDays;
    }

    public ObjectProperty<StartRule> startRuleProperty() {
        return startRule;
    }

    public ReadOnlyStringProperty newCohortErrorProperty() {
        return newCohortError.getReadOnlyProperty();
    }

    public ObservableList<Choice> traineeChoices() {
        return traineeChoices;
    }

    public ObservableList<Choice> partnerChoices() {
        return partnerChoices;
    }

    public ObjectProperty<Choice> traineeProperty() {
        return trainee;
    }

    public ObjectProperty<Choice> partnerProperty() {
        return partner;
    }

    public ObjectProperty<LocalDate> earliestStartProperty() {
        return earliestStart;
    }

    public ObjectProperty<LocalDate> latestEndProperty() {
        return latestEnd;
    }

    public ReadOnlyStringProperty addErrorProperty() {
        return addError.getReadOnlyProperty();
    }

    public ObjectProperty<Row> chosenRowProperty() {
        return chosenRow;
    }

    public ObservableList<Leave> leave() {
        return leave;
    }

    public ObjectProperty<LocalDate> leaveFromProperty() {
        return leaveFrom;
    }

    public ObjectProperty<LocalDate> leaveToProperty() {
        return leaveTo;
    }

    public StringProperty leaveReasonProperty() {
        return leaveReason;
    }

    public ReadOnlyStringProperty leaveErrorProperty() {
        return leaveError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty leaveTitleProperty() {
        return leaveTitle.getReadOnlyProperty();
    }

    /** Whether leave can be added now: a trainee is chosen. */
    public BooleanProperty leaveEditableProperty() {
        return leaveEditable;
    }

    public ObjectProperty<LocalDate> moveStartProperty() {
        return moveStart;
    }

    public ObservableList<Choice> moveMentors() {
        return moveMentors;
    }

    public ObjectProperty<Choice> moveMentorProperty() {
        return moveMentor;
    }

    /** Whether the chosen row can be moved by hand: planned, neither confirmed nor started. */
    public ReadOnlyBooleanProperty movableProperty() {
        return movable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty moveUndoableProperty() {
        return moveUndoable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty moveTitleProperty() {
        return moveTitle.getReadOnlyProperty();
    }

    /** The title of the tab of conflicts and reasons, with their number. */
    public String problemsTitle(int count) {
        return messages.format("cohorts.tab.problems", count);
    }

    public String startRuleName(StartRule rule) {
        return rule == null ? "" : messages.get(rule == StartRule.MONTH_START ? "cohorts.startRule.monthStart"
                : "cohorts.startRule.anyDay");
    }

    public String leaveText(Leave period) {
        var dates = range(period.range());
        return period.reason() == null ? dates : dates + "  " + period.reason();
    }

    // --- loading ---

    /**
     * Reads the cohorts and the choices of the add-trainee form, and the chosen cohort again unless
     * a preview is shown; at first, selects the last cohort by name. Called again whenever the
     * screen comes back into view, since people, deployments and leave change elsewhere.
     */
    public void load() {
        run("cohorts.loading", who -> new Lists(cohortService.cohorts(who), traineeChoices(who), people.departments(who)),
                lists -> {
                    homeNames.clear();
                    partnerChoices.clear();
                    for (var row : lists.departments()) {
                        var department = row.department();
                        if (department.kind() == HospitalKind.HOME) {
                            homeNames.put(department.id(), department.name());
                        } else {
                            partnerChoices.add(new Choice(department.id(), department.name() + " (" + row.hospitalName() + ")"));
                        }
                    }
                    traineeChoices.setAll(lists.trainees());
                    replaceCohorts(lists.cohorts(), chosenIds(), () -> { });
                });
    }

    private record Lists(List<Cohort> cohorts, List<Choice> trainees, List<DepartmentRow> departments) {
    }

    private List<Choice> traineeChoices(Session who) {
        return people.trainees(who).stream().map(row -> new Choice(row.trainee().id(),
                row.trainee().name() + " · " + row.trainee().staffNo() + " · " + row.departmentName()
                        + " (" + row.hospitalName() + ")")).toList();
    }

    /**
     * Lists {@code list} and shows the cohorts {@code keep} that are still there, else the last one;
     * then runs {@code then}. A preview of the same cohorts stays.
     */
    private void replaceCohorts(List<Cohort> list, List<Long> keep, Runnable then) {
        cohorts.setAll(list);
        var again = list.stream().filter(cohort -> keep.contains(cohort.id())).toList();
        if (!again.isEmpty() && again.equals(chosen) && previewShown.get()) {
            then.run();
            return;
        }
        // by name, the newest cohort is usually the last and the one to plan
        setChosen(!again.isEmpty() ? again : list.isEmpty() ? List.of() : List.of(list.get(list.size() - 1)));
        showCohorts(then);
    }

    /** Shows the chosen cohorts as saved, then runs {@code then} (which may tell the user what was done). */
    private void showCohorts(Runnable then) {
        preview = null;
        previewShown.set(false);
        forgetMoves();
        var cohort = selected.get();
        if (cohort == null) {
            current = null;
            rows.clear();
            problems.clear();
            summary.set("");
            template.set("");
            then.run();
            return;
        }
        template.set(messages.format("cohorts.template", cohort.offSiteMonths(), cohort.onSiteMonths(),
                cohort.travelDays(), startRuleName(cohort.startRule())));
        var ids = chosenIds();
        run("cohorts.loading", who -> cohortService.current(who, ids), loaded -> {
            if (chosenIds().equals(loaded.cohortIds())) {
                current = loaded;
                show(loaded, false);
            }
            then.run();
        });
    }

    /** Reads the chosen cohorts again after a change, then says {@code toldKey} ("Saved.", …). */
    private void refresh(String toldKey) {
        showCohorts(() -> work.tell(toldKey));
    }

    // --- the table and the problems ---

    private void show(PlanPreview shown, boolean isPreview) {
        var inConflict = new HashSet<String>();
        shown.conflicts().forEach(conflict -> inConflict.addAll(conflict.trainees()));
        var list = new ArrayList<Row>();
        for (var row : shown.rows()) {
            list.add(row(shown, row, isPreview, inConflict.contains(PlanPreview.rotationKey(row.rotationId()))));
        }
        rows.setAll(list);
        var texts = new ArrayList<String>();
        shown.conflicts().forEach(conflict -> texts.add(messages.format(shown.readable(conflict))));
        for (var row : shown.rows()) {
            if (row.kind() == PlanRowKind.UNPLANNED && row.reason() != null
                    && !row.reason().messageKey().equals("cohort.notPlannedYet")) {
                texts.add(messages.format("cohorts.unplanned", row.traineeName(), messages.format(row.reason())));
            }
        }
        problems.setAll(texts);
        summary.set(isPreview ? previewSummary(shown) : currentSummary(shown));
    }

    /** One line of the table: the saved blocks, or in a preview the blocks the plan gives. */
    private Row row(PlanPreview shown, RotationPreview row, boolean isPreview, boolean inConflict) {
        var placement = row.kind() == PlanRowKind.UNPLANNED && !isPreview ? row.before() : row.after();
        var pinned = row.kind() == PlanRowKind.PINNED;
        return new Row(row.rotationId(), row.traineeId(), cohortName(shown, row.cohortId()), row.traineeName(),
                homeNames.getOrDefault(row.homeDepartmentId(), ""),
                shown.names().getOrDefault(PlanPreview.departmentKey(row.hostDepartmentId()), ""),
                dates(placement, RotationPlacement::offSite), dates(placement, RotationPlacement::onSite),
                placement == null ? "" : placement.mentorName(), status(row, isPreview), inConflict,
                isPreview && row.changes(), placement != null && !pinned, pinned);
    }

    private static String cohortName(PlanPreview shown, long cohortId) {
        return shown.cohorts().stream().filter(cohort -> cohort.id() == cohortId).map(Cohort::name).findFirst()
                .orElse("");
    }

    private String currentSummary(PlanPreview shown) {
        var planned = shown.count(PlanRowKind.UNCHANGED) + shown.count(PlanRowKind.PINNED);
        return messages.format("cohorts.summary", shown.rows().size(), planned, shown.count(PlanRowKind.UNPLANNED),
                shown.conflicts().size());
    }

    private String previewSummary(PlanPreview shown) {
        return messages.format("cohorts.previewSummary", shown.count(PlanRowKind.NEW), shown.count(PlanRowKind.MOVED),
                shown.count(PlanRowKind.NEW_MENTOR), shown.count(PlanRowKind.UNCHANGED) + shown.count(PlanRowKind.PINNED),
                shown.count(PlanRowKind.UNPLANNED));
    }

    private String status(RotationPreview row, boolean isPreview) {
        if (!isPreview) {
            return messages.get(switch (row.kind()) {
                case PINNED -> "cohorts.status.pinned";
                case UNPLANNED -> "cohorts.status.notPlanned";
                default -> "cohorts.status.planned";
            });
        }
        return switch (row.kind()) {
            case NEW -> messages.get("cohorts.change.new");
            case MOVED -> messages.format("cohorts.change.moved", row.before().offSite().from().toString());
            case NEW_MENTOR -> messages.get("cohorts.change.newMentor");
            case UNCHANGED -> messages.get("cohorts.change.unchanged");
            case UNPLANNED -> messages.get("cohorts.change.unplanned");
            case PINNED -> messages.get("cohorts.change.pinned");
        };
    }

    private String dates(RotationPlacement placement, Function<RotationPlacement, DateRange> block) {
        return placement == null ? "" : range(block.apply(placement));
    }

    /** A block's dates, in ISO form as planners write them and as they fit a table column. */
    private String range(DateRange range) {
        return messages.format("cohorts.range", range.from().toString(), range.to().toString());
    }

    // --- planning ---

    /** Plans the chosen cohort afresh: every rotation not confirmed or started may move. */
    public void planAfresh() {
        plan(cohortService::plan);
    }

    /** Re-plans the chosen cohort: keeps every rotation that still keeps the rules, repairs the rest. */
    public void rePlan() {
        plan(cohortService::rePlan);
    }

    private interface Planner {
        PlanPreview plan(Session who, List<Long> cohortIds, PlannerOptions options, PlannerProgress progress);
    }

    private void plan(Planner planner) {
        var ids = chosenIds();
        if (ids.isEmpty() || progress.runningProperty().get()) {
            return;
        }
        work.start("cohorts.planning");
        progress.start(messages.get(phaseKey(PlannerPhase.PREPARING)));
        var watcher = new PlannerProgress() {
            @Override
            public void report(double fraction, PlannerPhase phase) {
                progress.report(fraction, messages.get(phaseKey(phase)));
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
        executor.submit(() -> planner.plan(session, ids, PlannerOptions.DEFAULT, watcher), made -> {
            progress.stop();
            work.done();
            if (chosenIds().equals(made.cohortIds())) {
                forgetMoves();
                preview = made;
                previewShown.set(true);
                show(made, true);
                if (progress.cancelled()) {
                    work.tell("cohorts.planningCancelled");
                }
            }
        }, failure -> {
            progress.stop();
            work.fail(failure);
        });
    }

    private static String phaseKey(PlannerPhase phase) {
        return switch (phase) {
            case PREPARING -> "cohorts.phase.preparing";
            case FIRST_PLAN -> "cohorts.phase.firstPlan";
            case IMPROVING -> "cohorts.phase.improving";
            case DONE -> "cohorts.phase.done";
        };
    }

    /** Stops the planner; it returns the best plan found so far, shown as a preview. */
    public void cancelPlanning() {
        progress.cancel();
    }

    /** The question to ask before applying a preview that breaks rules; empty when it breaks none. */
    public Optional<String> applyQuestion() {
        return preview == null || preview.conflicts().isEmpty() ? Optional.empty()
                : Optional.of(messages.format("cohorts.applyWithConflicts", preview.conflicts().size()));
    }

    public String applyTitle() {
        return messages.get("cohorts.action.apply");
    }

    /** Saves the preview; the cohort is read again, and the apply can be undone. */
    public void applyPreview() {
        var applying = preview;
        if (applying == null) {
            return;
        }
        run("cohorts.applying", who -> cohortService.apply(who, applying), undo -> {
            lastApply = undo;
            undoable.set(true);
            undoText.set(messages.format("cohorts.undoApply", undo.cohortNames()));
            refresh("cohorts.applied");
        });
    }

    /** Throws the preview away; the cohort shows as saved. */
    public void discardPreview() {
        preview = null;
        previewShown.set(false);
        forgetMoves();
        if (current != null) {
            show(current, false);
        }
    }

    /** Puts back the blocks the last apply replaced, unless someone changed them since. */
    public void undoApply() {
        var undo = lastApply;
        if (undo == null) {
            return;
        }
        run("cohorts.applying", who -> {
            cohortService.undo(who, undo);
            return undo;
        }, undone -> {
            lastApply = null;
            undoable.set(false);
            undoText.set("");
            refresh("cohorts.undone");
        });
    }

    // --- moving by hand, checked live ---

    /** The table as shown: the preview, or the cohort as saved. */
    private PlanPreview shown() {
        return preview != null ? preview : current;
    }

    private RotationPreview shownRow(long rotationId) {
        var table = shown();
        return table == null ? null : table.rows().stream().filter(row -> row.rotationId() == rotationId).findFirst()
                .orElse(null);
    }

    /** Fills the move form with the chosen row's start and mentor, and the mentors of its home department. */
    private void showMove(Row row) {
        var shownRow = row == null ? null : shownRow(row.rotationId());
        var placement = shownRow == null ? null : shownRow.kind() == PlanRowKind.UNPLANNED ? null : shownRow.after();
        movable.set(row != null && row.movable() && placement != null);
        moveTitle.set(row == null ? messages.get("cohorts.move.none") : movable.get()
                ? messages.format("cohorts.move.of", row.trainee()) : messages.format("cohorts.move.notMovable", row.trainee()));
        if (!movable.get()) {
            moveStart.set(null);
            moveMentors.clear();
            return;
        }
        var table = shown();
        var home = PlanPreview.departmentKey(shownRow.homeDepartmentId());
        moveMentors.setAll(table.problem().mentors().stream().filter(mentor -> mentor.department().equals(home))
                .map(mentor -> new Choice(PlanPreview.idOf(mentor.id()),
                        table.names().getOrDefault(mentor.id(), mentor.id())))
                .toList());
        moveStart.set(placement.offSite().from());
        moveMentor.set(moveMentors.stream().filter(choice -> choice.id() == placement.mentorId()).findFirst().orElse(null));
    }

    /**
     * Moves the chosen rotation to start off site on the form's day with the form's mentor, both
     * blocks together; the live check marks the conflicts at once. The table becomes a preview to
     * apply or discard.
     */
    public void moveChosen() {
        var row = chosenRow.get();
        if (row == null || !movable.get() || moveStart.get() == null || moveMentor.get() == null) {
            return;
        }
        var before = shownRow(row.rotationId()).after();
        moves.push(new Move(row.rotationId(), before.offSite().from(), PlanPreview.mentorKey(before.mentorId())));
        moveTo(row.rotationId(), moveStart.get(), PlanPreview.mentorKey(moveMentor.get().id()));
    }

    /** Takes the last hand move back. */
    public void undoMove() {
        if (!moves.isEmpty()) {
            var last = moves.pop();
            moveTo(last.rotationId(), last.start(), last.mentor());
        }
    }

    private void moveTo(long rotationId, LocalDate start, String mentor) {
        var table = shown();
        if (live == null) {
            live = new LiveCheck(table.problem(), table.plan());
        }
        live.move(PlanPreview.rotationKey(rotationId), start, mentor);
        preview = table.edited(live.plan(), live.conflicts());
        previewShown.set(true);
        moveUndoable.set(!moves.isEmpty());
        var chosen = rotationId;
        show(preview, true);
        rows.stream().filter(row -> row.rotationId() == chosen).findFirst().ifPresent(chosenRow::set);
    }

    private void forgetMoves() {
        live = null;
        moves.clear();
        moveUndoable.set(false);
    }

    // --- editing ---

    /** Creates the cohort of the form and selects it; a refusal shows beside the form. */
    public void createCohort() {
        newCohortError.set("");
        ProgramTemplate shape;
        try {
            shape = new ProgramTemplate(offSiteMonths.get(), onSiteMonths.get(), travelDays.get(), startRule.get());
        } catch (IllegalArgumentException e) {
            newCohortError.set(messages.get("cohorts.templateInvalid"));
            return;
        }
        runWithError(newCohortError, who -> {
            var created = cohortService.createCohort(who, newName.get(), shape);
            return new Created(created, cohortService.cohorts(who));
        }, created -> {
            newName.set("");
            replaceCohorts(created.cohorts(), List.of(created.cohort().id()), () -> work.tell("cohorts.created"));
        });
    }

    private record Created(Cohort cohort, List<Cohort> cohorts) {
    }

    /** Adds the chosen trainee to the chosen cohort; checked here first, then by the service. */
    public void addTrainee() {
        addError.set("");
        var cohort = selected.get();
        if (cohort == null || several.get()) {
            addError.set(messages.get("cohorts.noCohort"));
            return;
        }
        if (trainee.get() == null || partner.get() == null) {
            addError.set(messages.get("cohorts.addMissing"));
            return;
        }
        if (earliestStart.get() != null && latestEnd.get() != null && latestEnd.get().isBefore(earliestStart.get())) {
            addError.set(messages.get("cohorts.windowReversed"));
            return;
        }
        var rotation = new Rotation(0, cohort.id(), trainee.get().id(), partner.get().id(), earliestStart.get(),
                latestEnd.get(), false);
        runWithError(addError, who -> cohortService.addRotation(who, rotation), added -> {
            trainee.set(null);
            refresh("cohorts.traineeAdded");
        });
    }

    /** Takes the trainee of {@code row} out of the cohort (the view asks first). */
    public void remove(Row row) {
        run("cohorts.saving", who -> {
            cohortService.removeRotation(who, row.rotationId());
            return row;
        }, removed -> {
            refresh("cohorts.traineeRemoved");
        });
    }

    public String removeTitle() {
        return messages.get("cohorts.action.remove");
    }

    /** Confirms the chosen planned rotation (or takes its confirmation back): the planner keeps it as it is. */
    public void confirm(Row row, boolean confirmed) {
        runWithError(addError, who -> {
            cohortService.confirm(who, row.rotationId(), confirmed);
            return row;
        }, done -> refresh(confirmed ? "cohorts.confirmed" : "cohorts.unconfirmed"));
    }

    /** The question the view asks before {@link #remove}. */
    public String removeQuestion(Row row) {
        return messages.format("cohorts.removeQuestion", row.trainee(), row.cohort());
    }

    private void showLeave(Row row) {
        leaveError.set("");
        leave.clear();
        leaveEditable.set(row != null);
        leaveTitle.set(row == null ? messages.get("cohorts.leave.none") : messages.format("cohorts.leave.of", row.trainee()));
        if (row != null) {
            run("cohorts.loading", who -> people.leave(who, row.traineeId()), periods -> {
                if (chosenRow.get() != null && chosenRow.get().traineeId() == row.traineeId()) {
                    leave.setAll(periods);
                }
            });
        }
    }

    /** Records the leave of the form for the chosen trainee. */
    public void addLeave() {
        leaveError.set("");
        var row = chosenRow.get();
        if (row == null) {
            return;
        }
        if (leaveFrom.get() == null || leaveTo.get() == null) {
            leaveError.set(messages.get("cohorts.leave.datesMissing"));
            return;
        }
        if (leaveTo.get().isBefore(leaveFrom.get())) {
            leaveError.set(messages.get("cohorts.leave.reversed"));
            return;
        }
        var period = new Leave(0, row.traineeId(), leaveFrom.get(), leaveTo.get(), leaveReason.get());
        runWithError(leaveError, who -> {
            people.addLeave(who, period);
            return people.leave(who, row.traineeId());
        }, periods -> {
            leave.setAll(periods);
            leaveFrom.set(null);
            leaveTo.set(null);
            leaveReason.set("");
            refresh("cohorts.leave.added");
        });
    }

    public void removeLeave(Leave period) {
        runWithError(leaveError, who -> {
            people.removeLeave(who, period);
            return people.leave(who, period.traineeId());
        }, periods -> {
            leave.setAll(periods);
            refresh("cohorts.leave.removed");
        });
    }

    // --- background calls ---

    private <T> void run(String statusKey, Function<Session, T> call, Consumer<T> done) {
        work.run(executor, statusKey, () -> call.apply(session), done);
    }

    /** Like {@link #run}, but a refusal is shown in {@code error}, beside the form it concerns. */
    private <T> void runWithError(ReadOnlyStringWrapper error, Function<Session, T> call, Consumer<T> done) {
        work.run(executor, "cohorts.saving", () -> call.apply(session), done, error::set);
    }
}
