package org.kora.app;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.kora.domain.Language;
import org.kora.service.BackupFile;

/**
 * The arguments of a plain {@code kora [--db PATH] [--lang zh|en] [BACKUP]}, which only opens the
 * window (BACKUP: a file named as a Kora backup, offered for restoring; what a double-click passes).
 * Recognised before the command line is built, so that the window's start does not wait for
 * picocli (docs/performance.md, "Start-up"); anything else, including a bad value, goes to the
 * command line, which explains it. {@code WindowArgumentsTest} holds it to the command line's reading.
 */
record WindowArguments(Path database, Language language, Path backup) {
    static Optional<WindowArguments> parse(String[] args) {
        Path database = null;
        Language language = null;
        Path backup = null;
        for (int i = 0; i < args.length; i++) {
            var name = args[i];
            if (!name.startsWith("-")) {
                if (backup != null || !BackupFile.isBackupName(name) || !isPath(name)) {
                    return Optional.empty();
                }
                backup = Path.of(name);
                continue;
            }
            String value;
            int equals = name.indexOf('=');
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (name.equals("--db") && database == null && isPath(value)) {
                database = Path.of(value);
            } else if (name.equals("--lang") && language == null && isLanguage(value)) {
                language = Language.fromCode(value);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new WindowArguments(database, language, backup));
    }

    private static boolean isPath(String value) {
        try {
            return !value.isEmpty() && Path.of(value) != null;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean isLanguage(String code) {
        for (var language : Language.values()) {
            if (language.code().equalsIgnoreCase(code)) {
                return true;
            }
        }
        return false;
    }
}
