package org.kora.ui;

import java.nio.file.Path;
import java.util.Optional;

import org.kora.service.RestoreOutcome;
import org.kora.service.Services;
import org.kora.service.Session;

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

    /**
     * Restores {@code backup} over the open database ({@link org.kora.service.BackupService#restore});
     * afterwards, whatever the outcome, no database is open: open it anew.
     */
    RestoreOutcome restore(Session who, Path backup);

    /** The open database's services, if one is open. */
    Optional<Services> current();
}
