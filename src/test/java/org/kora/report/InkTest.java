package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class InkTest {
    @Test
    void everyInkIsTheColourOfItsTokenInTheStylesheet() throws IOException {
        var css = Files.readString(Path.of("src/main/resources/org/kora/ui/kora.css"));
        for (var ink : Ink.values()) {
            var token = Pattern.compile(Pattern.quote(ink.token()) + ":\\s*#([0-9a-fA-F]{6});").matcher(css);
            assertThat(token.find()).as(ink.token()).isTrue();
            assertThat(token.group(1).toLowerCase(Locale.ROOT)).as(ink.name()).isEqualTo(String.format("%06x", ink.rgb()));
        }
    }
}
