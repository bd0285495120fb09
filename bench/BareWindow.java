import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The start-up baseline for bench/startup.sh: a bare JavaFX window (a stage titled "Bare" with
 * one label), started the way Kora starts its window — a plain main class (not an Application)
 * on the class path calling Platform.startup — and at Kora's default window size, so that the
 * only difference from Kora is what Kora itself does before its first screen shows.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            var stage = new Stage();
            stage.setTitle("Bare");
            stage.setScene(new Scene(new Label("Bare"), 1280, 820));
            stage.setOnHidden(event -> Platform.exit());
            stage.show();
        });
    }
}
