package org.kora.ui;

import java.io.IOException;
import java.io.UncheckedIOException;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import org.kora.domain.Messages;

/**
 * Loads a screen's FXML, found beside its controller class by the screen's base name
 * ({@code ui/login/LoginView.fxml} for {@code LoginController}), with the user's texts and the
 * controller instance the composition root built.
 */
public final class ViewLoader {
    private final Messages messages;

    public ViewLoader(Messages messages) {
        this.messages = messages;
    }

    public Messages messages() {
        return messages;
    }

    public Parent load(Object controller) {
        var type = controller.getClass();
        var fxml = type.getSimpleName().replaceFirst("Controller$", "View") + ".fxml";
        var url = type.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("no " + fxml + " beside " + type.getName());
        }
        var loader = new FXMLLoader(url, messages.bundle());
        loader.setControllerFactory(requested -> {
            if (!requested.isInstance(controller)) {
                throw new IllegalStateException(fxml + " names " + requested.getName() + ", not " + type.getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }
}
