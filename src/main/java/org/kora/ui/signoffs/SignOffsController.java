package org.kora.ui.signoffs;

import java.time.ZoneId;
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
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

import org.kora.domain.Competency;
import org.kora.domain.CompetencyProgress;
import org.kora.domain.SignOffLevel;
import org.kora.domain.SignOffLine;
import org.kora.service.SignOffService;
import org.kora.service.TraineeSummary;
import org.kora.ui.Dialogs;
import org.kora.ui.TextCells;
import org.kora.ui.print.PagePainter;
import org.kora.ui.print.PrintPreview;
import org.kora.ui.signoffs.SignOffsViewModel.ExportKind;
import org.kora.ui.signoffs.SignOffsViewModel.PrintKind;

/**
 * Binds the Sign-offs screen to its view model. Keys: Ctrl+F find a trainee, Enter in the password
 * field signs, Ctrl+E corrects the chosen entry, Esc leaves a correction, Ctrl+P prints the record or
 * the certificate.
 */
public final class SignOffsController {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination AMEND = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PRINT = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    private static final PseudoClass AMENDED = PseudoClass.getPseudoClass("amended");
    private static final PseudoClass ACHIEVED = PseudoClass.getPseudoClass("achieved");
    private static final DateTimeFormatter SIGNED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SignOffsViewModel viewModel;
    private final Dialogs dialogs;
    private PagePainter painter;

    @FXML private VBox signOffsRoot;
    @FXML private Label roleHint;
    @FXML private Button printButton;
    @FXML private MenuButton exportButton;
    @FXML private MenuItem exportXlsx;
    @FXML private MenuItem exportCsv;
    @FXML private TextField searchField;
    @FXML private TableView<TraineeSummary> traineeTable;
    @FXML private Label emptyList;
    @FXML private TableColumn<TraineeSummary, String> nameColumn;
    @FXML private TableColumn<TraineeSummary, String> departmentColumn;
    @FXML private TableColumn<TraineeSummary, String> achievedColumn;
    @FXML private Label heading;
    @FXML private Label onSite;
    @FXML private Label summary;
    @FXML private TableView<CompetencyProgress> progressTable;
    @FXML private TableColumn<CompetencyProgress, String> competencyColumn;
    @FXML private TableColumn<CompetencyProgress, String> categoryColumn;
    @FXML private TableColumn<CompetencyProgress, String> doneColumn;
    @FXML private TableColumn<CompetencyProgress, String> reachedColumn;
    @FXML private TableColumn<CompetencyProgress, String> statusColumn;
    @FXML private TableView<SignOffLine> entryTable;
    @FXML private TableColumn<SignOffLine, String> numberColumn;
    @FXML private TableColumn<SignOffLine, String> dateColumn;
    @FXML private TableColumn<SignOffLine, String> entryCompetencyColumn;
    @FXML private TableColumn<SignOffLine, String> levelColumn;
    @FXML private TableColumn<SignOffLine, String> countColumn;
    @FXML private TableColumn<SignOffLine, String> caseColumn;
    @FXML private TableColumn<SignOffLine, String> mentorColumn;
    @FXML private TableColumn<SignOffLine, String> signedColumn;
    @FXML private TableColumn<SignOffLine, String> noteColumn;
    @FXML private VBox signForm;
    @FXML private Label formTitle;
    @FXML private Button amendButton;
    @FXML private ComboBox<Competency> competencyChoice;
    @FXML private DatePicker dateField;
    @FXML private ComboBox<SignOffLevel> levelChoice;
    @FXML private Spinner<Integer> countField;
    @FXML private TextField caseField;
    @FXML private TextField commentField;
    @FXML private Label reasonLabel;
    @FXML private TextField reasonField;
    @FXML private Label caseWarning;
    @FXML private PasswordField passwordField;
    @FXML private Button signButton;
    @FXML private Button cancelAmendButton;
    @FXML private Label formError;
    @FXML private ProgressIndicator busy;
    @FXML private Label status;
    @FXML private Label error;

