package org.kora.ui.main;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;

/** Binds the lock screen that covers the main window after the idle time. */
public final class IdleLockController {
    private final IdleLockViewModel viewModel;

    @FXML private Label lockPrompt;
    @FXML private PasswordField lockPassword;
    @FXML private Button unlockWindow;
    @FXML private ProgressIndicator lockBusy;
    @FXML private Label lockStatus;
    @FXML private Label lockError;

    public IdleLockController(IdleLockViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        lockPrompt.setText(viewModel.prompt());
        lockPassword.textProperty().bindBidirectional(viewModel.passwordProperty());
        unlockWindow.disableProperty().bind(viewModel.canUnlockProperty().not());
        lockBusy.visibleProperty().bind(viewModel.work().busyProperty());
        lockStatus.textProperty().bind(viewModel.work().statusProperty());
        lockError.textProperty().bind(viewModel.work().errorProperty());
        lockPassword.sceneProperty().addListener((property, was, scene) -> {
            if (scene != null) {
                lockPassword.requestFocus();
            }
        });
        viewModel.work().errorProperty().addListener((property, was, is) -> lockPassword.requestFocus());
    }

    @FXML
    private void unlock() {
        viewModel.unlock();
    }

    @FXML
    private void switchUser() {
        viewModel.switchUser();
    }
}
