package org.kora.cli;

import java.nio.file.Path;

import org.kora.domain.Language;
import org.kora.service.Services;

/** A backend for the commands that need no database: every database method fails the test. */
final class NoDatabase implements Backend {
    @Override
    public Language defaultLanguage() {
        return Language.EN;
    }

    @Override
    public Path defaultDatabase() {
        throw new AssertionError("the command opened a database");
    }

    @Override
    public Path demoDatabase() {
        throw new AssertionError("the command opened a database");
    }

    @Override
    public boolean isEncrypted(Path database) {
        throw new AssertionError("the command opened a database");
    }

    @Override
    public Services open(Path database, char[] passphrase) {
        throw new AssertionError("the command opened a database");
    }

    @Override
    public Services create(Path database, char[] passphrase) {
        throw new AssertionError("the command opened a database");
    }

    @Override
    public void openWindow(Path database, Language language, Path backup) {
        throw new AssertionError("the command opened a window");
    }
}
