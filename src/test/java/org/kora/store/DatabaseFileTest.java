package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseFileTest {
    @TempDir
    Path dir;

    @Test
    void nameWithAndWithoutExtensionIsTheSameFile() {
        assertThat(DatabaseFile.of(dir.resolve("x"))).isEqualTo(DatabaseFile.of(dir.resolve("x.mv.db")));
    }

    @Test
    void fileNameGetsTheExtension() {
        assertThat(DatabaseFile.of(dir.resolve("x")).file()).isEqualTo(dir.resolve("x.mv.db"));
    }

    @Test
    void relativeNameIsMadeAbsolute() {
        assertThat(DatabaseFile.of(Path.of("x")).file()).isAbsolute();
    }

    @Test
    void urlNamesTheFileWithoutItsExtension() {
        assertThat(DatabaseFile.of(dir.resolve("x.mv.db")).url(false))
                .startsWith("jdbc:h2:file:" + dir.resolve("x") + ";");
    }

    @Test
    void urlTurnsWriteDelayOffForOpeningAndCreating() {
        var file = DatabaseFile.of(dir.resolve("x"));
        assertThat(List.of(file.url(false), file.url(true))).allSatisfy(url -> assertThat(url).contains(";WRITE_DELAY=0"));
    }

    @Test
    void urlForOpeningRequiresAnExistingDatabase() {
        assertThat(DatabaseFile.of(dir.resolve("x")).url(false)).contains(";IFEXISTS=TRUE");
    }

    @Test
    void urlForCreatingDoesNotRequireAnExistingDatabase() {
        assertThat(DatabaseFile.of(dir.resolve("x")).url(true)).doesNotContainIgnoringCase("IFEXISTS");
    }

    @Test
    void urlNeverUsesAutoServer() {
        var file = DatabaseFile.of(dir.resolve("x"));
        assertThat(List.of(file.url(false), file.url(true)))
                .allSatisfy(url -> assertThat(url).doesNotContainIgnoringCase("AUTO_SERVER"));
    }
}
