package org.kora.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Kora keeps its database, log and local settings: {@code KORA_HOME} if set, else the
 * operating system's per-user data folder (Linux {@code ~/.local/share/kora}, Windows
 * {@code %APPDATA%\Kora}, macOS {@code ~/Library/Application Support/Kora}).
 */
public record DataFolder(Path path) {
    public static final String DATABASE_FILE = "kora.mv.db";

    public static DataFolder fromEnvironment() {
        return resolve(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }

    static DataFolder resolve(Map<String, String> env, String osName, Path userHome) {
        var koraHome = env.get("KORA_HOME");
        if (koraHome != null && !koraHome.isBlank()) {
            return new DataFolder(Path.of(koraHome).toAbsolutePath());
        }
        var os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            var appData = env.get("APPDATA");
            return new DataFolder(appData != null ? Path.of(appData, "Kora")
                    : userHome.resolve(Path.of("AppData", "Roaming", "Kora")));
        }
        if (os.startsWith("mac")) {
            return new DataFolder(userHome.resolve(Path.of("Library", "Application Support", "Kora")));
        }
        var xdg = env.get("XDG_DATA_HOME");
        var base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(Path.of(".local", "share"));
        return new DataFolder(base.resolve("kora"));
    }

    /** The database file used when no {@code --db} is given. */
    public Path defaultDatabase() {
        return path.resolve(DATABASE_FILE);
    }

    public Path logFolder() {
        return path.resolve("logs");
    }

    public Path settingsFile() {
        return path.resolve("settings.properties");
    }
}
