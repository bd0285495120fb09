package org.kora.report;

/** The sheets Kora prints on, with their size in PDF points (1/72 inch). */
public enum Paper {
    A4_PORTRAIT(595.28, 841.89),
    A4_LANDSCAPE(841.89, 595.28),
    A3_PORTRAIT(841.89, 1190.55),
    A3_LANDSCAPE(1190.55, 841.89);

    private final double width;
    private final double height;

    Paper(double width, double height) {
        this.width = width;
        this.height = height;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public boolean landscape() {
        return width > height;
    }
}
