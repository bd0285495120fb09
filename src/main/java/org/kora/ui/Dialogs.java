package org.kora.ui;

import java.nio.file.Path;
import java.util.Optional;

/** The dialogs a screen may show: a port, so that view models stay free of JavaFX scene classes. */
public interface Dialogs {
    void info(String title, String text);

    void error(String title, String text);

    /** Asks a yes-or-no question whose "yes" is {@code action} (e.g. "Remove"); true if the user agrees. */
    boolean confirm(String title, String text, String action);

    /**
     * Asks for a passphrase: {@code text} says whose, {@code refusal} (may be empty) why the last one
     * was refused; empty if the user cancels. The caller wipes the characters once used.
     */
    Optional<char[]> askPassphrase(String title, String text, String refusal);

    /** Asks for a database file to open; empty if the user cancels. */
    Optional<Path> chooseDatabaseToOpen();

    /** Asks for a .csv or .xlsx file to import; empty if the user cancels. */
    Optional<Path> chooseImportFile();

    /** Asks for the file of a new database; empty if the user cancels. */
    Optional<Path> chooseNewDatabase();

    /** Asks for a folder to keep backups in, starting in {@code initial}; empty if the user cancels. */
    Optional<Path> chooseBackupFolder(Path initial);

    /** Asks for a backup (.korabackup, or .zip from earlier versions) to restore, starting in {@code initial}; empty if the user cancels. */
    Optional<Path> chooseBackup(Path initial);

    /** Asks where to save a file: {@code fileName} suggested, files of {@code filterKey}'s kind ending in {@code extension} shown. */
    Optional<Path> chooseSaveFile(String fileName, String filterKey, String extension);
}
