package org.kora.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.kora.cli.Backend;
import org.kora.cli.KoraCommand;
import org.kora.domain.Language;
import org.kora.service.Services;
import org.kora.store.DataFolder;
import org.kora.store.DatabaseFile;
import org.kora.store.LocalSettings;
import org.slf4j.LoggerFactory;

/** The composition root: builds the command line, and the window when it is asked for. */
public final class Kora implements Backend {
    /** Read by {@link LogConfigurator}: the folder of the rolling log file. */
    public static final String LOG_FOLDER_PROPERTY = "kora.logDir";
    /**
     * {@code -Dkora.startupTraining=true}: the window closes itself once the sign-in screen is
     * shown and its database is open. The installer's build runs Kora so to record the classes a
     * start loads, for the class-data archive (docs/decisions/0023-class-data-sharing.md).
     */
    static final String STARTUP_TRAINING_PROPERTY = "kora.startupTraining";

    private static CompletableFuture<Void> toolkit;

    private final DataFolder folder;
    private final LocalSettings settings;
    private final Clock clock;
    private final ServiceFactory factory;
    private final String version;
    private final boolean startupTraining;

    Kora(DataFolder folder, LocalSettings settings, Clock clock, String version, boolean startupTraining) {
        this.folder = folder;
        this.settings = settings;
        this.clock = clock;
        this.factory = new ServiceFactory(clock);
        this.version = version;
        this.startupTraining = startupTraining;
    }

    /**
     * Runs {@code kora args} and returns its exit code. A plain {@code kora [--db PATH] [--lang
     * zh|en]} opens the window without building the command line, and starts the JavaFX toolkit
     * and the logging on threads of their own at once, so that the window shows sooner
     * (docs/performance.md, "Start-up").
     */
    public static int run(String[] args) {
        var window = WindowArguments.parse(args);
        if (window.isPresent()) {
            startToolkit();
        }
        var folder = DataFolder.fromEnvironment();
        // before the first logger is made, so that the log goes to the data folder
        System.setProperty(LOG_FOLDER_PROPERTY, folder.logFolder().toString());
        if (window.isPresent()) {
            var logging = new Thread(LoggerFactory::getILoggerFactory, "kora-logging-start");
            logging.setDaemon(true);
            logging.start();
        }
        var kora = new Kora(folder, LocalSettings.load(folder.settingsFile()), Clock.systemDefaultZone(), version(),
                Boolean.getBoolean(STARTUP_TRAINING_PROPERTY));
        if (window.isPresent()) {
            try {
                kora.openWindow(window.get().database(), window.get().language(), window.get().backup());
                return 0;
            } catch (RuntimeException failure) {
                return KoraCommand.failed(kora, window.get().language(), failure);
            }
        }
        return KoraCommand.commandLine(kora, kora.version).execute(args);
    }

    /** Starts the JavaFX toolkit on a thread of its own, once; {@link #openWindow} waits for it. */
    private static synchronized CompletableFuture<Void> startToolkit() {
        if (toolkit == null) {
            var started = new CompletableFuture<Void>();
            var thread = new Thread(() -> {
                try {
                    Platform.startup(() -> started.complete(null));
                } catch (RuntimeException | Error e) {
                    started.completeExceptionally(e);
                }
            }, "kora-toolkit-start");
            thread.setDaemon(true);
            thread.start();
            toolkit = started;
        }
        return toolkit;
    }

    /** The version from the build ({@code version.properties}, filtered by Maven). */
    static String version() {
        try (InputStream in = Kora.class.getResourceAsStream("version.properties")) {
            var properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Language defaultLanguage() {
        try {
            return settings.get(KoraDesktop.LANGUAGE).map(Language::fromCode)
                    .orElse(Language.fromLocale(Locale.getDefault()));
        } catch (IllegalArgumentException e) {
            return Language.fromLocale(Locale.getDefault());
        }
    }

    @Override
    public Path defaultDatabase() {
        return folder.defaultDatabase();
    }

    @Override
    public Path demoDatabase() {
        return desktopWorkspace().demoDatabase();
    }

    @Override
    public boolean isEncrypted(Path database) {
        return DatabaseFile.of(database).isEncrypted();
    }

    @Override
    public Services open(Path database, char[] passphrase) {
        return factory.open(DatabaseFile.of(database), passphrase);
    }

    @Override
    public Services create(Path database, char[] passphrase) {
        return factory.create(DatabaseFile.of(database), passphrase);
    }

    @Override
    public void openWindow(Path database, Language language, Path backup) {
        var closed = new CountDownLatch(1);
        try {
            startToolkit().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Platform.runLater(() -> {
            try {
                desktop(() -> {
                    Platform.exit();
                    closed.countDown();
                }).start(new Stage(), database, language != null ? language : defaultLanguage(), backup);
            } catch (RuntimeException e) {
                closed.countDown();
                throw e;
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The window's composition, also used by the UI tests. */
    KoraDesktop desktop(Runnable onClosed) {
        return new KoraDesktop(settings, desktopWorkspace(), clock, version, onClosed, startupTraining);
    }

    private DesktopWorkspace desktopWorkspace() {
        return new DesktopWorkspace(folder, settings, factory);
    }
}
