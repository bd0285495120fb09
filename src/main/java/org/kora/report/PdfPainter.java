package org.kora.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Paints a laid-out print into a PDF file. Chinese and Latin text is PDF text in an embedded subset of
 * WenQuanYi Micro Hei, so it can be searched and copied. Tibetan is shaped by Java2D, since PDF text
 * cannot stack Tibetan letters, and the glyphs it chose are shown by glyph id, where it placed them,
 * from an embedded subset of Tibetan Machine Uni. Bold is the regular face drawn with a thin outline,
 * as neither font has a bold face. Thread-safe: files are written one at a time.
 */
public final class PdfPainter {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final double BOLD_STROKE = 0.05;

    private final PrintFonts fonts;

    public PdfPainter(PrintFonts fonts) {
        this.fonts = fonts;
    }

    /**
     * Writes {@code document} as the PDF file {@code file}, whole or not at all: a file that cannot be
     * written is refused with a {@code KoraException} that says why, and an older file stays as it was.
     */
    public void write(PrintDocument document, Path file) {
        ExportFile.write(file, out -> write(document, out));
    }

    /** Writes {@code document} as a PDF to {@code out}, which is left open. */
    public void write(PrintDocument document, OutputStream out) throws IOException {
        // the fonts' files are read while subsetting, and PDFBox reads each through one shared cursor
        synchronized (fonts) {
            try (var pdf = new PDDocument()) {
                pdf.getDocumentInformation().setTitle(document.title());
                pdf.getDocumentInformation().setCreator("Kora");
                var chinese = PDType0Font.load(pdf, fonts.chinese(), true);
                var tibetan = PDType0Font.load(pdf, fonts.tibetan(), true);
                var tibetanText = new GlyphText();
                var size = new PDRectangle((float) document.paper().width(), (float) document.paper().height());
                for (var page : document.pages()) {
                    var pdfPage = new PDPage(size);
                    var resources = new PDResources();
                    pdfPage.setResources(resources);
                    var content = new PDStream(pdf);
                    try (var stream = content.createOutputStream(COSName.FLATE_DECODE)) {
                        var writer = new PageWriter(resources, chinese, tibetan, tibetanText, document.paper().height());
                        var ops = writer.paint(page);
                        stream.write(ops.toString().getBytes(StandardCharsets.US_ASCII));
                    }
                    pdfPage.setContents(content);
                    pdf.addPage(pdfPage);
                }
                for (var font : List.of(chinese, tibetan)) {
                    font.subset();
                    removeHints(font);
                }
                // PDFBox maps only the glyphs that stand for one letter in the font's own table, not stacks
                var toUnicode = new PDStream(pdf, new ByteArrayInputStream(tibetanText.toUnicode(tibetan::encodeGlyphId)),
                        COSName.FLATE_DECODE);
                tibetan.getCOSObject().setItem(COSName.TO_UNICODE, toUnicode);
                pdf.save(out);
            }
        }
    }

    /** Replaces the font's embedded file by the same without hints, which no PDF viewer or printer uses. */
    private static void removeHints(PDType0Font font) throws IOException {
        var file = font.getDescendantFont().getFontDescriptor().getFontFile2().getCOSObject();
        byte[] unhinted;
        try (var in = file.createInputStream()) {
            unhinted = UnhintedTrueType.of(in.readAllBytes());
        }
        try (var out = file.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(unhinted);
        }
        file.setInt(COSName.LENGTH1, unhinted.length);
    }

    /**
     * Writes one page's content stream. The page is turned upside down once (y grows downwards, as in
     * the layout); colours, widths, font size and text position are written only when they change, and
     * numbers as short as they can be, which keeps a page near 2 KB.
     */
    private final class PageWriter {
        private final PDResources resources;
        private final PDType0Font chinese;
        private final PDType0Font tibetan;
        private final GlyphText tibetanText;
        private final double pageHeight;
        private final StringBuilder ops = new StringBuilder(16 * 1024);
        private boolean inText;
        private double textX;
        private double textY;
        private Ink fill;
        private Ink stroke;
        private double lineWidth = -1;
        private Boolean dashed;
        private PDType0Font font;
        private double fontSize = -1;
        private Boolean boldText;

