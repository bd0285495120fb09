package org.kora.ui.cohorts;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kora.domain.Cohort;
import org.kora.domain.Leave;
import org.kora.domain.StartRule;
import org.kora.ui.Choice;
import org.kora.ui.Dialogs;
import org.kora.ui.TextCells;
import org.kora.ui.cohorts.CohortsViewModel.Row;

/**
 * Binds the Cohorts screen to its view model. Keys: Ctrl+N new cohort, Ctrl+R re-plan, Ctrl+Shift+R
 * plan afresh, Ctrl+Enter apply the preview, Escape cancel the planner or discard the preview,
 * Ctrl+Z take back the last hand move, else undo the last apply; Delete take the chosen trainee
 * out of the cohort.
 */
public final class CohortsController {
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination RE_PLAN = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PLAN_AFRESH = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination APPLY = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final PseudoClass CONFLICT = PseudoClass.getPseudoClass("conflict");
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final CohortsViewModel viewModel;
    private final Dialogs dialogs;
    private boolean showingChosen;

    @FXML private VBox cohortsRoot;
    @FXML private Label cohortTemplate;
    @FXML private ListView<Cohort> cohortList;
    @FXML private Tab newCohortTab;
    @FXML private TextField newCohortName;
    @FXML private Spinner<Integer> newOffSite;
    @FXML private Spinner<Integer> newOnSite;
    @FXML private Spinner<Integer> newTravel;
    @FXML private ComboBox<StartRule> newStartRule;
    @FXML private Button createCohort;
    @FXML private Label newCohortError;
    @FXML private Label cohortSummary;
    @FXML private Button rePlan;
    @FXML private Button planAfresh;
    @FXML private Button undoApply;
    @FXML private HBox planningBar;
    @FXML private ProgressBar planningProgress;
    @FXML private Label planningPhase;
    @FXML private Button cancelPlanning;
    @FXML private HBox previewBar;
    @FXML private Button applyPreview;
    @FXML private Button discardPreview;
    @FXML private TableView<Row> rotationTable;
    @FXML private TableColumn<Row, String> cohortColumn;
    @FXML private TableColumn<Row, String> traineeColumn;
    @FXML private TableColumn<Row, String> homeColumn;
    @FXML private TableColumn<Row, String> partnerColumn;
    @FXML private TableColumn<Row, String> offSiteColumn;
    @FXML private TableColumn<Row, String> onSiteColumn;
    @FXML private TableColumn<Row, String> mentorColumn;
    @FXML private TableColumn<Row, String> statusColumn;
    @FXML private TabPane detailTabs;
    @FXML private Tab problemsTab;
    @FXML private Tab addTab;
    @FXML private ListView<String> problemList;
    @FXML private ComboBox<Choice> addTrainee;
    @FXML private ComboBox<Choice> addPartner;
    @FXML private DatePicker addEarliest;
    @FXML private DatePicker addLatestEnd;
    @FXML private Button addRotation;
    @FXML private Button removeRotation;
    @FXML private Button confirmRotation;
    @FXML private Button unconfirmRotation;
    @FXML private Label addError;
    @FXML private Label moveTitle;
    @FXML private DatePicker moveStart;
    @FXML private ComboBox<Choice> moveMentor;
    @FXML private Button moveRotation;
    @FXML private Button undoMove;
    @FXML private Label leaveTitle;
    @FXML private ListView<Leave> leaveList;
    @FXML private VBox leaveForm;
    @FXML private DatePicker leaveFrom;
    @FXML private DatePicker leaveTo;
    @FXML private TextField leaveReason;
    @FXML private Button addLeave;
    @FXML private Button removeLeave;
    @FXML private Label leaveError;
    @FXML private ProgressIndicator cohortsBusy;
    @FXML private Label cohortsStatus;
    @FXML private Label cohortsError;

