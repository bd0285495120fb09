package org.kora.report;

import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * Paints a laid-out print into a PDF file. Chinese and Latin text is PDF text in an embedded subset of
 * WenQuanYi Micro Hei, so it can be searched and copied; Tibetan is shaped by Java2D and drawn as the
 * glyphs' outlines (each glyph, and each shaped name, stored once per file and reused), since PDF
 * text cannot stack Tibetan letters. Bold is the regular face drawn with a thin outline, as the font
 * has no bold face. Thread-safe: files are written one at a time.
 */
public final class PdfPainter {
    private static final float[] DASH = {2, 2};
    private static final float[] SOLID = {};
    private static final double BOLD_STROKE = 0.05;

    private final PrintFonts fonts;

    public PdfPainter(PrintFonts fonts) {
        this.fonts = fonts;
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
                    pdf.addPage(pdfPage);
                    try (var content = new PDPageContentStream(pdf, pdfPage, PDPageContentStream.AppendMode.OVERWRITE, true)) {
                        new PageWriter(content, font, outlines, document.paper().height()).paint(page);
                    }
                }
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

        /** The shaped run at {@link PrintFonts#SHAPE_SIZE}, upright, its baseline's origin at 0, 0. */
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
                    ops.append("q 1 0 0 1 ").append(Math.round(position.getX())).append(' ')
                            .append(-Math.round(position.getY())).append(" cm /").append(name.getName()).append(" Do Q\n");
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
                ops.append(Math.round(i % 2 == 0 ? point[i] : -point[i])).append(' ');
            }
            return ops;
        }

        private Rectangle2D upright(Rectangle2D bounds) {
            return new Rectangle2D.Double(bounds.getMinX(), -bounds.getMaxY(), bounds.getWidth(), bounds.getHeight());
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
     * Paints one page. The page is turned upside down once (y grows downwards, as in the layout), and
     * colours, widths and font size are written only when they change, which keeps pages small.
     */
    private final class PageWriter {
        private final PDPageContentStream content;
        private final PDType0Font font;
        private final Outlines outlines;
        private final double pageHeight;
        private boolean inText;
        private double textX;
        private double textY;
        private Ink fill;
        private Ink stroke;
        private double lineWidth = -1;
        private Boolean dashed;
        private double fontSize = -1;
        private Boolean boldText;

        PageWriter(PDPageContentStream content, PDType0Font font, Outlines outlines, double pageHeight) {
            this.content = content;
            this.font = font;
            this.outlines = outlines;
            this.pageHeight = pageHeight;
        }

        void paint(Page page) throws IOException {
            content.transform(new Matrix(1, 0, 0, -1, 0, (float) pageHeight));
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
        }

        private void rect(PageItem.Rect rect) throws IOException {
            endText();
            if (rect.fill() != null) {
                fill(rect.fill());
                content.addRect((float) rect.x(), (float) rect.y(), (float) rect.width(), (float) rect.height());
                content.fill();
            }
            if (rect.stroke() != null) {
                strokeWith(rect.stroke(), 0.5, false);
                content.addRect((float) rect.x(), (float) rect.y(), (float) rect.width(), (float) rect.height());
                content.stroke();
            }
        }

        private void line(PageItem.Line line) throws IOException {
            endText();
            strokeWith(line.ink(), line.width(), line.dashed());
            content.moveTo((float) line.x1(), (float) line.y1());
            content.lineTo((float) line.x2(), (float) line.y2());
            content.stroke();
        }

        private void text(PageItem.TextRun run) throws IOException {
            var clipped = fonts.measure().width(run.text(), run.size(), run.bold()) > run.clipWidth() + 0.5;
            if (clipped) {
                endText();
                content.saveGraphicsState();
                content.addRect((float) run.x(), (float) (run.y() - run.size() * 1.2), (float) run.clipWidth(),
                        (float) (run.size() * 1.8));
                content.clip();
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
            if (run.bold() && (run.ink() != stroke || run.size() * BOLD_STROKE != lineWidth
                    || !Boolean.FALSE.equals(dashed))) {
                endText(); // PDFBox refuses line settings inside a text object
                strokeWith(run.ink(), run.size() * BOLD_STROKE, false);
            }
            if (!inText) {
                content.beginText();
                content.setTextMatrix(new Matrix(1, 0, 0, -1, 0, 0));
                inText = true;
                textX = 0;
                textY = 0;
            }
            if (fontSize != run.size()) {
                content.setFont(font, (float) run.size());
                fontSize = run.size();
            }
            if (!Boolean.valueOf(run.bold()).equals(boldText)) {
                content.setRenderingMode(run.bold() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
                boldText = run.bold();
            }
            fill(run.ink());
            content.newLineAtOffset((float) (x - textX), (float) (textY - run.y()));
            textX = x;
            textY = run.y();
            content.showText(text);
        }

        private void shaped(double x, PageItem.TextRun run, String text) throws IOException {
            endText();
            fill(run.ink());
            var form = outlines.run(text);
            var scale = (float) (run.size() / PrintFonts.SHAPE_SIZE);
            // outlines are filled only, so bold Tibetan is the run drawn twice, a stroke's width apart
            var strokes = run.bold() ? new double[] {0, run.size() * BOLD_STROKE} : new double[] {0};
            for (var offset : strokes) {
                content.saveGraphicsState();
                content.transform(new Matrix(scale, 0, 0, -scale, (float) (x + offset), (float) run.y()));
                content.drawForm(form);
                restore();
            }
        }

        private void endText() throws IOException {
            if (inText) {
                content.endText();
                inText = false;
            }
        }

        /** Restores the graphics state saved before, which forgets every setting made since. */
        private void restore() throws IOException {
            content.restoreGraphicsState();
            fill = null;
            stroke = null;
            lineWidth = -1;
            dashed = null;
            fontSize = -1;
            boldText = null;
        }

        private void fill(Ink ink) throws IOException {
            if (ink != fill) {
                content.setNonStrokingColor(ink.red() / 255f, ink.green() / 255f, ink.blue() / 255f);
                fill = ink;
            }
        }

        private void strokeWith(Ink ink, double width, boolean dash) throws IOException {
            if (ink != stroke) {
                content.setStrokingColor(ink.red() / 255f, ink.green() / 255f, ink.blue() / 255f);
                stroke = ink;
            }
            if (width != lineWidth) {
                content.setLineWidth((float) width);
                lineWidth = width;
            }
            if (!Boolean.valueOf(dash).equals(dashed)) {
                content.setLineDashPattern(dash ? DASH : SOLID, 0);
                dashed = dash;
            }
        }
    }
}
