package org.kora.report;

import java.util.List;

/** Test helpers that read a laid-out page. */
final class PageItems {
    /** Every letter half an em wide: layouts can be tested without the font files. */
    static final TextMeasure HALF_EM = (text, size, bold) -> text.codePointCount(0, text.length()) * size / 2;

    private PageItems() {
    }

    static List<PageItem.TextRun> texts(Page page) {
        return page.items().stream().filter(PageItem.TextRun.class::isInstance).map(PageItem.TextRun.class::cast).toList();
    }

    static List<String> strings(Page page) {
        return texts(page).stream().map(PageItem.TextRun::text).toList();
    }

    static List<PageItem.Rect> rects(Page page, Ink fill) {
        return page.items().stream().filter(PageItem.Rect.class::isInstance).map(PageItem.Rect.class::cast)
                .filter(rect -> rect.fill() == fill).toList();
    }

    /** The smallest box around everything drawn on the page: left, top, right, bottom. */
    static double[] extent(Page page, TextMeasure measure) {
        var box = new double[] {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (var item : page.items()) {
            if (item instanceof PageItem.Rect rect) {
                include(box, rect.x(), rect.y(), rect.x() + rect.width(), rect.y() + rect.height());
            } else if (item instanceof PageItem.Line line) {
                include(box, Math.min(line.x1(), line.x2()), Math.min(line.y1(), line.y2()),
                        Math.max(line.x1(), line.x2()), Math.max(line.y1(), line.y2()));
            } else if (item instanceof PageItem.TextRun run) {
                var width = Math.min(measure.width(run.text(), run.size(), run.bold()), run.clipWidth());
                include(box, run.x(), run.y() - run.size(), run.x() + width, run.y() + run.size() * 0.3);
            }
        }
        return box;
    }

    private static void include(double[] box, double left, double top, double right, double bottom) {
        box[0] = Math.min(box[0], left);
        box[1] = Math.min(box[1], top);
        box[2] = Math.max(box[2], right);
        box[3] = Math.max(box[3], bottom);
    }
}
