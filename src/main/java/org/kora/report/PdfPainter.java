package org.kora.report;

import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Paints a laid-out print into a PDF file. Chinese and Latin text is PDF text in an embedded subset of
 * WenQuanYi Micro Hei, so it can be searched and copied; Tibetan is shaped by Java2D and drawn as the
 * glyphs' outlines (each glyph, and each shaped name, stored once per file and reused), since PDF
 * text cannot stack Tibetan letters. Bold is the regular face drawn with a thin outline, as the font
 * has no bold face. Thread-safe: files are written one at a time.
 */
public final class PdfPainter {
    /**
     * Outlines are written in whole units of a 250th of an em: 0.05 pt on a 13 pt title, finer than
     * any printer, with numbers of three digits at most.
     */
    private static final double OUTLINE_SCALE = 0.25;
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
        // the font's file is read while subsetting, and PDFBox reads it through one shared cursor
        synchronized (fonts.chinese()) {
            try (var pdf = new PDDocument()) {
                pdf.getDocumentInformation().setTitle(document.title());
                pdf.getDocumentInformation().setCreator("Kora");
                var font = PDType0Font.load(pdf, fonts.chinese(), true);
                var outlines = new Outlines(pdf);
                var size = new PDRectangle((float) document.paper().width(), (float) document.paper().height());
                for (var page : document.pages()) {
                    var pdfPage = new PDPage(size);
                    var resources = new PDResources();
                    pdfPage.setResources(resources);
                    var content = new PDStream(pdf);
                    try (var stream = content.createOutputStream(COSName.FLATE_DECODE)) {
                        var ops = new PageWriter(resources, font, outlines, document.paper().height()).paint(page);
                        stream.write(ops.toString().getBytes(StandardCharsets.US_ASCII));
                    }
                    pdfPage.setContents(content);
                    pdf.addPage(pdfPage);
                }
                font.subset();
                pdf.save(out);
            }
        }
    }

    /** The Tibetan glyphs and shaped runs of one file, each written once as a form and then reused. */
    private final class Outlines {
        private final PDDocument pdf;
        private final Map<Integer, PDFormXObject> glyphs = new HashMap<>();
        private final Map<String, PDFormXObject> runs = new HashMap<>();

        Outlines(PDDocument pdf) {
            this.pdf = pdf;
        }

        /** The shaped run in units of {@link #OUTLINE_SCALE}, upright, its baseline's origin at 0, 0. */
        PDFormXObject run(String text) throws IOException {
            var form = runs.get(text);
            if (form == null) {
                var shaped = fonts.shape(text);
                form = new PDFormXObject(pdf);
                var resources = new PDResources();
                form.setResources(resources);
                form.setBBox(box(upright(shaped.getVisualBounds())));
                var ops = new StringBuilder();
                for (var i = 0; i < shaped.getNumGlyphs(); i++) {
                    var code = shaped.getGlyphCode(i);
                    if (code >= 0xfffe) {
                        continue; // Java2D's invisible glyph for a letter merged into a neighbour
                    }
                    var position = shaped.getGlyphPosition(i);
                    var name = resources.add(glyph(code));
                    ops.append("q 1 0 0 1 ").append(Math.round(position.getX() * OUTLINE_SCALE)).append(' ')
                            .append(-Math.round(position.getY() * OUTLINE_SCALE)).append(" cm /").append(name.getName()).append(" Do Q\n");
                }
                write(form, ops);
                runs.put(text, form);
            }
            return form;
        }

        private PDFormXObject glyph(int code) throws IOException {
            var form = glyphs.get(code);
            if (form == null) {
                var outline = fonts.outline(code);
                form = new PDFormXObject(pdf);
                form.setBBox(box(upright(outline.getBounds2D())));
                var ops = new StringBuilder();
                var point = new double[6];
                var lastX = 0.0;
                var lastY = 0.0;
                var path = outline.getPathIterator(null);
                for (; !path.isDone(); path.next()) {
                    switch (path.currentSegment(point)) {
                        case PathIterator.SEG_MOVETO -> {
                            points(ops, point, 1).append("m\n");
                            lastX = point[0];
                            lastY = point[1];
                        }
                        case PathIterator.SEG_LINETO -> {
                            points(ops, point, 1).append("l\n");
                            lastX = point[0];
                            lastY = point[1];
                        }
                        case PathIterator.SEG_QUADTO -> {
                            // a quadratic curve as the cubic that draws it
                            var cubic = new double[] {
                                lastX + 2.0 / 3 * (point[0] - lastX), lastY + 2.0 / 3 * (point[1] - lastY),
                                point[2] + 2.0 / 3 * (point[0] - point[2]), point[3] + 2.0 / 3 * (point[1] - point[3]),
                                point[2], point[3]};
                            points(ops, cubic, 3).append("c\n");
                            lastX = point[2];
                            lastY = point[3];
                        }
                        case PathIterator.SEG_CUBICTO -> {
                            points(ops, point, 3).append("c\n");
                            lastX = point[4];
                            lastY = point[5];
                        }
                        default -> ops.append("h\n");
                    }
                }
                ops.append(path.getWindingRule() == PathIterator.WIND_EVEN_ODD ? "f*\n" : "f\n");
                write(form, ops);
                glyphs.put(code, form);
            }
            return form;
        }

        /** Points of Java2D (y downwards) turned upright, which spares most numbers their minus sign. */
        private StringBuilder points(StringBuilder ops, double[] point, int count) {
            for (var i = 0; i < count * 2; i++) {
                ops.append(Math.round((i % 2 == 0 ? point[i] : -point[i]) * OUTLINE_SCALE)).append(' ');
            }
            return ops;
        }

        private Rectangle2D upright(Rectangle2D bounds) {
            return new Rectangle2D.Double(bounds.getMinX() * OUTLINE_SCALE, -bounds.getMaxY() * OUTLINE_SCALE,
                    bounds.getWidth() * OUTLINE_SCALE, bounds.getHeight() * OUTLINE_SCALE);
        }

        private PDRectangle box(Rectangle2D bounds) {
            return new PDRectangle((float) Math.floor(bounds.getMinX()) - 2, (float) Math.floor(bounds.getMinY()) - 2,
                    (float) Math.ceil(bounds.getWidth()) + 4, (float) Math.ceil(bounds.getHeight()) + 4);
        }

        private void write(PDFormXObject form, StringBuilder ops) throws IOException {
            try (var stream = form.getContentStream().createOutputStream(COSName.FLATE_DECODE)) {
                stream.write(ops.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /**
     * Writes one page's content stream. The page is turned upside down once (y grows downwards, as in
     * the layout); colours, widths, font size and text position are written only when they change, and
     * numbers as short as they can be, which keeps a page near 2 KB.
     */
    private final class PageWriter {
        private final PDResources resources;
        private final PDType0Font font;
        private final Outlines outlines;
        private final double pageHeight;
        private final StringBuilder ops = new StringBuilder(16 * 1024);
        private COSName fontName;
        private boolean inText;
        private double textX;
        private double textY;
        private Ink fill;
        private Ink stroke;
        private double lineWidth = -1;
        private Boolean dashed;
        private double fontSize = -1;
        private Boolean boldText;

        PageWriter(PDResources resources, PDType0Font font, Outlines outlines, double pageHeight) {
            this.resources = resources;
            this.font = font;
            this.outlines = outlines;
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
            if (run.bold()) {
                strokeWith(run.ink(), run.size() * BOLD_STROKE, false);
            }
            if (!inText) {
                ops.append("BT 1 0 0 -1 0 0 Tm\n");
                inText = true;
                textX = 0;
                textY = 0;
            }
            if (fontSize != run.size()) {
                if (fontName == null) {
                    fontName = resources.add(font);
                }
                ops.append('/').append(fontName.getName()).append(' ');
                number(run.size()).append(" Tf\n");
                fontSize = run.size();
            }
            if (!Boolean.valueOf(run.bold()).equals(boldText)) {
                ops.append(run.bold() ? "2 Tr\n" : "0 Tr\n");
                boldText = run.bold();
            }
            fill(run.ink());
            numbers(x - textX, textY - run.y()).append("Td <");
            textX = x;
            textY = run.y();
            for (var i = 0; i < text.length(); ) {
                var codePoint = text.codePointAt(i);
                font.addToSubset(codePoint);
                i += Character.charCount(codePoint);
            }
            for (var b : font.encode(text)) {
                ops.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
            ops.append("> Tj\n");
        }

        private void shaped(double x, PageItem.TextRun run, String text) throws IOException {
            endText();
            fill(run.ink());
            var name = resources.add(outlines.run(text)).getName();
            var scale = run.size() / (PrintFonts.SHAPE_SIZE * OUTLINE_SCALE);
            // outlines are filled only, so bold Tibetan is the run drawn twice, a stroke's width apart
            var strokes = run.bold() ? new double[] {0, run.size() * BOLD_STROKE} : new double[] {0};
            for (var offset : strokes) {
                ops.append("q ");
                numbers(scale, 0, 0, -scale, x + offset, run.y()).append("cm /").append(name).append(" Do Q\n");
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
