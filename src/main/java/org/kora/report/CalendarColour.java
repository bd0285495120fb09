package org.kora.report;

/**
 * The block colours of the rotation calendar, the same on screen, in print and in the exports: the
 * values of the {@code -kora-off-site}, {@code -kora-on-site} and {@code -kora-conflict} tokens of
 * {@code kora.css} (a test holds them equal).
 */
enum CalendarColour {
    OFF_SITE("4f8fc0"),
    ON_SITE("6aa84f"),
    CONFLICT("d9534f");

    private final String rgb;

    CalendarColour(String rgb) {
        this.rgb = rgb;
    }

    /** Red, green and blue as six hex digits, without a leading {@code #}. */
    String rgb() {
        return rgb;
    }
}
