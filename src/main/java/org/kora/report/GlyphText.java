package org.kora.report;

import java.awt.font.GlyphVector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The letters each shaped glyph stands for, gathered from Java2D's shaping of one file's text and
 * written as the font's ToUnicode map, so that shaped text can be searched and copied as the letters
 * it was shaped from. A stack of Tibetan letters is one glyph, and its glyph stands for all of them.
 * A glyph that stood for different letters in different places stands for none, rather than for
 * wrong ones. Not thread-safe: one per file being written.
 */
final class GlyphText {
    private static final int ENTRIES_PER_BLOCK = 100; // the most a CMap's bfchar block may hold

    private final Map<Integer, String> letters = new TreeMap<>();
    private final Set<Integer> ambiguous = new HashSet<>();

    /**
     * Records what the visible glyphs of {@code glyphs}, the shaping of {@code text}, stand for: each
     * the letters from its own up to the next visible glyph's, the first from the text's start, the
     * last to its end. A run whose glyphs are not in the order of its letters tells nothing.
     */
    void add(GlyphVector glyphs, String text) {
        var visible = new int[glyphs.getNumGlyphs()];
        var count = 0;
        for (var i = 0; i < glyphs.getNumGlyphs(); i++) {
            if (glyphs.getGlyphCode(i) < 0xfffe) {
                visible[count++] = i;
            }
        }
        var starts = new int[count + 1];
        for (var k = 1; k <= count; k++) {
            starts[k] = k < count ? glyphs.getGlyphCharIndex(visible[k]) : text.length();
            if (starts[k] <= starts[k - 1]) {
                return;
            }
        }
        for (var k = 0; k < count; k++) {
            var glyph = glyphs.getGlyphCode(visible[k]);
            var stands = text.substring(starts[k], starts[k + 1]);
            var before = letters.putIfAbsent(glyph, stands);
            if (before != null && !before.equals(stands)) {
                ambiguous.add(glyph);
            }
        }
    }

    /** The ToUnicode CMap, each glyph written as {@code code} encodes its glyph id. */
    byte[] toUnicode(IntFunction<byte[]> code) {
        var entries = new TreeMap<>(letters);
        entries.keySet().removeAll(ambiguous);
        var cmap = new StringBuilder(256 + 24 * entries.size());
        cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var list = new ArrayList<>(entries.entrySet());
        for (var from = 0; from < list.size(); from += ENTRIES_PER_BLOCK) {
            var block = list.subList(from, Math.min(from + ENTRIES_PER_BLOCK, list.size()));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (var entry : block) {
                cmap.append('<');
                hex(cmap, code.apply(entry.getKey()));
                cmap.append("> <");
                hex(cmap, entry.getValue().getBytes(StandardCharsets.UTF_16BE));
                cmap.append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void hex(StringBuilder out, byte[] bytes) {
        for (var b : bytes) {
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
    }
}