        PageWriter(PDResources resources, PDType0Font chinese, PDType0Font tibetan, GlyphText tibetanText,
                double pageHeight) {
            this.resources = resources;
            this.chinese = chinese;
            this.tibetan = tibetan;
            this.tibetanText = tibetanText;
            this.pageHeight = pageHeight;
        }

        StringBuilder paint(Page page) throws IOException {
            ops.append("1 0 0 -1 0 ");
            number(pageHeight).append(" cm\n");
            for (var item : page.items()) {
                if (item instanceof PageItem.Rect rect) {
                    rect(rect);
                } else if (item instanceof PageItem.Line line) {
                    line(line);
                } else {
                    text((PageItem.TextRun) item);
                }
            }
            endText();
            return ops;
        }

        private void rect(PageItem.Rect rect) {
            endText();
            if (rect.fill() != null) {
                fill(rect.fill());
                numbers(rect.x(), rect.y(), rect.width(), rect.height()).append("re f\n");
            }
            if (rect.stroke() != null) {
                strokeWith(rect.stroke(), 0.5, false);
                numbers(rect.x(), rect.y(), rect.width(), rect.height()).append("re S\n");
            }
        }

        private void line(PageItem.Line line) {
            endText();
            strokeWith(line.ink(), line.width(), line.dashed());
            numbers(line.x1(), line.y1()).append("m ");
            numbers(line.x2(), line.y2()).append("l S\n");
        }

        private void text(PageItem.TextRun run) throws IOException {
            var clipped = fonts.measure().width(run.text(), run.size(), run.bold()) > run.clipWidth() + 0.5;
            if (clipped) {
                endText();
                ops.append("q ");
                numbers(run.x(), run.y() - run.size() * 1.2, run.clipWidth(), run.size() * 1.8).append("re W n\n");
            }
            var x = run.x();
            for (var part : fonts.runs(run.text())) {
                if (part.shaped()) {
                    shaped(x, run, part.text());
                } else {
                    plain(x, run, part.text());
                }
                x += fonts.measure().width(part.text(), run.size(), run.bold());
            }
            if (clipped) {
                endText();
                restore();
            }
        }

        private void plain(double x, PageItem.TextRun run, String text) throws IOException {
            startText(chinese, x, run);
            for (var i = 0; i < text.length(); ) {
                var codePoint = text.codePointAt(i);
                chinese.addToSubset(codePoint);
                i += Character.charCount(codePoint);
            }
            ops.append('<');
            hex(chinese.encode(text));
            ops.append("> Tj\n");
        }

        /**
         * Shows the glyphs Java2D shaped {@code text} into, by glyph id, each where Java2D placed it: the
         * font's advance widths carry the pen from glyph to glyph, and a TJ adjustment or a text rise
         * makes up any difference from Java2D's positions of a thousandth of an em or more.
         */
        private void shaped(double x, PageItem.TextRun run, String text) throws IOException {
            var glyphs = fonts.shape(text);
            var file = fonts.tibetan();
            var widthScale = 1000f / file.getUnitsPerEm(); // as PDFBox writes the subset's widths
            startText(tibetan, x, run);
            var used = new HashSet<Integer>();
            var pen = 0L; // in thousandths of an em, as TJ counts
            var rise = 0.0;
            ops.append("[<");
            for (var i = 0; i < glyphs.getNumGlyphs(); i++) {
                var glyph = glyphs.getGlyphCode(i);
                if (glyph >= 0xfffe) {
                    continue; // Java2D's invisible glyph for a letter merged into a neighbour
                }
                var position = glyphs.getGlyphPosition(i);
                var gap = pen - Math.round(position.getX() * 1000 / PrintFonts.SHAPE_SIZE);
                if (gap != 0) {
                    ops.append("> ").append(gap).append(" <");
                    pen -= gap;
                }
                var glyphRise = Math.round(-position.getY() * 1000 / PrintFonts.SHAPE_SIZE) / 1000.0 * run.size();
                if (glyphRise != rise) {
                    ops.append(">] TJ ");
                    number(glyphRise).append(" Ts [<");
                    rise = glyphRise;
                }
                hex(tibetan.encodeGlyphId(glyph));
                used.add(glyph);
                pen += Math.round(file.getAdvanceWidth(glyph) * widthScale);
            }
            ops.append(">] TJ\n");
            if (rise != 0) {
                ops.append("0 Ts\n");
            }
            tibetan.addGlyphsToSubset(used);
            tibetanText.add(glyphs, text);
        }

