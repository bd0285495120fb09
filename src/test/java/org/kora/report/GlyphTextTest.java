package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What shaped glyphs stand for, with the real Tibetan font (CI installs it; without it these tests fail). */
class GlyphTextTest {
    private static PrintFonts fonts;

    @BeforeAll
    static void loadFonts() {
        fonts = PrintFonts.load(FontFiles.find());
    }

    @AfterAll
    static void closeFonts() {
        fonts.close();
    }

    private static String cmap(GlyphText text) {
        return new String(text.toUnicode(glyph -> new byte[] {(byte) (glyph >> 8), (byte) glyph}), StandardCharsets.US_ASCII);
    }

    private static String entry(int glyph, String letters) {
        return "<" + HexFormat.of().toHexDigits((short) glyph) + "> <"
                + HexFormat.of().formatHex(letters.getBytes(StandardCharsets.UTF_16BE)) + ">\n";
    }

    @Test
    void aStackStandsForAllItsLetters() {
        var name = "ཚེ་རིང་སྒྲོལ་མ";
        var shaped = fonts.shape(name);
        var text = new GlyphText();
        text.add(shaped, name);

        var stack = -1;
        for (var i = 0; i < shaped.getNumGlyphs(); i++) {
            if (shaped.getGlyphCharIndex(i) == name.indexOf("སྒྲ")) {
                stack = shaped.getGlyphCode(i);
            }
        }
        // སྒྲ (three letters, one glyph); the vowel ོ on it is a glyph of its own
        assertThat(cmap(text)).contains(entry(stack, "སྒྲ"), "beginbfchar", "endbfchar");
    }

    @Test
    void aGlyphThatStoodForDifferentLettersStandsForNone() {
        var text = new GlyphText();
        text.add(fonts.shape("ཚེ་"), "ཚེ་");
        var alone = cmap(text);
        // the same glyphs said to stand for other letters, as where a font draws two letters alike
        text.add(fonts.shape("ཚེ་"), "ཚེ།");

        var tsheg = fonts.shape("་").getGlyphCode(0);
        assertThat(alone).contains(entry(tsheg, "་"));
        var both = cmap(text);
        assertThat(both).doesNotContain(entry(tsheg, "་"), entry(tsheg, "།"));
        var tse = fonts.shape("ཚེ").getGlyphCode(0);
        assertThat(both).contains(entry(tse, "ཚེ"));
    }
}
