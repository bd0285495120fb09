package org.kora.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of this PC's user that must be known before any database is open: the language,
 * the last database, the window's place. A small properties file in the data folder, written
 * whole to a temporary file and moved into place so that a crash never leaves half of it.
 */
public final class LocalSettings {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSettings.class);

    private final Path file;
    private final Properties values = new Properties();

    private LocalSettings(Path file) {
        this.file = file;
    }

    /** Reads the file if there is one; a missing or unreadable file gives empty settings. */
    public static LocalSettings load(Path file) {
        var settings = new LocalSettings(file);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.values.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring unreadable settings file {}", file, e);
            }
        }
        return settings;
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public synchronized Optional<Double> getDouble(String key) {
        try {
            return get(key).map(Double::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Sets a value and writes the file; a failure to write is logged, not fatal (the value stays in memory). */
    public synchronized void put(String key, String value) {
        values.setProperty(key, value);
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            var temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(writer, "Kora");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot write settings file {}", file, e);
        }
    }
}
