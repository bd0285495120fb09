package org.kora.cli;

import java.nio.file.Path;

import org.kora.domain.Language;
import org.kora.service.Services;

/** What the command line needs from the composition root: databases, and the window. */
public interface Backend {
    /** The language of messages when no {@code --lang} is given: the user's choice, else the system's. */
    Language defaultLanguage();

    /** The database of the user's data folder, used when no {@code --db} is given. */
    Path defaultDatabase();

    /** An environment variable, or null; tests give their own. */
    default String environment(String name) {
        return System.getenv(name);
    }

    /** Where the demo database goes when no {@code --db} is given. */
    Path demoDatabase();

    /** Opens an existing, plain database; refuses a path where there is none. */
    default Services open(Path database) {
        return open(database, null);
    }

    /** Creates a new, plain database; refuses if the file exists. */
    default Services create(Path database) {
        return create(database, null);
    }

    /** Whether the database at this path is encrypted, and so needs its passphrase to open. */
    boolean isEncrypted(Path database);

    /** Opens an existing database, encrypted if {@code passphrase} is given, plain if null. */
    Services open(Path database, char[] passphrase);

    /** Creates a new database, encrypted with {@code passphrase} if given; refuses if the file exists. */
    Services create(Path database, char[] passphrase);

    /**
     * Opens the window and returns when it is closed. {@code database} and {@code language} may be
     * null; {@code backup}, if not null, is offered for restoring once an administrator signs in.
     */
    void openWindow(Path database, Language language, Path backup);
}
