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

    /** Opens an existing database; refuses a path where there is none. */
    Services open(Path database);

    /** Creates a new database; refuses if the file exists. */
    Services create(Path database);

    /** Opens the window and returns when it is closed. {@code database} and {@code language} may be null. */
    void openWindow(Path database, Language language);
}
