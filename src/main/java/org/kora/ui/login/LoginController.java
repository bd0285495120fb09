package org.kora.ui.login;

import javafx.animation.AnimationTimer;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

import org.kora.ui.Dialogs;

/** Binds the sign-in screen to its view model. */
public final class LoginController {
    private final LoginViewModel viewModel;
    private final Dialogs dialogs;

    @FXML private Label databaseName;
    @FXML private Label demoHint;
    @FXML private Label passphraseLabel;
    @FXML private PasswordField passphrase;
    @FXML private TextField username;
    @FXML private PasswordField password;
    @FXML private Button signIn;
    @FXML private ProgressIndicator busy;
    @FXML private Label status;
    @FXML private Label loginError;

    public LoginController(LoginViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        databaseName.setText(viewModel.databaseName());
        demoHint.setText(viewModel.demoHint());
        demoHint.setManaged(!viewModel.demoHint().isEmpty());
        passphrase.textProperty().bindBidirectional(viewModel.passphraseProperty());
        for (var node : new Node[] {passphraseLabel, passphrase}) {
            node.visibleProperty().bind(viewModel.passphraseNeededProperty());
            node.managedProperty().bind(viewModel.passphraseNeededProperty());
        }
        username.textProperty().bindBidirectional(viewModel.usernameProperty());
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        signIn.disableProperty().bind(viewModel.canSignInProperty().not());
        busy.visibleProperty().bind(viewModel.work().busyProperty());
        status.textProperty().bind(viewModel.work().statusProperty());
        loginError.textProperty().bind(viewModel.work().errorProperty());
        viewModel.work().errorProperty().addListener((property, was, is) -> {
            if (!is.isEmpty()) {
                (viewModel.servicesProperty().get() == null && viewModel.passphraseNeededProperty().get()
                        ? passphrase : password).requestFocus();
            }
        });
        username.sceneProperty().addListener((property, was, scene) -> {
            if (scene != null) {
                (viewModel.passphraseNeededProperty().get() ? passphrase : username).requestFocus();
            }
        });
        openAfterFirstFrames();
    }

    /**
     * Opens the database a few frames (~10 pulses, about 0.2 s) after the screen starts showing,
     * so that its first frame need not share the processor with H2, Flyway and Jdbi. (JavaFX
     * offers no public "frame on screen" event; the second pulse comes before the first frame
     * is drawn, because rendering runs on its own thread.)
     */
    private void openAfterFirstFrames() {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 10) {
                    stop();
                    viewModel.openDatabase();
                }
            }
        }.start();
    }

    @FXML
    private void signIn() {
        viewModel.signIn();
    }

    @FXML
    private void openOther() {
        dialogs.chooseDatabaseToOpen().ifPresent(viewModel::openOther);
    }

    @FXML
    private void toWelcome() {
        viewModel.toWelcome();
    }
}
