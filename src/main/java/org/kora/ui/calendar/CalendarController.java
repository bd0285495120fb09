package org.kora.ui.calendar;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kora.domain.AwayMonth;
import org.kora.domain.CalendarEntry;
import org.kora.report.CalendarGrouping;
import org.kora.ui.Choice;
import org.kora.ui.Dialogs;
import org.kora.ui.TextCells;
import org.kora.ui.calendar.CalendarViewModel.IcsScope;
import org.kora.ui.calendar.CalendarViewModel.PrintKind;
import org.kora.ui.calendar.CalendarViewModel.Zoom;
import org.kora.ui.print.PagePainter;
import org.kora.ui.print.PrintPreview;

/**
 * Binds the rotation calendar and the away list to their view model. Keys: Ctrl+F find (Enter
 * finds the next and goes to the calendar), Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo, Ctrl+S save the moves, Ctrl+P print preview; on the
 * calendar, arrows and Page Up/Down choose a trainee and Ctrl+Left/Right move their rotation.
 */
public final class CalendarController {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO_SHIFT = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination PRINT = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final PseudoClass UNDER = PseudoClass.getPseudoClass("under");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final CalendarViewModel viewModel;
    private final Dialogs dialogs;
    private CalendarCanvas canvas;
    private PagePainter painter;

    @FXML private VBox calendarRoot;
    @FXML private ToggleGroup groupingToggle;
    @FXML private ToggleGroup zoomToggle;
    @FXML private ToggleButton byCohort;
    @FXML private ToggleButton byDepartment;
    @FXML private ToggleButton months;
    @FXML private ToggleButton weeks;
    @FXML private ComboBox<Choice> hospitalChoice;
    @FXML private ComboBox<Choice> departmentChoice;
    @FXML private ComboBox<Choice> cohortChoice;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private TextField findField;
    @FXML private TabPane calendarTabs;
    @FXML private Tab calendarTab;
    @FXML private Tab awayTab;
    @FXML private StackPane canvasHolder;
    @FXML private Label selectedLabel;
    @FXML private TableView<AwayMonth> awayTable;
    @FXML private TableColumn<AwayMonth, String> awayMonthColumn;
    @FXML private TableColumn<AwayMonth, String> awayDepartmentColumn;
    @FXML private TableColumn<AwayMonth, String> awayOnDutyColumn;
    @FXML private TableColumn<AwayMonth, String> awayMinimumColumn;
    @FXML private TableColumn<AwayMonth, String> awayNamesColumn;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Button saveButton;
    @FXML private Button discardButton;
    @FXML private Label movesLabel;
    @FXML private ProgressIndicator calendarBusy;
    @FXML private Label calendarStatus;
    @FXML private Label calendarError;
    @FXML private Button printButton;
    @FXML private MenuButton exportButton;
    @FXML private MenuItem exportXlsx;
    @FXML private MenuItem exportIcsShown;
    @FXML private MenuItem exportIcsTrainee;
    @FXML private MenuItem exportIcsMentor;

