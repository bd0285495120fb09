package org.kora.ui.main;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kora.domain.Language;
import org.kora.ui.Dialogs;

/**
 * Binds the main window: navigation buttons for the role's screens, each screen built the first
 * time it is opened, the status bar and the menus.
 */
public final class MainController {
    private final MainViewModel viewModel;
    private final Dialogs dialogs;
    private final Function<Area, Parent> screens;
    private final Map<Area, Parent> built = new EnumMap<>(Area.class);

    @FXML private VBox navigation;
    @FXML private StackPane content;
    @FXML private Label statusUser;
    @FXML private Label statusRole;
    @FXML private Label statusDatabase;
    @FXML private Label statusToday;
    @FXML private Hyperlink statusBackupWarning;
    @FXML private RadioMenuItem languageZh;
    @FXML private RadioMenuItem languageEn;

    public MainController(MainViewModel viewModel, Dialogs dialogs, Function<Area, Parent> screens) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.screens = screens;
    }

    @FXML
    private void initialize() {
        var group = new ToggleGroup();
        var buttons = new EnumMap<Area, ToggleButton>(Area.class);
        for (var area : viewModel.areas()) {
            var button = new ToggleButton(viewModel.areaName(area));
            button.setId(area.navigationId());
            button.getStyleClass().add("nav-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(group);
            button.setSelected(area == viewModel.selectedProperty().get());
            button.setOnAction(event -> {
                button.setSelected(true);
                viewModel.selectedProperty().set(area);
            });
            navigation.getChildren().add(button);
            buttons.put(area, button);
        }
        viewModel.selectedProperty().addListener((property, was, area) -> {
            // chosen other than by its button (the backup warning opens Settings): its button shows it too
            buttons.get(area).setSelected(true);
            show(area);
        });
        show(viewModel.selectedProperty().get());

        statusUser.setText(viewModel.userName());
        statusRole.setText(viewModel.roleName());
        statusDatabase.setText(viewModel.databaseName());
        statusToday.setText(viewModel.today());
        statusBackupWarning.visibleProperty().bind(viewModel.backupWarningProperty().isNotEmpty());
        statusBackupWarning.managedProperty().bind(statusBackupWarning.visibleProperty());
        var reason = new Tooltip();
        reason.textProperty().bind(viewModel.backupWarningProperty());
        reason.setWrapText(true);
        reason.setPrefWidth(480);
        statusBackupWarning.setTooltip(reason);
        var languages = new ToggleGroup();
        languageZh.setToggleGroup(languages);
        languageEn.setToggleGroup(languages);
        languageZh.setText(Language.ZH.nativeName());
        languageEn.setText(Language.EN.nativeName());
        (viewModel.language() == Language.ZH ? languageZh : languageEn).setSelected(true);
    }

    private void show(Area area) {
        if (area != null) {
            content.getChildren().setAll(built.computeIfAbsent(area, screens));
        }
    }

    @FXML
    private void newDatabase() {
        dialogs.chooseNewDatabase().ifPresent(viewModel::newDatabase);
    }

    @FXML
    private void openDatabase() {
        dialogs.chooseDatabaseToOpen().ifPresent(viewModel::openDatabase);
    }

    @FXML
    private void signOut() {
        viewModel.signOut();
    }

    @FXML
    private void exit() {
        // hiding the last window ends the program through the window's own closing path
        content.getScene().getWindow().hide();
    }

    @FXML
    private void chooseChinese() {
        viewModel.switchLanguage(Language.ZH);
    }

    @FXML
    private void chooseEnglish() {
        viewModel.switchLanguage(Language.EN);
    }

    @FXML
    private void showBackups() {
        viewModel.showBackups();
    }

    @FXML
    private void about() {
        dialogs.info(viewModel.aboutTitle(), viewModel.aboutText());
    }
}
