package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DataFolderTest {
    @Test
    void koraHomeWinsOverTheSystemFolder() {
        var folder = DataFolder.resolve(Map.of("KORA_HOME", "/srv/kora", "XDG_DATA_HOME", "/data"), "Linux",
                Path.of("/home/tashi"));
        assertThat(folder.path()).isEqualTo(Path.of("/srv/kora"));
    }

    @Test
    void koraHomeWinsOnWindows() {
        var folder = DataFolder.resolve(Map.of("KORA_HOME", "/srv/kora", "APPDATA", "/users/tashi/AppData/Roaming"),
                "Windows 11", Path.of("/users/tashi"));
        assertThat(folder.path()).isEqualTo(Path.of("/srv/kora"));
    }

    @Test
    void blankKoraHomeIsIgnored() {
        var folder = DataFolder.resolve(Map.of("KORA_HOME", " "), "Linux", Path.of("/home/tashi"));
        assertThat(folder.path()).isEqualTo(Path.of("/home/tashi/.local/share/kora"));
    }

    @Test
    void linuxDefaultIsInLocalShare() {
        assertThat(DataFolder.resolve(Map.of(), "Linux", Path.of("/home/tashi")).path())
                .isEqualTo(Path.of("/home/tashi/.local/share/kora"));
    }

    @Test
    void linuxFollowsXdgDataHome() {
        assertThat(DataFolder.resolve(Map.of("XDG_DATA_HOME", "/data/tashi"), "Linux", Path.of("/home/tashi")).path())
                .isEqualTo(Path.of("/data/tashi/kora"));
    }

    @Test
    void windowsUsesAppData() {
        var folder = DataFolder.resolve(Map.of("APPDATA", "/users/tashi/AppData/Roaming"), "Windows 10",
                Path.of("/users/tashi"));
        assertThat(folder.path()).isEqualTo(Path.of("/users/tashi/AppData/Roaming/Kora"));
    }

    @Test
    void windowsWithoutAppDataUsesRoamingInTheHomeFolder() {
        assertThat(DataFolder.resolve(Map.of(), "Windows 10", Path.of("/users/tashi")).path())
                .isEqualTo(Path.of("/users/tashi/AppData/Roaming/Kora"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(DataFolder.resolve(Map.of("XDG_DATA_HOME", "/data"), "Mac OS X", Path.of("/Users/tashi")).path())
                .isEqualTo(Path.of("/Users/tashi/Library/Application Support/Kora"));
    }

    @Test
    void defaultDatabaseIsKoraMvDbInTheDataFolder() {
        assertThat(new DataFolder(Path.of("/srv/kora")).defaultDatabase()).isEqualTo(Path.of("/srv/kora/kora.mv.db"));
    }
}