    public SignOffsController(SignOffsViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        busy.visibleProperty().bind(viewModel.work().busyProperty());
        status.textProperty().bind(viewModel.work().statusProperty());
        error.textProperty().bind(viewModel.work().errorProperty());
        roleHint.setText(viewModel.text(viewModel.canSign() ? "signoff.hint.mentor" : "signoff.hint.reader"));
        emptyList.setText(viewModel.text(viewModel.canSign() ? "signoff.noMentees" : "signoff.noTrainees"));

        bindList();
        bindProgress();
        bindEntries();
        bindForm();
        printButton.setOnAction(event -> print());
        exportXlsx.setOnAction(event -> export(ExportKind.XLSX));
        exportCsv.setOnAction(event -> export(ExportKind.CSV));
        exportButton.disableProperty().bind(viewModel.work().busyProperty());
        printButton.disableProperty().bind(viewModel.recordProperty().isNull());
        signOffsRoot.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        // read whenever the screen comes into view (the main window keeps it while another is
        // shown), and take the focus, so that the screen's keys work at once
        signOffsRoot.sceneProperty().addListener((property, was, is) -> {
            if (is != null) {
                viewModel.load();
                traineeTable.requestFocus();
            }
        });
    }

    private void bindList() {
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        TextCells.script(searchField);
        traineeTable.setItems(viewModel.trainees());
        TextCells.column(nameColumn, TraineeSummary::name);
        TextCells.column(departmentColumn, TraineeSummary::departmentName);
        TextCells.column(achievedColumn, viewModel::achieved);
        traineeTable.getSelectionModel().selectedItemProperty().addListener((property, was, is) -> {
            if (is != null) {
                viewModel.chosenProperty().set(is);
            }
        });
        viewModel.chosenProperty().addListener((property, was, is) -> {
            if (is != null && !is.equals(traineeTable.getSelectionModel().getSelectedItem())) {
                traineeTable.getSelectionModel().select(is);
            }
            onSite.setText(is == null ? "" : viewModel.onSite(is));
        });
        heading.textProperty().bind(viewModel.headingProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
    }

    private void bindProgress() {
        progressTable.setItems(viewModel.progress());
        TextCells.column(competencyColumn, line -> viewModel.competencyName(line.competency()));
        TextCells.column(categoryColumn, line -> line.competency().category() == null ? "" : line.competency().category());
        TextCells.column(doneColumn, viewModel::done);
        TextCells.column(reachedColumn, line -> viewModel.levelName(line.reached()));
        TextCells.column(statusColumn, line -> line.achieved() ? viewModel.text("signoff.achieved") : "");
        progressTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(CompetencyProgress item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(ACHIEVED, !empty && item != null && item.achieved());
            }
        });
    }

    private void bindEntries() {
        entryTable.setItems(viewModel.lines());
        TextCells.column(numberColumn, line -> String.valueOf(line.entry().id()));
        TextCells.column(dateColumn, line -> line.entry().performedOn().toString());
        TextCells.column(entryCompetencyColumn, line -> viewModel.competencyName(line.competency()));
        TextCells.column(levelColumn, line -> viewModel.levelName(line.entry().level()));
        TextCells.column(countColumn, line -> String.valueOf(line.entry().count()));
        TextCells.column(caseColumn, line -> line.entry().caseReference() == null ? "" : line.entry().caseReference());
        TextCells.column(mentorColumn, SignOffLine::mentorName);
        TextCells.column(signedColumn, line -> SIGNED.format(line.entry().signedAt().atZone(ZoneId.systemDefault())));
        TextCells.column(noteColumn, line -> join(viewModel.note(line), line.entry().comment()));
        entryTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(SignOffLine item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(AMENDED, !empty && item != null && item.amended());
            }
        });
    }

    private static String join(String note, String comment) {
        if (comment == null || comment.isBlank()) {
            return note;
        }
        return note.isEmpty() ? comment : note + " · " + comment;
    }

    private void bindForm() {
        signForm.setVisible(viewModel.canSign());
        signForm.setManaged(viewModel.canSign());
        if (!viewModel.canSign()) {
            return;
        }
        competencyChoice.setItems(viewModel.competencies());
        competencyChoice.setConverter(TextCells.converter(viewModel::competencyName));
        competencyChoice.valueProperty().bindBidirectional(viewModel.competencyProperty());
        TextCells.dates(dateField);
        dateField.valueProperty().bindBidirectional(viewModel.performedOnProperty());
        levelChoice.getItems().setAll(SignOffLevel.values());
        levelChoice.setConverter(TextCells.converter(viewModel::levelName));
        levelChoice.valueProperty().bindBidirectional(viewModel.levelProperty());
        var counts = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, SignOffService.MAX_COUNT, 1);
        countField.setValueFactory(counts);
        counts.valueProperty().bindBidirectional(viewModel.countProperty());
        caseField.textProperty().bindBidirectional(viewModel.caseReferenceProperty());
        commentField.textProperty().bindBidirectional(viewModel.commentProperty());
        TextCells.script(commentField);
        reasonField.textProperty().bindBidirectional(viewModel.reasonProperty());
        caseWarning.visibleProperty().bind(viewModel.caseLooksLikeNameProperty());
        caseWarning.managedProperty().bind(caseWarning.visibleProperty());
        formError.textProperty().bind(viewModel.formErrorProperty());

        var amending = viewModel.amendingProperty().isNotNull();
        for (Node node : List.of(reasonLabel, reasonField, cancelAmendButton)) {
            node.visibleProperty().bind(amending);
            node.managedProperty().bind(amending);
        }
        viewModel.amendingProperty().addListener((property, was, is) -> {
            formTitle.setText(is == null ? viewModel.text("signoff.form.new")
                    : viewModel.messages().format("signoff.form.correcting", String.valueOf(is.entry().id())));
            signButton.setText(viewModel.text(is == null ? "signoff.form.sign" : "signoff.form.signCorrection"));
            if (is != null) {
                reasonField.requestFocus();
            }
        });
        formTitle.setText(viewModel.text("signoff.form.new"));
        signButton.setText(viewModel.text("signoff.form.sign"));
        signButton.disableProperty().bind(viewModel.signableProperty().not());
        signButton.setOnAction(event -> sign());
        cancelAmendButton.setOnAction(event -> viewModel.cancelAmend());
        amendButton.disableProperty().bind(entryTable.getSelectionModel().selectedItemProperty().isNull());
        amendButton.setOnAction(event -> viewModel.startAmend(entryTable.getSelectionModel().getSelectedItem()));
    }

    private void sign() {
        if (viewModel.caseLooksLikeNameProperty().get() && !dialogs.confirm(viewModel.text("signoff.caseConfirm.title"),
                viewModel.text("signoff.caseConfirm.text"), viewModel.text("signoff.caseConfirm.action"))) {
            caseField.requestFocus();
            return;
        }
        var password = passwordField.getText().toCharArray();
        passwordField.clear();
        viewModel.sign(password);
    }

    private void print() {
        if (painter == null) {
            // registers the print fonts with JavaFX: once, not at every preview
            painter = new PagePainter(viewModel.prints().files());
        }
        new PrintPreview(viewModel, printChoices(), painter, dialogs, signOffsRoot.getScene().getWindow()).show();
    }

    /** The record or the certificate; the certificate only once every competency is achieved. */
    private List<Node> printChoices() {
        var kind = new ComboBox<PrintKind>();
        kind.getItems().setAll(PrintKind.values());
        kind.setConverter(TextCells.converter(item -> viewModel.text(switch (item) {
            case RECORD -> "signoff.print.record";
            case CERTIFICATE -> "signoff.print.certificate";
        })));
        kind.valueProperty().bindBidirectional(viewModel.printKindProperty());
        kind.valueProperty().addListener((property, was, is) -> viewModel.layOut());
        return List.of(PrintPreview.label(viewModel.text("print.preview.what")), kind);
    }

    private void export(ExportKind kind) {
        var filter = kind == ExportKind.XLSX ? "file.filter.xlsx" : "file.filter.csv";
        var extension = kind == ExportKind.XLSX ? "xlsx" : "csv";
        dialogs.chooseSaveFile(viewModel.exportFileName(kind), filter, extension)
                .ifPresent(file -> viewModel.exportSignOffs(kind, file));
    }

    private void shortcut(KeyEvent event) {
        if (FIND.match(event)) {
            searchField.requestFocus();
            searchField.selectAll();
        } else if (AMEND.match(event) && viewModel.canSign()) {
            viewModel.startAmend(entryTable.getSelectionModel().getSelectedItem());
        } else if (PRINT.match(event) && viewModel.recordProperty().get() != null) {
            print();
        } else if (event.getCode() == KeyCode.ESCAPE && viewModel.amendingProperty().get() != null) {
            viewModel.cancelAmend();
        } else {
            return;
        }
        event.consume();
    }
}
