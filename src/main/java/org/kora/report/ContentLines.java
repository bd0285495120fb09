package org.kora.report;

/**
 * Folds iCalendar content lines as RFC 5545 (3.1) asks: no line longer than 75 octets of UTF-8
 * before its CRLF, a continuation line starting with one space, a character never split. ical4j's
 * own folding counts Java chars, so that a line of Chinese or Tibetan would run to over 200 octets.
 */
final class ContentLines {
    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private ContentLines() {
    }

    /** The lines of {@code unfolded} (each ended by CRLF, none folded), folded. */
    static String fold(String unfolded) {
        var folded = new StringBuilder(unfolded.length() + unfolded.length() / 16);
        for (var line : unfolded.split(CRLF)) {
            var octets = 0;
            for (var index = 0; index < line.length(); ) {
                var codePoint = line.codePointAt(index);
                var size = utf8Octets(codePoint);
                if (octets + size > MAX_OCTETS) {
                    folded.append(CRLF).append(' ');
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                index += Character.charCount(codePoint);
            }
            folded.append(CRLF);
        }
        return folded.toString();
    }

    private static int utf8Octets(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
