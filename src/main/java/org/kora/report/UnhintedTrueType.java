package org.kora.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A TrueType font without its hints: the programs that fit outlines to a screen's pixel grid (the
 * {@code fpgm}, {@code prep} and {@code cvt } tables and each glyph's instructions). A PDF viewer or
 * printer draws the outlines unhinted anyway, and the hints are half of a Tibetan Machine Uni subset.
 * The outlines, metrics and every other table stay as they were.
 */
final class UnhintedTrueType {
    private static final Set<String> HINTS = Set.of("fpgm", "prep", "cvt ");
    private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;
    private static final int WE_HAVE_A_SCALE = 0x0008;
    private static final int MORE_COMPONENTS = 0x0020;
    private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
    private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;
    private static final int WE_HAVE_INSTRUCTIONS = 0x0100;

    private UnhintedTrueType() {
    }

    /**
     * {@code font}, the bytes of a TrueType font with 32-bit glyph offsets (as PDFBox's subsets are),
     * with its hints removed; an {@code IOException} if it is not such a font.
     */
    static byte[] of(byte[] font) throws IOException {
        try {
            return withoutHints(font);
        } catch (IndexOutOfBoundsException e) {
            throw new IOException("a table or glyph runs past its end", e);
        }
    }

    private static byte[] withoutHints(byte[] font) throws IOException {
        var in = ByteBuffer.wrap(font);
        var tables = new TreeMap<String, byte[]>();
        var count = in.getShort(4) & 0xffff;
        for (var i = 0; i < count; i++) {
            var entry = 12 + 16 * i;
            var tag = new String(font, entry, 4, StandardCharsets.US_ASCII);
            var offset = in.getInt(entry + 8);
            var length = in.getInt(entry + 12);
            if (offset < 0 || length < 0 || offset + length > font.length) {
                throw new IOException("table " + tag + " lies outside the font");
            }
            if (!HINTS.contains(tag)) {
                tables.put(tag, Arrays.copyOfRange(font, offset, offset + length));
            }
        }
        var head = tables.get("head");
        var maxp = tables.get("maxp");
        if (head == null || maxp == null || !tables.containsKey("glyf") || !tables.containsKey("loca")) {
            throw new IOException("not a TrueType font with glyf outlines");
        }
        if (ByteBuffer.wrap(head).getShort(50) != 1) {
            throw new IOException("glyph offsets of 16 bits; PDFBox's subsets have 32");
        }
        withoutInstructions(tables, ByteBuffer.wrap(maxp).getShort(4) & 0xffff);
        if (maxp.length >= 28) {
            ByteBuffer.wrap(maxp).putShort(26, (short) 0); // maxSizeOfInstructions
        }
        return write(tables);
    }

    /** Rewrites the glyf and loca tables with every glyph's instructions left out. */
    private static void withoutInstructions(Map<String, byte[]> tables, int glyphs) throws IOException {
        var glyf = ByteBuffer.wrap(tables.get("glyf"));
        var loca = ByteBuffer.wrap(tables.get("loca"));
        if (loca.capacity() < (glyphs + 1) * 4) {
            throw new IOException("the loca table is too short for " + glyphs + " glyphs");
        }
        var newGlyf = new ByteArrayOutputStream(glyf.capacity());
        var newLoca = ByteBuffer.allocate((glyphs + 1) * 4);
        for (var glyph = 0; glyph <= glyphs; glyph++) {
            newLoca.putInt(newGlyf.size());
            if (glyph == glyphs) {
                break;
            }
            var start = loca.getInt(glyph * 4);
            var end = loca.getInt(glyph * 4 + 4);
            if (start < 0 || end < start || end > glyf.capacity()) {
                throw new IOException("glyph " + glyph + " lies outside the glyf table");
            }
            if (end > start) {
                newGlyf.write(withoutInstructions(glyf.slice(start, end - start)));
                while (newGlyf.size() % 4 != 0) {
                    newGlyf.write(0);
                }
            }
        }
        tables.put("glyf", newGlyf.toByteArray());
        tables.put("loca", newLoca.array());
    }

    /** One glyph's data without its instructions. */
    static byte[] withoutInstructions(ByteBuffer glyph) {
        var contours = glyph.getShort(0);
        var out = new byte[glyph.capacity()];
        if (contours >= 0) {
            // header and contour ends, then the instructions' length and the instructions, then points
            var lengthAt = 10 + 2 * contours;
            var instructions = glyph.getShort(lengthAt) & 0xffff;
            glyph.get(0, out, 0, lengthAt);
            var points = glyph.capacity() - lengthAt - 2 - instructions;
            glyph.get(lengthAt + 2 + instructions, out, lengthAt + 2, points);
            return Arrays.copyOf(out, lengthAt + 2 + points);
        }
        // a composite: its components, the instructions after the last one
        glyph.get(0, out, 0, glyph.capacity());
        var at = 10;
        int flags;
        do {
            flags = glyph.getShort(at) & 0xffff;
            ByteBuffer.wrap(out).putShort(at, (short) (flags & ~WE_HAVE_INSTRUCTIONS));
            at += 4 + ((flags & ARG_1_AND_2_ARE_WORDS) != 0 ? 4 : 2);
            if ((flags & WE_HAVE_A_SCALE) != 0) {
                at += 2;
            } else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0) {
                at += 4;
            } else if ((flags & WE_HAVE_A_TWO_BY_TWO) != 0) {
                at += 8;
            }
        } while ((flags & MORE_COMPONENTS) != 0);
        return Arrays.copyOf(out, at);
    }

    /**
     * The tables, in the order of their tags, as a font file, with their checksums and the head
     * table's adjustment that makes the whole file's checksum come out right.
     */
    private static byte[] write(SortedMap<String, byte[]> tables) {
        var count = tables.size();
        var search = Integer.highestOneBit(count);
        var size = 12 + 16 * count;
        for (var table : tables.values()) {
            size += padded(table.length);
        }
        var out = ByteBuffer.allocate(size);
        out.putInt(0x00010000).putShort((short) count).putShort((short) (search * 16))
                .putShort((short) Integer.numberOfTrailingZeros(search)).putShort((short) ((count - search) * 16));
        ByteBuffer.wrap(tables.get("head")).putInt(8, 0); // checkSumAdjustment, set once the file is whole
        var offset = 12 + 16 * count;
        var headAt = 0;
        for (var table : tables.entrySet()) {
            var data = table.getValue();
            out.put(table.getKey().getBytes(StandardCharsets.US_ASCII)).putInt(checksum(data)).putInt(offset)
                    .putInt(data.length);
            out.put(offset, data);
            if (table.getKey().equals("head")) {
                headAt = offset;
            }
            offset += padded(data.length);
        }
        out.putInt(headAt + 8, (int) (0xB1B0AFBAL - (checksum(out.array()) & 0xffffffffL)));
        return out.array();
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    private static int checksum(byte[] data) {
        var sum = 0;
        for (var i = 0; i < data.length; i += 4) {
            var word = 0;
            for (var j = 0; j < 4; j++) {
                word = word << 8 | (i + j < data.length ? data[i + j] & 0xff : 0);
            }
            sum += word;
        }
        return sum;
    }
}
