package org.kora.ui.settings;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

import org.kora.domain.Blackout;
import org.kora.ui.Dialogs;
import org.kora.ui.TextCells;

/** Binds the Settings screen to its view model. Keys: Ctrl+N new blackout, Ctrl+S or Enter save, Delete remove. */
public final class SettingsController {
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final SettingsViewModel viewModel;
    private final BackupsViewModel backups;
    private final Dialogs dialogs;

    @FXML private VBox settingsRoot;
    @FXML private TableView<Blackout> blackoutTable;
    @FXML private TableColumn<Blackout, String> fromColumn;
    @FXML private TableColumn<Blackout, String> toColumn;
    @FXML private TableColumn<Blackout, String> labelColumn;
    @FXML private Button addFestivals;
    @FXML private DatePicker blackoutFrom;
    @FXML private DatePicker blackoutTo;
    @FXML private TextField blackoutLabel;
    @FXML private Button saveBlackout;
    @FXML private Button newBlackout;
    @FXML private Button removeBlackout;
    @FXML private Label blackoutError;
    @FXML private VBox chainSection;
    @FXML private Button verifyChain;
    @FXML private Label chainIntact;
    @FXML private Label chainBroken;
    @FXML private VBox backupSection;
    @FXML private Label backupFolder;
    @FXML private Button chooseBackupFolder;
    @FXML private TableView<BackupsViewModel.Row> backupTable;
    @FXML private TableColumn<BackupsViewModel.Row, String> backupMadeColumn;
    @FXML private TableColumn<BackupsViewModel.Row, String> backupSizeColumn;
    @FXML private Button backUpNow;
    @FXML private Button restoreBackup;
    @FXML private Label backupWarning;
    @FXML private ProgressIndicator backupBusy;
    @FXML private Label backupStatus;
    @FXML private Label backupError;
    @FXML private ProgressIndicator settingsBusy;
    @FXML private Label settingsStatus;
    @FXML private Label settingsError;

    public SettingsController(SettingsViewModel viewModel, BackupsViewModel backups, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.backups = backups;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        settingsBusy.visibleProperty().bind(viewModel.work().busyProperty());
        settingsStatus.textProperty().bind(viewModel.work().statusProperty());
        settingsError.textProperty().bind(viewModel.work().errorProperty());

        blackoutTable.setItems(viewModel.rows());
        TextCells.column(fromColumn, blackout -> blackout.from().toString());
        TextCells.column(toColumn, blackout -> blackout.to().toString());
        TextCells.column(labelColumn, Blackout::label);
        blackoutTable.getSelectionModel().selectedItemProperty().addListener((property, was, is) -> {
            if (is != null) {
                viewModel.chosenProperty().set(is);
            }
        });
        viewModel.chosenProperty().addListener((property, was, is) -> {
            if (is == null) {
                blackoutTable.getSelectionModel().clearSelection();
            } else if (!is.equals(blackoutTable.getSelectionModel().getSelectedItem())) {
                blackoutTable.getSelectionModel().select(is);
            }
        });
        blackoutTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE) {
                remove();
                event.consume();
            }
        });

        TextCells.dates(blackoutFrom, blackoutTo);
        blackoutFrom.valueProperty().bindBidirectional(viewModel.fromProperty());
        blackoutTo.valueProperty().bindBidirectional(viewModel.toProperty());
        blackoutLabel.textProperty().bindBidirectional(viewModel.labelProperty());
        TextCells.script(blackoutLabel);
        blackoutError.textProperty().bind(viewModel.formErrorProperty());
        saveBlackout.setOnAction(event -> viewModel.save());
        blackoutLabel.setOnAction(event -> viewModel.save());
        newBlackout.setOnAction(event -> viewModel.newBlackout());
        removeBlackout.disableProperty().bind(viewModel.chosenProperty().isNull());
        removeBlackout.setOnAction(event -> remove());
        addFestivals.setText(viewModel.festivalsAction());
        addFestivals.setOnAction(event -> viewModel.addFestivals());

        chainSection.setVisible(viewModel.mayVerifyChain());
        chainSection.setManaged(viewModel.mayVerifyChain());
        verifyChain.disableProperty().bind(viewModel.verifyingProperty());
        verifyChain.setOnAction(event -> viewModel.verifyChain());
        chainIntact.textProperty().bind(viewModel.chainIntactProperty());
        chainBroken.textProperty().bind(viewModel.chainBrokenProperty());

        bindBackups();

        settingsRoot.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (NEW.match(event)) {
                viewModel.newBlackout();
                blackoutFrom.requestFocus();
                event.consume();
            } else if (SAVE.match(event)) {
                viewModel.save();
                event.consume();
            }
        });
        viewModel.load();
        backups.load();
    }

    private void bindBackups() {
        backupSection.setVisible(backups.mayManage());
        backupSection.setManaged(backups.mayManage());
        backupFolder.textProperty().bind(backups.folderProperty());
        backupTable.setItems(backups.rows());
        TextCells.column(backupMadeColumn, BackupsViewModel.Row::madeAt);
        TextCells.column(backupSizeColumn, BackupsViewModel.Row::size);
        backupWarning.textProperty().bind(backups.warningProperty());
        backupBusy.visibleProperty().bind(backups.work().busyProperty());
        backupStatus.textProperty().bind(backups.work().statusProperty());
        backupError.textProperty().bind(backups.work().errorProperty());
        backUpNow.disableProperty().bind(backups.workingProperty());
        restoreBackup.disableProperty().bind(backups.workingProperty());
        backUpNow.setOnAction(event -> backups.backUpNow());
        chooseBackupFolder.setOnAction(event -> dialogs.chooseBackupFolder(backups.folder()).ifPresent(backups::changeFolder));
        restoreBackup.setOnAction(event -> dialogs.chooseBackup(backups.folder())
                .ifPresent(chosen -> backups.restore(chosen, dialogs)));
    }

    private void remove() {
        if (viewModel.chosenProperty().get() != null
                && dialogs.confirm(viewModel.removeTitle(), viewModel.removeQuestion(), viewModel.removeTitle())) {
            viewModel.remove();
        }
    }
}