    public CohortsController(CohortsViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        cohortsBusy.visibleProperty().bind(viewModel.work().busyProperty());
        cohortsStatus.textProperty().bind(viewModel.work().statusProperty());
        cohortsError.textProperty().bind(viewModel.work().errorProperty());
        cohortTemplate.textProperty().bind(viewModel.templateProperty());
        cohortSummary.textProperty().bind(viewModel.summaryProperty());

        TextCells.dates(addEarliest, addLatestEnd, leaveFrom, leaveTo, moveStart);
        bindCohortList();
        bindNewCohort();
        bindPlanning();
        bindTable();
        bindAddForm();
        bindMove();
        bindLeave();
        problemList.setItems(viewModel.problems());
        problemList.setCellFactory(unused -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        problemsTab.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.problemsTitle(viewModel.problems().size()), viewModel.problems()));

        cohortsRoot.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        // read whenever the screen comes into view (the main window keeps it while another is
        // shown), and take the focus, so that the screen's keys work at once
        cohortsRoot.sceneProperty().addListener((property, was, is) -> {
            if (is != null) {
                viewModel.load();
                cohortList.requestFocus();
            }
        });
    }

    private void bindCohortList() {
        cohortList.setItems(viewModel.cohorts());
        cohortList.setCellFactory(unused -> new ListCell<>() {
            @Override
            protected void updateItem(Cohort item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        // Ctrl+click or Shift+click chooses several cohorts, shown and planned together
        cohortList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        cohortList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Cohort>) change -> {
            if (!showingChosen && !cohortList.getSelectionModel().getSelectedItems().isEmpty()) {
                viewModel.choose(List.copyOf(cohortList.getSelectionModel().getSelectedItems()));
            }
        });
        viewModel.chosenCohorts().addListener((ListChangeListener<Cohort>) change -> showChosen());
        // reading the list again replaces its items, which clears the list's selection
        viewModel.cohorts().addListener((ListChangeListener<Cohort>) change -> showChosen());
    }

    /** Selects in the list the cohorts the view model shows, without choosing them again. */
    private void showChosen() {
        var chosen = viewModel.chosenCohorts();
        if (chosen.equals(cohortList.getSelectionModel().getSelectedItems())) {
            return;
        }
        showingChosen = true;
        cohortList.getSelectionModel().clearSelection();
        chosen.forEach(cohortList.getSelectionModel()::select);
        showingChosen = false;
        if (!chosen.isEmpty()) {
            cohortList.scrollTo(chosen.get(0));
        }
    }

    private void bindNewCohort() {
        newCohortName.textProperty().bindBidirectional(viewModel.newNameProperty());
        spinner(newOffSite, 1, 24, viewModel.offSiteMonthsProperty().get());
        spinner(newOnSite, 1, 24, viewModel.onSiteMonthsProperty().get());
        spinner(newTravel, 0, 90, viewModel.travelDaysProperty().get());
        newOffSite.valueProperty().addListener((property, was, is) -> viewModel.offSiteMonthsProperty().set(is));
        newOnSite.valueProperty().addListener((property, was, is) -> viewModel.onSiteMonthsProperty().set(is));
        newTravel.valueProperty().addListener((property, was, is) -> viewModel.travelDaysProperty().set(is));
        newStartRule.getItems().setAll(StartRule.values());
        newStartRule.setConverter(TextCells.converter(viewModel::startRuleName));
        newStartRule.valueProperty().bindBidirectional(viewModel.startRuleProperty());
        newCohortError.textProperty().bind(viewModel.newCohortErrorProperty());
        createCohort.disableProperty().bind(viewModel.newNameProperty().isEmpty());
        createCohort.setOnAction(event -> viewModel.createCohort());
        newCohortName.setOnAction(event -> viewModel.createCohort());
    }

    private static void spinner(Spinner<Integer> spinner, int min, int max, int value) {
        spinner.setValueFactory(new IntegerSpinnerValueFactory(min, max, value));
    }

    private void bindPlanning() {
        var progress = viewModel.progress();
        var running = progress.runningProperty();
        var noCohort = viewModel.selectedProperty().isNull();
        var busy = running.or(viewModel.work().busyProperty());
        rePlan.disableProperty().bind(noCohort.or(busy));
        planAfresh.disableProperty().bind(noCohort.or(busy));
        rePlan.setOnAction(event -> viewModel.rePlan());
        planAfresh.setOnAction(event -> viewModel.planAfresh());
        undoApply.visibleProperty().bind(viewModel.undoableProperty());
        undoApply.managedProperty().bind(viewModel.undoableProperty());
        undoApply.textProperty().bind(viewModel.undoTextProperty());
        undoApply.disableProperty().bind(busy);
        undoApply.setOnAction(event -> viewModel.undoApply());

        planningBar.visibleProperty().bind(running);
        planningBar.managedProperty().bind(running);
        planningProgress.progressProperty().bind(progress.fractionProperty());
        planningPhase.textProperty().bind(progress.phaseProperty());
        cancelPlanning.setOnAction(event -> viewModel.cancelPlanning());

        var preview = viewModel.previewShownProperty();
        previewBar.visibleProperty().bind(preview);
        previewBar.managedProperty().bind(preview);
        applyPreview.disableProperty().bind(busy);
        applyPreview.setOnAction(event -> apply());
        discardPreview.disableProperty().bind(busy);
        discardPreview.setOnAction(event -> viewModel.discardPreview());
    }

    private void bindTable() {
        rotationTable.setItems(viewModel.rows());
        TextCells.column(cohortColumn, Row::cohort);
        cohortColumn.visibleProperty().bind(viewModel.severalProperty());
        TextCells.column(traineeColumn, Row::trainee);
        TextCells.column(homeColumn, Row::home);
        TextCells.column(partnerColumn, Row::partner);
        TextCells.column(offSiteColumn, Row::offSite);
        TextCells.column(onSiteColumn, Row::onSite);
        TextCells.column(mentorColumn, Row::mentor);
        TextCells.column(statusColumn, Row::status);
        rotationTable.setRowFactory(unused -> new TableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(CONFLICT, !empty && item != null && item.conflict());
                pseudoClassStateChanged(CHANGED, !empty && item != null && item.changed());
            }
        });
        rotationTable.getSelectionModel().selectedItemProperty().addListener((property, was, is) -> {
            if (is != null) {
                viewModel.chosenRowProperty().set(is);
            }
        });
        // after a move the table's rows are new: keep the moved one chosen
        viewModel.chosenRowProperty().addListener((property, was, is) -> {
            if (is != null && is != rotationTable.getSelectionModel().getSelectedItem()) {
                rotationTable.getSelectionModel().select(is);
            }
        });
        rotationTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE) {
                removeChosen();
                event.consume();
            }
        });
    }

    private void bindAddForm() {
        addTrainee.setItems(viewModel.traineeChoices());
        addTrainee.valueProperty().bindBidirectional(viewModel.traineeProperty());
        addPartner.setItems(viewModel.partnerChoices());
        addPartner.valueProperty().bindBidirectional(viewModel.partnerProperty());
        addEarliest.valueProperty().bindBidirectional(viewModel.earliestStartProperty());
        addLatestEnd.valueProperty().bindBidirectional(viewModel.latestEndProperty());
        addError.textProperty().bind(viewModel.addErrorProperty());
        addRotation.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.severalProperty())
                .or(viewModel.previewShownProperty()));
        addRotation.setOnAction(event -> viewModel.addTrainee());
        removeRotation.disableProperty().bind(rotationTable.getSelectionModel().selectedItemProperty().isNull()
                .or(viewModel.previewShownProperty()));
        removeRotation.setOnAction(event -> removeChosen());
        var chosen = viewModel.chosenRowProperty();
        var preview = viewModel.previewShownProperty();
        confirmRotation.disableProperty().bind(Bindings.createBooleanBinding(
                () -> chosen.get() == null || !chosen.get().movable() || preview.get(), chosen, preview));
        confirmRotation.setOnAction(event -> viewModel.confirm(chosen.get(), true));
        unconfirmRotation.disableProperty().bind(Bindings.createBooleanBinding(
                () -> chosen.get() == null || !chosen.get().pinned() || preview.get(), chosen, preview));
        unconfirmRotation.setOnAction(event -> viewModel.confirm(chosen.get(), false));
    }

    /** Applies the preview; one that breaks rules only after the user agrees. */
    private void apply() {
        var question = viewModel.applyQuestion();
        if (question.isEmpty() || dialogs.confirm(viewModel.applyTitle(), question.get(), viewModel.applyTitle())) {
            viewModel.applyPreview();
        }
    }

    private void removeChosen() {
        var row = rotationTable.getSelectionModel().getSelectedItem();
        if (row != null && !viewModel.previewShownProperty().get()
                && dialogs.confirm(viewModel.removeTitle(), viewModel.removeQuestion(row), viewModel.removeTitle())) {
            viewModel.remove(row);
        }
    }

    private void bindMove() {
        moveTitle.textProperty().bind(viewModel.moveTitleProperty());
        moveStart.valueProperty().bindBidirectional(viewModel.moveStartProperty());
        moveMentor.setItems(viewModel.moveMentors());
        moveMentor.valueProperty().bindBidirectional(viewModel.moveMentorProperty());
        var notMovable = viewModel.movableProperty().not();
        moveStart.disableProperty().bind(notMovable);
        moveMentor.disableProperty().bind(notMovable);
        moveRotation.disableProperty().bind(notMovable);
        moveRotation.setOnAction(event -> viewModel.moveChosen());
        undoMove.disableProperty().bind(viewModel.moveUndoableProperty().not());
        undoMove.setOnAction(event -> viewModel.undoMove());
    }

    private void bindLeave() {
        leaveTitle.textProperty().bind(viewModel.leaveTitleProperty());
        leaveList.setItems(viewModel.leave());
        leaveList.setCellFactory(unused -> new ListCell<>() {
            @Override
            protected void updateItem(Leave item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : viewModel.leaveText(item));
            }
        });
        leaveForm.disableProperty().bind(viewModel.leaveEditableProperty().not());
        leaveFrom.valueProperty().bindBidirectional(viewModel.leaveFromProperty());
        leaveTo.valueProperty().bindBidirectional(viewModel.leaveToProperty());
        leaveReason.textProperty().bindBidirectional(viewModel.leaveReasonProperty());
        leaveError.textProperty().bind(viewModel.leaveErrorProperty());
        addLeave.setOnAction(event -> viewModel.addLeave());
        leaveReason.setOnAction(event -> viewModel.addLeave());
        removeLeave.disableProperty().bind(leaveList.getSelectionModel().selectedItemProperty().isNull());
        removeLeave.setOnAction(event -> {
            var period = leaveList.getSelectionModel().getSelectedItem();
            if (period != null) {
                viewModel.removeLeave(period);
            }
        });
    }

    private void shortcut(KeyEvent event) {
        if (NEW.match(event)) {
            detailTabs.getSelectionModel().select(newCohortTab);
            newCohortName.requestFocus();
        } else if (PLAN_AFRESH.match(event)) {
            fire(planAfresh);
        } else if (RE_PLAN.match(event)) {
            fire(rePlan);
        } else if (APPLY.match(event) && viewModel.previewShownProperty().get()) {
            fire(applyPreview);
        } else if (UNDO.match(event) && viewModel.moveUndoableProperty().get()) {
            viewModel.undoMove();
        } else if (UNDO.match(event) && viewModel.undoableProperty().get()) {
            fire(undoApply);
        } else if (event.getCode() == KeyCode.ESCAPE && viewModel.progress().runningProperty().get()) {
            viewModel.cancelPlanning();
        } else if (event.getCode() == KeyCode.ESCAPE && viewModel.previewShownProperty().get()) {
            fire(discardPreview);
        } else {
            return;
        }
        event.consume();
    }

    private static void fire(Button button) {
        if (!button.isDisabled()) {
            button.fire();
        }
    }
}
