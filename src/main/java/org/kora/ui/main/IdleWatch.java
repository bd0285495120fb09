package org.kora.ui.main;

import java.time.Duration;

import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventType;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Calls {@code onIdle} when a scene has had no keyboard, mouse or scroll input for the idle time: a
 * {@link PauseTransition} that every input event, seen by a filter on the scene before any control,
 * starts again. {@link #stop} removes the filter, so nothing of the main window stays reachable from
 * the scene once it is left.
 */
public final class IdleWatch {
    private static final EventType<?>[] INPUT = {KeyEvent.ANY, MouseEvent.ANY, ScrollEvent.ANY};

    private final Scene scene;
    private final PauseTransition pause = new PauseTransition();
    private final EventHandler<Event> restart = event -> restart();
    private boolean watching;

    public IdleWatch(Scene scene, ObservableValue<Duration> idleTime, Runnable onIdle) {
        this.scene = scene;
        pause.setDuration(javafx.util.Duration.millis(idleTime.getValue().toMillis()));
        idleTime.addListener((property, was, is) -> {
            pause.setDuration(javafx.util.Duration.millis(is.toMillis()));
            if (watching) {
                restart();
            }
        });
        pause.setOnFinished(event -> onIdle.run());
    }

    /** Starts watching; the idle time counts from now. */
    @SuppressWarnings("unchecked")
    public void start() {
        watching = true;
        for (var type : INPUT) {
            scene.addEventFilter((EventType<Event>) type, restart);
        }
        restart();
    }

    /** Stops watching, e.g. while the window is locked or once it shows another screen. */
    @SuppressWarnings("unchecked")
    public void stop() {
        watching = false;
        pause.stop();
        for (var type : INPUT) {
            scene.removeEventFilter((EventType<Event>) type, restart);
        }
    }

    private void restart() {
        pause.playFromStart();
    }
}
