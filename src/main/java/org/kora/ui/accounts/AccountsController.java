package org.kora.ui.accounts;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import org.kora.service.AccountState;
import org.kora.ui.TextCells;

/** Binds the Accounts screen to its view model. */
public final class AccountsController {
    private final AccountsViewModel viewModel;

    @FXML private TableView<AccountState> accountTable;
    @FXML private TableColumn<AccountState, String> usernameColumn;
    @FXML private TableColumn<AccountState, String> nameColumn;
    @FXML private TableColumn<AccountState, String> roleColumn;
    @FXML private TableColumn<AccountState, String> statusColumn;
    @FXML private Button unlockAccount;
    @FXML private TextField idleMinutes;
    @FXML private Button saveIdleMinutes;
    @FXML private ProgressIndicator accountsBusy;
    @FXML private Label accountsStatus;
    @FXML private Label accountsError;

    public AccountsController(AccountsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        accountsBusy.visibleProperty().bind(viewModel.work().busyProperty());
        accountsStatus.textProperty().bind(viewModel.work().statusProperty());
        accountsError.textProperty().bind(viewModel.work().errorProperty());
        accountTable.setItems(viewModel.rows());
        TextCells.column(usernameColumn, state -> state.user().username());
        TextCells.column(nameColumn, state -> state.user().displayName());
        TextCells.column(roleColumn, viewModel::roleName);
        TextCells.column(statusColumn, viewModel::status);
        accountTable.getSelectionModel().selectedItemProperty().addListener((property, was, is) -> {
            if (is != null) {
                viewModel.chosenProperty().set(is);
            }
        });
        viewModel.chosenProperty().addListener((property, was, is) -> {
            if (is == null) {
                accountTable.getSelectionModel().clearSelection();
            } else if (!is.equals(accountTable.getSelectionModel().getSelectedItem())) {
                accountTable.getSelectionModel().select(is);
            }
        });
        unlockAccount.disableProperty().bind(viewModel.canUnlockProperty().not());
        unlockAccount.setOnAction(event -> viewModel.unlock());
        idleMinutes.textProperty().bindBidirectional(viewModel.idleMinutesProperty());
        idleMinutes.setOnAction(event -> viewModel.saveIdleMinutes());
        saveIdleMinutes.setOnAction(event -> viewModel.saveIdleMinutes());
        viewModel.load();
    }
}
