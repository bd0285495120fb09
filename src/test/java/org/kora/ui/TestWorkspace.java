package org.kora.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.kora.app.ServiceFactory;
import org.kora.service.RestoreOutcome;
import org.kora.service.Services;
import org.kora.service.Session;
import org.kora.store.DatabaseFile;

/** A {@link Workspace} on real database files in a test's folder. */
public final class TestWorkspace implements Workspace, AutoCloseable {
    private final Path folder;
    private final ServiceFactory factory = new ServiceFactory(Clock.systemDefaultZone());
    private Services current;

    public TestWorkspace(Path folder) {
        this.folder = folder;
    }

    @Override
    public Path defaultDatabase() {
        return folder.resolve("kora.mv.db");
    }

    @Override
    public Path demoDatabase() {
        return folder.resolve("kora-demo.mv.db");
    }

    @Override
    public boolean needsPassphrase(Path database) {
        var file = DatabaseFile.of(database);
        return file.isEncrypted() && !(current != null && current.store().file().equals(file));
    }

    @Override
    public Services open(Path database, char[] passphrase) {
        close();
        current = factory.open(DatabaseFile.of(database), passphrase);
        return current;
    }

    @Override
    public Services create(Path database, char[] passphrase) {
        close();
        current = factory.create(DatabaseFile.of(database), passphrase);
        return current;
    }

    @Override
    public RestoreOutcome restore(Session who, Path backup, char[] passphrase) {
        try {
            return current().orElseThrow().backups().restore(who, backup, passphrase);
        } finally {
            close();
        }
    }

    @Override
    public Optional<Services> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
