package org.kora;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Conventions ArchUnit cannot see, read from the sources themselves. */
class SourceConventionsTest {
    private static final Pattern STAR_IMPORT = Pattern.compile("(?m)^import\\s+(static\\s+)?[\\w.]+\\.\\*;");
    private static final Pattern SET_STYLE = Pattern.compile("\\.setStyle\\(");

    @Test
    void noSourceUsesStarImports() throws IOException {
        assertThat(javaSources().filter(file -> STAR_IMPORT.matcher(read(file)).find()).toList()).isEmpty();
    }

    @Test
    void noFeatureCodeSetsInlineStyles() throws IOException {
        try (var files = Files.walk(Path.of("src/main/java"))) {
            assertThat(files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> SET_STYLE.matcher(read(file)).find()).toList()).isEmpty();
        }
    }

    private static Stream<Path> javaSources() throws IOException {
        return Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/test/java")))
                .filter(file -> file.toString().endsWith(".java"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
