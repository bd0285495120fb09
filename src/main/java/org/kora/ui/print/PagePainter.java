package org.kora.ui.print;

import java.util.ArrayList;
import java.util.List;

import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

import org.kora.report.FontFiles;
import org.kora.report.Ink;
import org.kora.report.Page;
import org.kora.report.PageItem;
import org.kora.report.Paper;
import org.kora.report.PrintDocument;

/**
 * Draws a laid-out page as JavaFX nodes, for the print preview and the printer: the same layout the
 * PDF painter draws, in the same font files. JavaFX shapes Tibetan itself, so a Tibetan run is simply
 * a text node in the Tibetan font; bold is drawn as the PDF draws it, the regular face with a thin
 * outline. Use it on the JavaFX thread.
 */
public final class PagePainter {
    private static final double BOLD_STROKE = 0.05;

    private final String chineseFamily;
    private final String tibetanFamily;

    /**
     * Registers Kora's font files with JavaFX (they need not be installed in the system), and draws
     * with their families.
     */
    public PagePainter(FontFiles files) {
        this.chineseFamily = family(files.chinese().toUri().toString(), "WenQuanYi Micro Hei");
        this.tibetanFamily = family(files.tibetan().toUri().toString(), "Tibetan Machine Uni");
    }

    private static String family(String url, String wanted) {
        var loaded = Font.loadFonts(url, 10);
        if (loaded != null) {
            for (var font : loaded) {
                if (font.getFamily().equals(wanted)) {
                    return wanted;
                }
            }
            if (loaded.length > 0) {
                return loaded[0].getFamily();
            }
        }
        return wanted;
    }

    /**
     * The page as a node, {@code scale} screen pixels or printer points to a point of the page (1 for the
     * printer), with the white of the paper behind it.
     */
    public Node paint(Page page, Paper paper, double scale) {
        var nodes = new ArrayList<Node>(page.items().size() + 1);
        var sheet = new Rectangle(0, 0, paper.width(), paper.height());
        sheet.setFill(color(Ink.PAPER));
        nodes.add(sheet);
        for (var item : page.items()) {
            if (item instanceof PageItem.Rect rect) {
                nodes.add(rect(rect));
            } else if (item instanceof PageItem.Line line) {
                nodes.add(line(line));
            } else {
                nodes.add(text((PageItem.TextRun) item));
            }
        }
        var group = new Group(nodes);
        group.getTransforms().add(new Scale(scale, scale));
        return group;
    }

    /**
     * Prints every page of {@code document} on the job's printer, on the document's paper at its true
     * size. Returns false when the printer refused a page; the caller ends the job.
     */
    public boolean print(PrinterJob job, PrintDocument document) {
        var printer = job.getPrinter();
        var paper = document.paper();
        var size = paper == Paper.A3_LANDSCAPE || paper == Paper.A3_PORTRAIT ? javafx.print.Paper.A3 : javafx.print.Paper.A4;
        var orientation = paper.landscape() ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT;
        PageLayout layout = printer.createPageLayout(size, orientation, Printer.MarginType.HARDWARE_MINIMUM);
        for (var page : document.pages()) {
            var node = paint(page, paper, 1);
            // the printer places the node at its printable area's corner; the layout's margins are larger
            node.getTransforms().add(0, new Translate(-layout.getLeftMargin(), -layout.getTopMargin()));
            if (!job.printPage(layout, node)) {
                return false;
            }
        }
        return true;
    }

    private static Node rect(PageItem.Rect item) {
        var rect = new Rectangle(item.x(), item.y(), item.width(), item.height());
        rect.setFill(item.fill() == null ? null : color(item.fill()));
        if (item.stroke() != null) {
            rect.setStroke(color(item.stroke()));
            rect.setStrokeWidth(0.5);
        }
        return rect;
    }

    private static Node line(PageItem.Line item) {
        var line = new Line(item.x1(), item.y1(), item.x2(), item.y2());
        line.setStroke(color(item.ink()));
        line.setStrokeWidth(item.width());
        if (item.dashed()) {
            line.getStrokeDashArray().setAll(2.0, 2.0);
        }
        return line;
    }

    private Node text(PageItem.TextRun run) {
        var parts = new ArrayList<Node>(1);
        var x = run.x();
        for (var part : runs(run.text())) {
            var text = new Text(x, run.y(), part);
            var tibetan = Character.UnicodeScript.of(part.codePointAt(0)) == Character.UnicodeScript.TIBETAN;
            text.setFont(Font.font(tibetan ? tibetanFamily : chineseFamily, run.size()));
            text.setBoundsType(TextBoundsType.LOGICAL);
            text.setFill(color(run.ink()));
            if (run.bold()) {
                text.setStroke(color(run.ink()));
                text.setStrokeWidth(run.size() * BOLD_STROKE);
            }
            parts.add(text);
            x += text.getLayoutBounds().getWidth();
        }
        var node = parts.size() == 1 ? parts.get(0) : new Group(parts);
        if (x - run.x() > run.clipWidth() + 0.5) {
            node.setClip(new Rectangle(run.x(), run.y() - run.size() * 1.2, run.clipWidth(), run.size() * 1.8));
        }
        return node;
    }

    /** The text cut where it changes between Tibetan and other scripts. */
    private static List<String> runs(String text) {
        var runs = new ArrayList<String>(1);
        var start = 0;
        var tibetanRun = false;
        for (var i = 0; i < text.length(); ) {
            var codePoint = text.codePointAt(i);
            var tibetan = Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.TIBETAN;
            if (i > start && tibetan != tibetanRun) {
                runs.add(text.substring(start, i));
                start = i;
            }
            tibetanRun = tibetan;
            i += Character.charCount(codePoint);
        }
        if (start < text.length()) {
            runs.add(text.substring(start));
        }
        return runs;
    }

    /** The ink as a JavaFX colour; the calendar screen draws its blocks with it too. */
    public static Color color(Ink ink) {
        return Color.rgb(ink.red(), ink.green(), ink.blue());
    }
}
