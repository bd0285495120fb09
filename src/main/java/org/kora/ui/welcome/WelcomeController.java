package org.kora.ui.welcome;

import java.util.Optional;
import java.util.function.Supplier;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.kora.domain.Language;
import org.kora.ui.Dialogs;

/** Binds the welcome screen to its view model. */
public final class WelcomeController {
    private final WelcomeViewModel viewModel;
    private final Dialogs dialogs;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private ToggleButton langZh;
    @FXML private ToggleButton langEn;
    @FXML private Label demoAccounts;
    @FXML private Button openDemo;
    @FXML private TextField adminUsername;
    @FXML private TextField adminDisplayName;
    @FXML private PasswordField adminPassword;
    @FXML private PasswordField adminPasswordRepeat;
    @FXML private TextField databasePath;
    @FXML private CheckBox encrypt;
    @FXML private VBox passphraseBox;
    @FXML private PasswordField passphrase;
    @FXML private PasswordField passphraseRepeat;
    @FXML private Button chooseDatabase;
    @FXML private Button createDatabase;
    @FXML private ProgressIndicator busy;
    @FXML private Label status;
    @FXML private Label error;

    public WelcomeController(WelcomeViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        var languages = new ToggleGroup();
        langZh.setToggleGroup(languages);
        langEn.setToggleGroup(languages);
        langZh.setText(Language.ZH.nativeName());
        langEn.setText(Language.EN.nativeName());
        (viewModel.language() == Language.ZH ? langZh : langEn).setSelected(true);
        langZh.setOnAction(event -> viewModel.chooseLanguage(Language.ZH));
        langEn.setOnAction(event -> viewModel.chooseLanguage(Language.EN));

        demoAccounts.setText(viewModel.demoAccounts());
        adminUsername.textProperty().bindBidirectional(viewModel.usernameProperty());
        adminDisplayName.textProperty().bindBidirectional(viewModel.displayNameProperty());
        adminPassword.textProperty().bindBidirectional(viewModel.passwordProperty());
        adminPasswordRepeat.textProperty().bindBidirectional(viewModel.passwordRepeatProperty());
        databasePath.textProperty().bindBidirectional(viewModel.databasePathProperty());
        encrypt.selectedProperty().bindBidirectional(viewModel.encryptProperty());
        passphrase.textProperty().bindBidirectional(viewModel.passphraseProperty());
        passphraseRepeat.textProperty().bindBidirectional(viewModel.passphraseRepeatProperty());
        passphraseBox.visibleProperty().bind(encrypt.selectedProperty());
        passphraseBox.managedProperty().bind(encrypt.selectedProperty());

        validate(adminUsername, viewModel::usernameProblem);
        validate(adminDisplayName, viewModel::displayNameProblem);
        validate(adminPassword, viewModel::passwordProblem);
        validate(adminPasswordRepeat, viewModel::passwordRepeatProblem);
        validate(databasePath, viewModel::databasePathProblem);
        validate(passphrase, viewModel::passphraseProblem);
        validate(passphraseRepeat, viewModel::passphraseRepeatProblem);
        // no red marks on a form the user has not touched yet
        validation.setErrorDecorationEnabled(false);
        for (var field : new TextInputControl[] {adminUsername, adminDisplayName, adminPassword, adminPasswordRepeat,
                passphrase, passphraseRepeat}) {
            field.focusedProperty().addListener((property, was, is) -> {
                if (was) {
                    validation.setErrorDecorationEnabled(true);
                }
            });
        }

        createDatabase.disableProperty().bind(viewModel.canCreateProperty().not());
        openDemo.disableProperty().bind(viewModel.work().busyProperty());
        chooseDatabase.disableProperty().bind(viewModel.work().busyProperty());
        busy.visibleProperty().bind(viewModel.work().busyProperty());
        status.textProperty().bind(viewModel.work().statusProperty());
        error.textProperty().bind(viewModel.work().errorProperty());
    }

    private void validate(TextInputControl field, Supplier<Optional<String>> problem) {
        validation.registerValidator(field, false,
                (control, value) -> ValidationResult.fromErrorIf(control, problem.get().orElse(""), problem.get().isPresent()));
    }

    @FXML
    private void openDemo() {
        viewModel.openDemo();
    }

    @FXML
    private void createDatabase() {
        viewModel.createDatabase();
    }

    @FXML
    private void chooseDatabase() {
        dialogs.chooseNewDatabase().ifPresent(path -> viewModel.databasePathProperty().set(path.toString()));
    }
}
