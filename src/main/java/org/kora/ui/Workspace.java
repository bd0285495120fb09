package org.kora.ui;

import java.nio.file.Path;
import java.util.Optional;

import org.kora.service.Services;

/**
 * The database the window works on: which one is open, and opening or creating another. Each call
 * closes the database open before it. Slow (it opens files and migrates): call off the JavaFX thread.
 */
public interface Workspace {
    /** Where a new database goes unless the user chooses another file. */
    Path defaultDatabase();

    /** Where the demo database goes. */
    Path demoDatabase();

    /** Opens an existing database; refuses a path where there is none. */
    Services open(Path database);

    /** Creates a new, empty database and opens it; refuses if the file exists. */
    Services create(Path database);

    /** The open database's services, if one is open. */
    Optional<Services> current();
}
