package org.kora.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.kora.domain.KoraException;

/**
 * Kora's print fonts, read once from their files and kept for the program's life: WenQuanYi Micro
 * Hei (from its collection) for Chinese and Latin text, and Tibetan Machine Uni, which Java2D shapes,
 * since PDF text cannot stack Tibetan letters; a PDF embeds a subset of each. Measures text as the
 * PDF draws it. Thread-safe; close it when the program ends.
 */
public final class PrintFonts implements AutoCloseable {
    /** The PostScript name of the collection's proportional face. */
    static final String CHINESE_FACE = "WenQuanYiMicroHei";
    /** Shaped text is laid out at this size and scaled down, for precise positions. */
    static final float SHAPE_SIZE = 1000;

    private final TrueTypeCollection collection;
    private final TrueTypeFont chinese;
    private final float[] advances;
    private final Font tibetan;
    private final TrueTypeFont tibetanFile;
    private final FontRenderContext shaping = new FontRenderContext(null, true, true);
    private final Map<String, GlyphVector> shaped = new ConcurrentHashMap<>();
    private final TextMeasure measure = this::width;

    private PrintFonts(TrueTypeCollection collection, TrueTypeFont chinese, float[] advances, Tibetan tibetan) {
        this.collection = collection;
        this.chinese = chinese;
        this.advances = advances;
        this.tibetan = tibetan.shaping();
        this.tibetanFile = tibetan.embedding();
    }

    /** The Tibetan font twice: as Java2D shapes with it, and as a PDF embeds it. */
    private record Tibetan(Font shaping, TrueTypeFont embedding) {
    }

    /** Reads the fonts; a {@link KoraException} names a file that is not a usable font. */
    public static PrintFonts load(FontFiles files) {
        // Java2D's font system takes a while to start: it reads the Tibetan file while the collection is parsed
        var tibetan = CompletableFuture.supplyAsync(() -> readTibetan(files.tibetan()));
        TrueTypeCollection collection = null;
        try {
            collection = new TrueTypeCollection(files.chinese().toFile());
            var chinese = collection.getFontByName(CHINESE_FACE);
            if (chinese == null) {
                throw new IOException("no face " + CHINESE_FACE + " in " + files.chinese());
            }
            return new PrintFonts(collection, chinese, advances(chinese), tibetan.join());
        } catch (IOException e) {
            closeQuietly(collection, e);
            tibetan.thenAccept(read -> closeQuietly(read.embedding(), e));
            throw new KoraException(e, "fonts.unreadable", files.chinese());
        } catch (CompletionException e) {
            closeQuietly(collection, e);
            throw (KoraException) e.getCause();
        }
    }

    private static Tibetan readTibetan(Path file) {
        try {
            var shaping = Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(SHAPE_SIZE);
            return new Tibetan(shaping, new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile())));
        } catch (FontFormatException | IOException e) {
            throw new KoraException(e, "fonts.unreadable", file);
        }
    }

    /** Advance widths of the Basic Multilingual Plane in em, 0 where the font has no glyph. */
    private static float[] advances(TrueTypeFont font) throws IOException {
        var cmap = font.getUnicodeCmapLookup();
        var em = (float) font.getUnitsPerEm();
        var widths = new float[0x10000];
        for (var c = 0; c < widths.length; c++) {
            var glyph = cmap.getGlyphId(c);
            if (glyph > 0) {
                widths[c] = Math.max(font.getAdvanceWidth(glyph), 1) / em;
            }
        }
        return widths;
    }

    private static void closeQuietly(Closeable font, Exception failure) {
        if (font != null) {
            try {
                font.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Measures text as the PDF painter draws it. */
    public TextMeasure measure() {
        return measure;
    }

    TrueTypeFont chinese() {
        return chinese;
    }

    /** The Tibetan font's file, whose glyph ids are those of {@link #shape}. */
    TrueTypeFont tibetan() {
        return tibetanFile;
    }

    /** A run of text drawn in one way: as PDF text in the Chinese font, or as glyphs shaped by Java2D. */
    record Run(String text, boolean shaped) {
    }

    /**
     * {@code text} cut into runs: Tibetan, and any letter the Chinese font lacks, go to Java2D's
     * shaping; everything else is PDF text.
     */
    List<Run> runs(String text) {
        if (!anyNeedsShaping(text)) {
            return List.of(new Run(text, false));
        }
        var runs = new ArrayList<Run>(3);
        var start = 0;
        var shapedRun = false;
        for (var i = 0; i < text.length(); ) {
            var codePoint = text.codePointAt(i);
            var shapedHere = needsShaping(codePoint);
            if (i > start && shapedHere != shapedRun) {
                runs.add(new Run(text.substring(start, i), shapedRun));
                start = i;
            }
            shapedRun = shapedHere;
            i += Character.charCount(codePoint);
        }
        if (start < text.length()) {
            runs.add(new Run(text.substring(start), shapedRun));
        }
        return runs;
    }

    private boolean anyNeedsShaping(String text) {
        for (var i = 0; i < text.length(); i++) {
            if (needsShaping(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Tibetan (its whole Unicode block), a letter outside the font, or half of a surrogate pair. */
    private boolean needsShaping(int codePoint) {
        return codePoint >= advances.length || advances[codePoint] == 0 || codePoint >= 0x0f00 && codePoint <= 0x0fff;
    }

    /** {@code text} shaped by Java2D in the Tibetan font at {@link #SHAPE_SIZE}, y growing downwards. */
    GlyphVector shape(String text) {
        return shaped.computeIfAbsent(text, key -> {
            var chars = key.toCharArray();
            return tibetan.layoutGlyphVector(shaping, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
        });
    }

    private double width(String text, double size, boolean bold) {
        if (!anyNeedsShaping(text)) {
            return plainWidth(text, size);
        }
        var width = 0.0;
        for (var run : runs(text)) {
            if (run.shaped()) {
                var glyphs = shape(run.text());
                width += glyphs.getGlyphPosition(glyphs.getNumGlyphs()).getX() / SHAPE_SIZE * size;
            } else {
                width += plainWidth(run.text(), size);
            }
        }
        return width;
    }

    private double plainWidth(String text, double size) {
        var em = 0.0;
        for (var i = 0; i < text.length(); i++) {
            em += advances[text.charAt(i)];
        }
        return em * size;
    }

    @Override
    public void close() {
        try (collection; tibetanFile) {
            // both closed, the second even if the first fails
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