    public CalendarController(CalendarViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        canvas = new CalendarCanvas(viewModel);
        canvasHolder.getChildren().add(canvas);
        calendarBusy.visibleProperty().bind(viewModel.work().busyProperty());
        calendarStatus.textProperty().bind(viewModel.work().statusProperty());
        calendarError.textProperty().bind(viewModel.work().errorProperty());
        selectedLabel.textProperty().bind(viewModel.selectedTextProperty());
        movesLabel.textProperty().bind(viewModel.movesTextProperty());

        bindChoices();
        bindAwayList();

        undoButton.disableProperty().bind(viewModel.canUndoProperty().not());
        redoButton.disableProperty().bind(viewModel.canRedoProperty().not());
        undoButton.setOnAction(event -> viewModel.undo());
        redoButton.setOnAction(event -> viewModel.redo());
        saveButton.setVisible(viewModel.maySave());
        saveButton.setManaged(viewModel.maySave());
        saveButton.disableProperty().bind(viewModel.dirtyProperty().not());
        saveButton.setOnAction(event -> viewModel.save());
        discardButton.disableProperty().bind(viewModel.dirtyProperty().not());
        discardButton.setOnAction(event -> {
            if (dialogs.confirm(viewModel.text("calendar.discardTitle"), viewModel.text("calendar.discardQuestion"),
                    viewModel.text("calendar.discard"))) {
                viewModel.discard();
            }
        });

        printButton.setOnAction(event -> print());
        exportButton.setOnShowing(event -> {
            exportIcsTrainee.setDisable(!viewModel.canExport(IcsScope.TRAINEE));
            exportIcsMentor.setDisable(!viewModel.canExport(IcsScope.MENTOR));
        });
        exportXlsx.setOnAction(event -> dialogs.chooseSaveFile(viewModel.fileName("calendar", "xlsx"), "file.filter.xlsx", "xlsx")
                .ifPresent(viewModel::exportXlsx));
        exportIcsShown.setOnAction(event -> exportIcs(IcsScope.SHOWN));
        exportIcsTrainee.setOnAction(event -> exportIcs(IcsScope.TRAINEE));
        exportIcsMentor.setOnAction(event -> exportIcs(IcsScope.MENTOR));

        calendarRoot.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        // read whenever the screen comes into view (unless moves wait to be saved), and take the
        // focus (the canvas gets its scene last), so that the screen's keys work at once
        canvas.sceneProperty().addListener((property, was, is) -> {
            if (is != null) {
                if (!viewModel.dirtyProperty().get()) {
                    viewModel.load();
                }
                canvas.requestFocus();
            }
        });
        viewModel.spanProperty().addListener((property, was, is) -> {
            if (was == null && is != null) {
                canvas.revealDay(viewModel.today());
                canvas.revealTop(viewModel.firstCurrentLine());
            }
        });
    }

    private void bindChoices() {
        groupingToggle.selectToggle(byCohort);
        groupingToggle.selectedToggleProperty().addListener((property, was, is) -> {
            if (is == null) {
                was.setSelected(true);
            } else {
                viewModel.groupingProperty().set(is == byCohort ? CalendarGrouping.COHORT : CalendarGrouping.HOME_DEPARTMENT);
            }
        });
        zoomToggle.selectToggle(months);
        zoomToggle.selectedToggleProperty().addListener((property, was, is) -> {
            if (is == null) {
                was.setSelected(true);
            } else {
                viewModel.zoomProperty().set(is == months ? Zoom.MONTHS : Zoom.WEEKS);
            }
        });
        hospitalChoice.setItems(viewModel.hospitals());
        hospitalChoice.valueProperty().bindBidirectional(viewModel.hospitalProperty());
        departmentChoice.setItems(viewModel.departments());
        departmentChoice.valueProperty().bindBidirectional(viewModel.departmentProperty());
        cohortChoice.setItems(viewModel.cohorts());
        cohortChoice.valueProperty().bindBidirectional(viewModel.cohortProperty());
        TextCells.dates(fromDate, toDate);
        fromDate.valueProperty().bindBidirectional(viewModel.fromProperty());
        toDate.valueProperty().bindBidirectional(viewModel.toProperty());
        findField.textProperty().bindBidirectional(viewModel.findProperty());
        TextCells.script(findField);
        findField.setOnAction(event -> find());
    }

