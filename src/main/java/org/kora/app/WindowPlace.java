package org.kora.app;

import java.util.List;

import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

import org.kora.store.LocalSettings;

/** Remembers the window's size, position and maximized state between runs. */
final class WindowPlace {
    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";
    private static final double MIN_VISIBLE = 100;

    private WindowPlace() {
    }

    /** Puts the window where it was, unless that place is no longer on any screen (a monitor was removed). */
    static void restore(Stage stage, LocalSettings settings, List<Rectangle2D> screens) {
        var x = settings.getDouble(X);
        var y = settings.getDouble(Y);
        var width = settings.getDouble(WIDTH);
        var height = settings.getDouble(HEIGHT);
        if (x.isPresent() && y.isPresent() && width.isPresent() && height.isPresent()) {
            var place = new Rectangle2D(x.get(), y.get(), Math.max(width.get(), 640), Math.max(height.get(), 480));
            var visible = screens.stream().anyMatch(screen -> screen.intersects(
                    place.getMinX(), place.getMinY(), MIN_VISIBLE, MIN_VISIBLE));
            if (visible) {
                stage.setX(place.getMinX());
                stage.setY(place.getMinY());
                stage.setWidth(place.getWidth());
                stage.setHeight(place.getHeight());
            }
        }
        stage.setMaximized(settings.get(MAXIMIZED).map(Boolean::parseBoolean).orElse(false));
    }

    static void save(Stage stage, LocalSettings settings) {
        settings.put(MAXIMIZED, Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            settings.put(X, Double.toString(stage.getX()));
            settings.put(Y, Double.toString(stage.getY()));
            settings.put(WIDTH, Double.toString(stage.getWidth()));
            settings.put(HEIGHT, Double.toString(stage.getHeight()));
        }
    }
}
