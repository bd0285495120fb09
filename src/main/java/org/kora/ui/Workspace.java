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

    /** Opens an existing, plain database; refuses a path where there is none. */
    default Services open(Path database) {
        return open(database, null);
    }

    /** Creates a new, empty, plain database and opens it; refuses if the file exists. */
    default Services create(Path database) {
        return create(database, null);
    }

    /** Whether the database at this path is encrypted and not open yet, and so needs its passphrase. */
    boolean needsPassphrase(Path database);

    /** Opens an existing database, encrypted if {@code passphrase} is given, plain if null. */
    Services open(Path database, char[] passphrase);

    /** Creates a new, empty database, encrypted with {@code passphrase} if given, and opens it. */
    Services create(Path database, char[] passphrase);

    /**
     * Restores {@code backup} over the open database ({@link org.kora.service.BackupService#restore}),
     * an encrypted one with its {@code passphrase} (else null); afterwards, whatever the outcome, no
     * database is open: open it anew.
     */
    RestoreOutcome restore(Session who, Path backup, char[] passphrase);

    /** The open database's services, if one is open. */
    Optional<Services> current();
}
