package org.kora.report;

/**
 * The colours of a print, each the value of one colour token of the window's stylesheet
 * ({@code kora.css}), so that screen, printer and PDF show a block in the same colour.
 */
public enum Ink {
    TEXT("-kora-text", 0x1e2a33),
    MUTED("-kora-muted", 0x5c6b77),
    RULE("-kora-border", 0xd3dbe2),
    PANEL("-kora-panel", 0xf6f8fa),
    PAPER("-kora-surface", 0xffffff),
    OFF_SITE("-kora-off-site", 0x4f8fc0),
    ON_SITE("-kora-on-site", 0x6aa84f),
    CONFLICT("-kora-conflict", 0xd9534f),
    ERROR("-kora-error", 0xb3261e);

    private final String token;
    private final int rgb;

    Ink(String token, int rgb) {
        this.token = token;
        this.rgb = rgb;
    }

    /** The stylesheet's name for this colour. */
    public String token() {
        return token;
    }

    /** The colour as 0xRRGGBB. */
    public int rgb() {
        return rgb;
    }

    /** The colour as six lower-case hex digits, without a leading {@code #}, as spreadsheets take it. */
    public String hex() {
        return String.format("%06x", rgb);
    }

    public int red() {
        return rgb >> 16 & 0xff;
    }

    public int green() {
        return rgb >> 8 & 0xff;
    }

    public int blue() {
        return rgb & 0xff;
    }
}