    private void bindAwayList() {
        awayTable.setItems(viewModel.away());
        TextCells.column(awayMonthColumn, line -> MONTH.format(line.month()));
        TextCells.column(awayDepartmentColumn, line -> line.departmentName() + " (" + line.hospitalName() + ")");
        TextCells.column(awayOnDutyColumn, line -> (line.underMinimum() ? "⚠ " : "") + line.fewestOnDuty() + " / " + line.headcount());
        TextCells.column(awayMinimumColumn, line -> String.valueOf(line.minOnDuty()));
        TextCells.column(awayNamesColumn, line -> String.join(", ", line.away().stream().map(CalendarEntry::traineeName).toList()));
        // make the away list when its tab is chosen, and open it at this month
        awayTab.selectedProperty().addListener((property, was, is) -> {
            viewModel.awayShownProperty().set(is);
            if (is) {
                var now = YearMonth.from(viewModel.today());
                viewModel.away().stream().filter(line -> line.month().equals(now)).findFirst()
                        .ifPresent(line -> awayTable.scrollTo(line));
            }
        });
        awayTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(AwayMonth item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(UNDER, !empty && item != null && item.underMinimum());
            }
        });
    }

    private void print() {
        if (painter == null) {
            // registers the print fonts with JavaFX: once, not at every preview
            painter = new PagePainter(viewModel.prints().files());
        }
        new PrintPreview(viewModel, printChoices(), painter, dialogs, calendarRoot.getScene().getWindow()).show();
    }

    /** The calendar's own choices in the preview: what to print, and which months. */
    private List<Node> printChoices() {
        var kind = new ComboBox<PrintKind>();
        kind.setMinWidth(Region.USE_PREF_SIZE);
        kind.getItems().setAll(PrintKind.values());
        kind.setConverter(TextCells.converter(item -> viewModel.text(switch (item) {
            case CALENDAR -> "print.kind.calendar";
            case AWAY_LIST -> "print.kind.awayList";
            case RECORD -> "print.kind.record";
        })));
        kind.valueProperty().bindBidirectional(viewModel.printKindProperty());
        var year = new ComboBox<Integer>();
        year.setMinWidth(Region.USE_PREF_SIZE);
        year.getItems().add(null);
        year.getItems().addAll(viewModel.printYears());
        year.setConverter(TextCells.converter(item -> item == null ? viewModel.text("print.preview.shownMonths")
                : String.valueOf(item)));
        year.valueProperty().bindBidirectional(viewModel.printYearProperty());
        kind.valueProperty().addListener((property, was, is) -> viewModel.layOut());
        year.valueProperty().addListener((property, was, is) -> viewModel.layOut());
        var hint = new Label(viewModel.text("print.preview.calendarHint"));
        hint.getStyleClass().add("muted");
        return List.of(PrintPreview.label(viewModel.text("print.preview.what")), kind,
                PrintPreview.label(viewModel.text("print.preview.months")), year, hint);
    }

    private void exportIcs(IcsScope scope) {
        var selected = viewModel.selectedProperty().get();
        var name = switch (scope) {
            case SHOWN -> viewModel.fileName("calendar", "ics");
            case TRAINEE -> selected.traineeName() + ".ics";
            case MENTOR -> selected.mentorName() + ".ics";
        };
        dialogs.chooseSaveFile(name, "file.filter.ics", "ics").ifPresent(file -> viewModel.exportIcs(scope, file));
    }

    private void find() {
        var index = viewModel.findNext();
        if (index >= 0) {
            calendarTabs.getSelectionModel().select(calendarTab);
            canvas.reveal(index);
            canvas.requestFocus();
            var entry = viewModel.selectedProperty().get();
            if (entry.planned()) {
                canvas.revealDay(entry.offSite().from());
            }
        }
    }

    private void shortcut(KeyEvent event) {
        if (FIND.match(event)) {
            findField.requestFocus();
            findField.selectAll();
        } else if (UNDO.match(event) && !(event.getTarget() instanceof TextField)) {
            viewModel.undo();
        } else if ((REDO.match(event) || REDO_SHIFT.match(event)) && !(event.getTarget() instanceof TextField)) {
            viewModel.redo();
        } else if (PRINT.match(event)) {
            print();
        } else if (SAVE.match(event) && viewModel.maySave()) {
            viewModel.save();
        } else {
            return;
        }
        event.consume();
    }
}
