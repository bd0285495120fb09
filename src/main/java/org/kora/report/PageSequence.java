package org.kora.report;

import java.util.ArrayList;
import java.util.List;

import org.kora.domain.Messages;

/**
 * The pages of one print as a layout fills them, with what every page has: the title and print
 * date at the top, "page X of Y" at the foot, inside margins of 10 mm.
 */
final class PageSequence {
    static final double MARGIN = 28.35;
    private static final double TITLE_SIZE = 13;
    private static final double SMALL_SIZE = 7;

    private final PageSetup setup;
    private final Messages messages;
    private final TextMeasure measure;
    private final List<PageCanvas> canvases = new ArrayList<>();

    PageSequence(PageSetup setup, Messages messages, TextMeasure measure) {
        this.setup = setup;
        this.messages = messages;
        this.measure = measure;
    }

    double left() {
        return MARGIN;
    }

    double right() {
        return setup.paper().width() - MARGIN;
    }

    double width() {
        return right() - left();
    }

    /** Where a page's own content starts, below the title. */
    double top() {
        return MARGIN + 24;
    }

    /** Where a page's own content must end, above the page number. */
    double bottom() {
        return setup.paper().height() - MARGIN - 14;
    }

    /** A new page with its title and print date drawn. */
    PageCanvas next() {
        var canvas = new PageCanvas(measure);
        var printed = messages.format("print.printed", messages.date(setup.printDate()));
        var printedWidth = canvas.width(printed, SMALL_SIZE, false);
        var baseline = MARGIN + TITLE_SIZE;
        canvas.text(left(), baseline, setup.title(), TITLE_SIZE, true, Ink.TEXT, width() - printedWidth - 12);
        canvas.textRight(right(), baseline, printed, SMALL_SIZE, false, Ink.MUTED, width());
        canvas.rule(left(), MARGIN + 19, right(), MARGIN + 19, 0.6, Ink.TEXT);
        canvases.add(canvas);
        return canvas;
    }

    /** The pages, each with its "page X of Y". */
    PrintDocument finish() {
        var pages = new ArrayList<Page>(canvases.size());
        var baseline = setup.paper().height() - MARGIN - 2;
        for (var i = 0; i < canvases.size(); i++) {
            var canvas = canvases.get(i);
            var number = messages.format("print.page", i + 1, canvases.size());
            canvas.textRight(right(), baseline, number, SMALL_SIZE, false, Ink.MUTED, width() / 3);
            canvas.text(left(), baseline, setup.title(), SMALL_SIZE, false, Ink.MUTED, width() * 2 / 3 - 12);
            pages.add(canvas.page());
        }
        return new PrintDocument(setup.title(), setup.paper(), pages);
    }
}
