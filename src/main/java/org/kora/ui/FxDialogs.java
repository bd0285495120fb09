package org.kora.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Alert.AlertType;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kora.domain.Messages;

/** {@link Dialogs} as JavaFX alerts and file choosers owned by the main window. */
public final class FxDialogs implements Dialogs {
    private final Window owner;
    private final Messages messages;

    public FxDialogs(Window owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
    }

    @Override
    public void info(String title, String text) {
        show(AlertType.INFORMATION, title, text);
    }

    @Override
    public void error(String title, String text) {
        show(AlertType.ERROR, title, text);
    }

    @Override
    public boolean confirm(String title, String text, String action) {
        var yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        var no = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        var alert = new Alert(AlertType.CONFIRMATION, text, yes, no);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public Optional<char[]> askPassphrase(String title, String text, String refusal) {
        var field = new PasswordField();
        field.setId("passphraseAsked");
        var label = new Label(messages.get("backup.passphrase"));
        label.setLabelFor(field);
        var question = new Label(text);
        question.setWrapText(true);
        var error = new Label(refusal);
        error.setId("passphraseRefusal");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setVisible(!refusal.isBlank());
        error.setManaged(!refusal.isBlank());
        var content = new VBox(8, question, label, field, error);
        content.setPrefWidth(480);

        var go = new ButtonType(messages.get("backup.passphraseAction"), ButtonBar.ButtonData.OK_DONE);
        var alert = new Alert(AlertType.CONFIRMATION, "", go,
                new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        var pane = alert.getDialogPane();
        if (owner.getScene() != null) {
            pane.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        pane.setContent(content);
        pane.lookupButton(go).disableProperty().bind(field.textProperty().isEmpty());
        alert.setOnShown(event -> Platform.runLater(field::requestFocus));
        var answer = alert.showAndWait().filter(go::equals).map(button -> field.getText().toCharArray());
        field.clear();
        return answer;
    }

    private void show(AlertType type, String title, String text) {
        var alert = new Alert(type, text);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.showAndWait();
    }

    @Override
    public Optional<Path> chooseDatabaseToOpen() {
        return Optional.ofNullable(chooser("file.open.title").showOpenDialog(owner)).map(file -> file.toPath());
    }

    @Override
    public Optional<Path> chooseImportFile() {
        var chooser = new FileChooser();
        chooser.setTitle(messages.get("people.import.chooseTitle"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("people.import.filter"),
                "*.csv", "*.xlsx", "*.CSV", "*.XLSX"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(file -> file.toPath());
    }

    @Override
    public Optional<Path> chooseNewDatabase() {
        var chooser = chooser("file.new.title");
        chooser.setInitialFileName("kora.mv.db");
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(file -> file.toPath());
    }

    @Override
    public Optional<Path> chooseBackupFolder(Path initial) {
        var chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("backup.chooseFolderTitle"));
        if (initial != null && initial.toFile().isDirectory()) {
            chooser.setInitialDirectory(initial.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner)).map(file -> file.toPath());
    }

    @Override
    public Optional<Path> chooseBackup(Path initial) {
        var chooser = new FileChooser();
        chooser.setTitle(messages.get("backup.chooseFileTitle"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("backup.filter"), "*.korabackup",
                "*.KORABACKUP", "*.zip", "*.ZIP"));
        if (initial != null && initial.toFile().isDirectory()) {
            chooser.setInitialDirectory(initial.toFile());
        }
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(file -> file.toPath());
    }

    @Override
    public Optional<Path> chooseSaveFile(String fileName, String filterKey, String extension) {
        var chooser = new FileChooser();
        chooser.setTitle(messages.get("file.save.title"));
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get(filterKey), "*." + extension));
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(file -> {
            var path = file.toPath();
            return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + extension) ? path
                    : path.resolveSibling(path.getFileName() + "." + extension);
        });
    }

    private FileChooser chooser(String titleKey) {
        var chooser = new FileChooser();
        chooser.setTitle(messages.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("file.filter"), "*.mv.db"));
        return chooser;
    }
}
