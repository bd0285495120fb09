package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CalendarColourTest {

    @ParameterizedTest
    @EnumSource(CalendarColour.class)
    void exportsUseTheColoursOfTheScreen(CalendarColour colour) throws IOException {
        var css = Files.readString(Path.of("src/main/resources/org/kora/ui/kora.css"));
        var token = "-kora-" + colour.name().toLowerCase(Locale.ROOT).replace('_', '-');

        var value = Pattern.compile(Pattern.quote(token) + ":\\s*#([0-9a-fA-F]{6});").matcher(css);

        assertThat(value.find()).as(token).isTrue();
        assertThat(colour.rgb()).isEqualTo(value.group(1).toLowerCase(Locale.ROOT));
    }
}
