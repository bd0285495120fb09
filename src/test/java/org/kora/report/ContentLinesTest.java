package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentLinesTest {

    @Test
    void aLineOf75OctetsStaysWhole() {
        var line = "S".repeat(75);

        assertThat(ContentLines.fold(line + "\r\n")).isEqualTo(line + "\r\n");
    }

    @Test
    void aLongerLineContinuesAfterCrlfAndASpace() {
        var line = "S".repeat(75 + 74 + 1);

        assertThat(ContentLines.fold(line + "\r\n"))
                .isEqualTo("S".repeat(75) + "\r\n " + "S".repeat(74) + "\r\n " + "S\r\n");
    }

    @Test
    void octetsAreCountedInUtf8() {
        // 25 Chinese characters of 3 octets fill a first line; the 26th starts the next
        var line = "麻".repeat(26);

        assertThat(ContentLines.fold(line + "\r\n")).isEqualTo("麻".repeat(25) + "\r\n 麻\r\n");
    }

    @Test
    void aFourOctetCharacterIsNeverSplit() {
        // 73 octets, then 𠈌 (4 octets, two Java chars) does not fit
        var line = "S".repeat(73) + "𠈌";

        assertThat(ContentLines.fold(line + "\r\n")).isEqualTo("S".repeat(73) + "\r\n 𠈌\r\n");
    }

    @Test
    void eachLineIsFoldedOnItsOwn() {
        var text = "A".repeat(70) + "\r\n" + "B".repeat(70) + "\r\n";

        assertThat(ContentLines.fold(text)).isEqualTo(text);
    }
}
