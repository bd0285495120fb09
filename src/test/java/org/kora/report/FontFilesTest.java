package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.KoraException;
import org.kora.domain.Language;
import org.kora.domain.Messages;

class FontFilesTest {
    @TempDir
    Path folder;

    @Test
    void theFolderNamedByThePropertyComesFirst() throws IOException {
        Files.writeString(folder.resolve(FontFiles.CHINESE_FILE), "x");
        Files.writeString(folder.resolve(FontFiles.TIBETAN_FILE), "x");

        var files = FontFiles.find(folder.toString(), Map.of(), "Linux", folder.resolve("home"));

        assertThat(files).isEqualTo(new FontFiles(folder.resolve(FontFiles.CHINESE_FILE), folder.resolve(FontFiles.TIBETAN_FILE)));
    }

    @Test
    void theVariableNamesAFolderToo() throws IOException {
        Files.writeString(folder.resolve(FontFiles.CHINESE_FILE), "x");
        Files.writeString(folder.resolve(FontFiles.TIBETAN_FILE), "x");

        var files = FontFiles.find(null, Map.of(FontFiles.VARIABLE, folder.toString()), "Windows 11", folder);

        assertThat(files.tibetan()).isEqualTo(folder.resolve(FontFiles.TIBETAN_FILE));
    }

    @Test
    void eachSystemHasItsFontFolders() {
        var home = Path.of("/home/dolma");
        assertThat(FontFiles.folders(null, Map.of("LOCALAPPDATA", "C:\\Users\\dolma\\AppData\\Local", "WINDIR", "C:\\Windows"),
                "Windows 10", home)).contains(Path.of("C:\\Windows", "Fonts"),
                Path.of("C:\\Users\\dolma\\AppData\\Local", "Microsoft", "Windows", "Fonts"));
        assertThat(FontFiles.folders(null, Map.of(), "Mac OS X", home))
                .containsExactly(home.resolve("Library/Fonts"), Path.of("/Library/Fonts"));
        assertThat(FontFiles.folders("/opt/kora/fonts", Map.of(), "Linux", home))
                .startsWith(Path.of("/opt/kora/fonts"), home.resolve(".local/share/fonts"))
                .contains(Path.of("/usr/share/fonts/truetype/wqy"), Path.of("/usr/share/fonts/truetype/tibetan-machine"));
    }

    @Test
    void aMissingFontIsNamedWithItsPackageAndThePlacesLookedIn() {
        var empty = folder.resolve("empty");

        assertThatThrownBy(() -> FontFiles.find(empty.toString(), Map.of(), "Mac OS X", folder))
                .isInstanceOfSatisfying(KoraException.class, missing -> {
                    assertThat(missing.messageKey()).isEqualTo("fonts.missing");
                    var chinese = new Messages(Language.ZH).format(missing);
                    assertThat(chinese).contains(FontFiles.CHINESE_FILE, "fonts-wqy-microhei", empty.toString(), "找不到字体文件");
                });
    }
}
