package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSettingsTest {
    @TempDir
    Path folder;

    @Test
    void valuesSurviveAReload() {
        var file = folder.resolve("sub").resolve("settings.properties");
        var settings = LocalSettings.load(file);
        settings.put("language", "zh");
        settings.put("database.last", "/data/巴塘/kora.mv.db");
        var reloaded = LocalSettings.load(file);
        assertThat(reloaded.get("language")).contains("zh");
        assertThat(reloaded.get("database.last")).contains("/data/巴塘/kora.mv.db");
    }

    @Test
    void missingFileGivesEmptySettings() {
        assertThat(LocalSettings.load(folder.resolve("none.properties")).get("language")).isEmpty();
    }

    @Test
    void numberThatIsNotANumberIsIgnored() throws Exception {
        var file = folder.resolve("settings.properties");
        Files.writeString(file, "window.x=left\nwindow.y=12.5\n");
        var settings = LocalSettings.load(file);
        assertThat(settings.getDouble("window.x")).isEmpty();
        assertThat(settings.getDouble("window.y")).contains(12.5);
    }

    @Test
    void writingLeavesNoTemporaryFileBehind() throws Exception {
        var file = folder.resolve("settings.properties");
        LocalSettings.load(file).put("language", "en");
        try (var files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("settings.properties");
        }
    }
}
