package org.kora.app;

import java.nio.file.Path;
import java.util.Optional;

import org.kora.service.RestoreOutcome;
import org.kora.service.Services;
import org.kora.service.Session;
import org.kora.store.DataFolder;
import org.kora.store.DatabaseFile;
import org.kora.store.LocalSettings;
import org.kora.ui.Workspace;

/** The window's database: at most one open at a time; the last one opened is remembered. */
final class DesktopWorkspace implements Workspace, AutoCloseable {
    static final String LAST_DATABASE = "database.last";
    private static final String DEMO_FILE = "kora-demo.mv.db";

    private final DataFolder folder;
    private final LocalSettings settings;
    private final ServiceFactory factory;
    private Services current;

    DesktopWorkspace(DataFolder folder, LocalSettings settings, ServiceFactory factory) {
        this.folder = folder;
        this.settings = settings;
        this.factory = factory;
    }

    @Override
    public Path defaultDatabase() {
        return folder.defaultDatabase();
    }

    @Override
    public Path demoDatabase() {
        return folder.path().resolve(DEMO_FILE);
    }

    /** The database to show at start: the last one opened, or the default one if it exists. */
    Optional<Path> startDatabase() {
        return settings.get(LAST_DATABASE).map(Path::of)
                .or(() -> DatabaseFile.of(defaultDatabase()).exists() ? Optional.of(defaultDatabase()) : Optional.empty());
    }

    @Override
    public synchronized boolean needsPassphrase(Path database) {
        var file = DatabaseFile.of(database);
        return file.isEncrypted() && !(current != null && current.store().file().equals(file));
    }

    @Override
    public synchronized Services open(Path database, char[] passphrase) {
        var file = DatabaseFile.of(database);
        if (current != null && current.store().file().equals(file)) {
            return current;
        }
        close();
        current = factory.open(file, passphrase);
        settings.put(LAST_DATABASE, file.toString());
        return current;
    }

    @Override
    public synchronized Services create(Path database, char[] passphrase) {
        close();
        current = factory.create(DatabaseFile.of(database), passphrase);
        settings.put(LAST_DATABASE, current.store().file().toString());
        return current;
    }

    @Override
    public synchronized RestoreOutcome restore(Session who, Path backup, char[] passphrase) {
        try {
            return current().orElseThrow().backups().restore(who, backup, passphrase);
        } finally {
            close();
        }
    }

    @Override
    public synchronized Optional<Services> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
