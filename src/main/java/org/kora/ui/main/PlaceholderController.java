package org.kora.ui.main;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

import org.kora.domain.Messages;

/** Stands in for a screen not built yet, naming what it will hold. */
public final class PlaceholderController {
    private final Area area;
    private final Messages messages;

    @FXML private Label placeholderTitle;
    @FXML private Label placeholderText;

    public PlaceholderController(Area area, Messages messages) {
        this.area = area;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        placeholderTitle.setText(messages.get(area.nameKey()));
        placeholderText.setText(messages.get(area.placeholderKey()));
    }
}
