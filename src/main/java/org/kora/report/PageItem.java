package org.kora.report;

/**
 * One thing drawn on a page, at an absolute position in points from the page's top left corner
 * (y grows downwards). A painter draws a page's items in order, so later items cover earlier ones.
 */
public sealed interface PageItem {

    /** A rectangle, filled with {@code fill} and outlined with {@code stroke}; either may be null. */
    record Rect(double x, double y, double width, double height, Ink fill, Ink stroke) implements PageItem {
    }

    /** A straight line of the given width, solid or dashed. */
    record Line(double x1, double y1, double x2, double y2, double width, Ink ink, boolean dashed)
            implements PageItem {
    }

    /**
     * A line of text starting at {@code x} on the baseline {@code y}, in Kora's print fonts at
     * {@code size} points. The layout has already shortened it to fit {@code clipWidth}; a painter whose
     * font measures wider cuts it off there.
     */
    record TextRun(double x, double y, String text, double size, boolean bold, Ink ink, double clipWidth)
            implements PageItem {
    }
}
