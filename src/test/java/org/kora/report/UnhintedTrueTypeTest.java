package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Arrays;

import org.apache.fontbox.ttf.GlyfDescript;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hints taken out of the real Tibetan Machine Uni (CI installs it; without it these tests fail). */
class UnhintedTrueTypeTest {
    private static byte[] hinted;
    private static byte[] unhinted;

    @BeforeAll
    static void removeHints() throws IOException {
        hinted = Files.readAllBytes(FontFiles.find().tibetan());
        unhinted = UnhintedTrueType.of(hinted);
    }

    private static TrueTypeFont parse(byte[] font) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(font));
    }

    @Test
    void theHintTablesAndEveryGlyphsInstructionsAreGone() throws IOException {
        try (var original = parse(hinted); var font = parse(unhinted)) {
            assertThat(original.getTableMap()).containsKeys("fpgm", "prep", "cvt ");
            assertThat(font.getTableMap().keySet())
                    .containsExactlyInAnyOrderElementsOf(original.getTableMap().keySet().stream()
                            .filter(tag -> !tag.equals("fpgm") && !tag.equals("prep") && !tag.equals("cvt ")).toList());
            var instructions = 0;
            for (var glyph = 0; glyph < original.getNumberOfGlyphs(); glyph++) {
                var data = original.getGlyph().getGlyph(glyph);
                instructions += instructions(data);
                assertThat(instructions(font.getGlyph().getGlyph(glyph))).as("glyph %d", glyph).isZero();
            }
            assertThat(instructions).as("the original's instructions").isPositive();
            assertThat(font.getMaximumProfile().getMaxSizeOfInstructions()).isZero();
            // shorter by the instructions, give or take each glyph's padding to four bytes
            assertThat(unhinted.length).isLessThan(hinted.length - instructions + 4 * original.getNumberOfGlyphs());
        }
    }

    @Test
    void everyOutlineAndAdvanceStaysAsItWas() throws IOException {
        try (var original = parse(hinted); var font = parse(unhinted)) {
            assertThat(font.getNumberOfGlyphs()).isEqualTo(original.getNumberOfGlyphs());
            for (var glyph = 0; glyph < original.getNumberOfGlyphs(); glyph++) {
                var before = original.getGlyph().getGlyph(glyph);
                var after = font.getGlyph().getGlyph(glyph);
                assertThat(after == null).as("glyph %d empty", glyph).isEqualTo(before == null);
                if (before != null) {
                    assertThat(Outlines.of(after.getPath())).as("glyph %d", glyph).isEqualTo(Outlines.of(before.getPath()));
                }
                assertThat(font.getAdvanceWidth(glyph)).isEqualTo(original.getAdvanceWidth(glyph));
            }
        }
    }

    @Test
    void theTableAndFileChecksumsComeOutRight() {
        var file = ByteBuffer.wrap(unhinted);
        for (var i = 0; i < (file.getShort(4) & 0xffff); i++) {
            var entry = 12 + 16 * i;
            var table = new byte[file.getInt(entry + 12)];
            file.get(file.getInt(entry + 8), table);
            if (file.getInt(entry) == 0x68656164) { // 'head': its checksum counts checkSumAdjustment as 0
                ByteBuffer.wrap(table).putInt(8, 0);
            }
            assertThat(checksum(table)).as("table %d", i).isEqualTo(file.getInt(entry + 4));
        }
        assertThat(checksum(unhinted)).isEqualTo(0xB1B0AFBA);
    }

    @Test
    void aSimpleGlyphKeepsItsContoursAndPointsWithoutItsInstructions() {
        var glyph = new byte[] {
            0, 1, 0, 0, 0, 0, 0, 10, 0, 10, // one contour, bounding box
            0, 2, // the contour ends at point 2
            0, 3, 0x40, 0, 0x2b, // three bytes of instructions
            1, 1, 1, 5, 5, 0, 5, 0, 5}; // flags, x, y
        assertThat(UnhintedTrueType.withoutInstructions(ByteBuffer.wrap(glyph))).containsExactly(
                0, 1, 0, 0, 0, 0, 0, 10, 0, 10,
                0, 2,
                0, 0,
                1, 1, 1, 5, 5, 0, 5, 0, 5);
    }

    @Test
    void aCompositeGlyphLosesTheInstructionsAfterItsComponentsAndTheFlagThatAnnouncesThem() {
        var glyph = new byte[] {
            -1, -1, 0, 0, 0, 0, 0, 10, 0, 10, // a composite, bounding box
            0, 0x22, 0, 7, 1, 2, // more components; arguments are x, y offsets, as bytes; glyph 7
            1, 0x0b, 0, 8, 0, 1, 0, 2, 0, 0x40, // instructions follow; arguments are x, y words; a scale; glyph 8
            0, 2, 0x40, 0}; // two bytes of instructions
        assertThat(UnhintedTrueType.withoutInstructions(ByteBuffer.wrap(glyph))).containsExactly(
                -1, -1, 0, 0, 0, 0, 0, 10, 0, 10,
                0, 0x22, 0, 7, 1, 2,
                0, 0x0b, 0, 8, 0, 1, 0, 2, 0, 0x40);
    }

    @Test
    void aFontWithSixteenBitGlyphOffsetsIsRefused() throws IOException {
        var font = hinted.clone();
        var file = ByteBuffer.wrap(font);
        for (var entry = 12; ; entry += 16) {
            if (file.getInt(entry) == 0x68656164) { // 'head'
                file.putShort(file.getInt(entry + 8) + 50, (short) 0);
                break;
            }
        }
        assertThatThrownBy(() -> UnhintedTrueType.of(font)).isInstanceOf(IOException.class).hasMessageContaining("16 bits");
    }

    /** How many bytes of instructions a glyph has; fontbox has none for an empty glyph or a plain composite. */
    private static int instructions(GlyphData glyph) {
        var instructions = glyph == null ? null : ((GlyfDescript) glyph.getDescription()).getInstructions();
        return instructions == null ? 0 : instructions.length;
    }

    private static int checksum(byte[] data) {
        var sum = 0;
        var padded = ByteBuffer.wrap(Arrays.copyOf(data, (data.length + 3) & ~3));
        while (padded.hasRemaining()) {
            sum += padded.getInt();
        }
        return sum;
    }
}
