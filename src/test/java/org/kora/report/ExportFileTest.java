package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.KoraException;

class ExportFileTest {
    @TempDir
    Path folder;

    @Test
    void theFileHoldsWhatWasWritten() throws IOException {
        var file = folder.resolve("calendar.ics");

        ExportFile.write(file, out -> out.write("BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8)));

        assertThat(file).hasContent("BEGIN:VCALENDAR");
        assertThat(list()).containsExactly("calendar.ics");
    }

    @Test
    void anExistingFileIsReplacedWhole() throws IOException {
        var file = folder.resolve("calendar.ics");
        Files.writeString(file, "an older export that was longer");

        ExportFile.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(file).hasContent("new");
    }

    @Test
    void aFailureWhileWritingLeavesTheOldFileAndNoHalfWrittenOne() throws IOException {
        var file = folder.resolve("calendar.xlsx");
        Files.writeString(file, "the last good export");

        assertThatThrownBy(() -> ExportFile.write(file, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        })).isInstanceOfSatisfying(KoraException.class, refusal -> {
            assertThat(refusal.messageKey()).isEqualTo("export.cannotWrite");
            assertThat(refusal.messageArgs()).containsExactly(file.toString(), "No space left on device");
        });

        assertThat(file).hasContent("the last good export");
        assertThat(list()).containsExactly("calendar.xlsx");
    }

    @Test
    void aFailureOtherThanWritingAlsoLeavesNoHalfWrittenFile() {
        var file = folder.resolve("calendar.xlsx");

        assertThatThrownBy(() -> ExportFile.write(file, out -> {
            out.write(1);
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aMissingFolderIsNamed() {
        var file = folder.resolve("gone").resolve("calendar.ics");

        assertThatThrownBy(() -> ExportFile.write(file, out -> out.write(1)))
                .isInstanceOfSatisfying(KoraException.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("export.folderMissing");
                    assertThat(refusal.messageArgs()).containsExactly(file.toString(), folder.resolve("gone").toString());
                });
    }

    @Test
    void aFolderInTheWayIsLeftAlone() throws IOException {
        var file = Files.createDirectory(folder.resolve("calendar.ics"));
        Files.writeString(file.resolve("inside.txt"), "kept");

        assertThatThrownBy(() -> ExportFile.write(file, out -> out.write(1)))
                .isInstanceOfSatisfying(KoraException.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("export.cannotWrite"));

        assertThat(file.resolve("inside.txt")).hasContent("kept");
        assertThat(list()).containsExactly("calendar.ics");
    }

    @Test
    void theFileGetsTheFoldersUsualPermissionsNotThoseOfATemporaryFile() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        var usual = Files.getPosixFilePermissions(Files.createFile(folder.resolve("usual.txt")));
        var file = folder.resolve("calendar.ics");

        ExportFile.write(file, out -> out.write(1));

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(usual);
    }

    private List<String> list() throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
