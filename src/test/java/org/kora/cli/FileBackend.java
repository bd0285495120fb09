package org.kora.cli;

import java.nio.file.Path;
import java.util.Map;

import org.kora.app.ServiceFactory;
import org.kora.domain.Language;
import org.kora.service.Services;
import org.kora.store.DatabaseFile;

/** A backend on one real database file, with an environment the test controls, for commands that sign in. */
final class FileBackend implements Backend {
    private final ServiceFactory factory;
    private final Path database;
    private final Map<String, String> environment;

    FileBackend(ServiceFactory factory, Path database, Map<String, String> environment) {
        this.factory = factory;
        this.database = database;
        this.environment = environment;
    }

    @Override
    public Language defaultLanguage() {
        return Language.EN;
    }

    @Override
    public Path defaultDatabase() {
        return database;
    }

    @Override
    public String environment(String name) {
        return environment.get(name);
    }

    @Override
    public Path demoDatabase() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isEncrypted(Path path) {
        return DatabaseFile.of(path).isEncrypted();
    }

    @Override
    public Services open(Path path, char[] passphrase) {
        return factory.open(DatabaseFile.of(path), passphrase);
    }

    @Override
    public Services create(Path path, char[] passphrase) {
        return factory.create(DatabaseFile.of(path), passphrase);
    }

    @Override
    public void openWindow(Path path, Language language, Path backup) {
        throw new UnsupportedOperationException();
    }
}
