package org.kora.report;

/** How wide a text is in Kora's print fonts: what a layout needs to shorten names to fit a cell. */
public interface TextMeasure {
    /** The advance width in points of {@code text} set at {@code size} points. */
    double width(String text, double size, boolean bold);
}