        /** Starts showing text in {@code font} at {@code x} on the run's baseline, in the run's size, ink and weight. */
        private void startText(PDType0Font textFont, double x, PageItem.TextRun run) {
            if (run.bold()) {
                strokeWith(run.ink(), run.size() * BOLD_STROKE, false);
            }
            if (!inText) {
                ops.append("BT 1 0 0 -1 0 0 Tm\n");
                inText = true;
                textX = 0;
                textY = 0;
            }
            if (textFont != font || fontSize != run.size()) {
                ops.append('/').append(resources.add(textFont).getName()).append(' ');
                number(run.size()).append(" Tf\n");
                font = textFont;
                fontSize = run.size();
            }
            if (!Boolean.valueOf(run.bold()).equals(boldText)) {
                ops.append(run.bold() ? "2 Tr\n" : "0 Tr\n");
                boldText = run.bold();
            }
            fill(run.ink());
            numbers(x - textX, textY - run.y()).append("Td ");
            textX = x;
            textY = run.y();
        }

        private void hex(byte[] bytes) {
            for (var b : bytes) {
                ops.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }

        private void endText() {
            if (inText) {
                ops.append("ET\n");
                inText = false;
            }
        }

        /** Restores the graphics state saved before, which forgets every setting made since. */
        private void restore() {
            ops.append("Q\n");
            fill = null;
            stroke = null;
            lineWidth = -1;
            dashed = null;
            font = null;
            fontSize = -1;
            boldText = null;
        }

        private void fill(Ink ink) {
            if (ink != fill) {
                components(ink).append("rg\n");
                fill = ink;
            }
        }

        private void strokeWith(Ink ink, double width, boolean dash) {
            if (ink != stroke) {
                components(ink).append("RG\n");
                stroke = ink;
            }
            if (width != lineWidth) {
                number(width).append(" w\n");
                lineWidth = width;
            }
            if (!Boolean.valueOf(dash).equals(dashed)) {
                ops.append(dash ? "[2 2] 0 d\n" : "[] 0 d\n");
                dashed = dash;
            }
        }

        private StringBuilder components(Ink ink) {
            return numbers(ink.red() / 255.0, ink.green() / 255.0, ink.blue() / 255.0);
        }

        /** Each number followed by a space. */
        private StringBuilder numbers(double... values) {
            for (var value : values) {
                number(value).append(' ');
            }
            return ops;
        }

        /** A number with at most three decimals and no trailing zeros: 12, 12.5, 0.375, -3.25. */
        private StringBuilder number(double value) {
            var thousandths = Math.round(value * 1000);
            if (thousandths < 0) {
                ops.append('-');
                thousandths = -thousandths;
            }
            ops.append(thousandths / 1000);
            var fraction = (int) (thousandths % 1000);
            if (fraction != 0) {
                ops.append('.');
                if (fraction < 100) {
                    ops.append('0');
                }
                if (fraction < 10) {
                    ops.append('0');
                }
                while (fraction % 10 == 0) {
                    fraction /= 10;
                }
                ops.append(fraction);
            }
            return ops;
        }
    }
}
