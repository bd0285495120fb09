package org.kora.report;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects one page's items while a layout draws it. Items go to four layers painted in order
 * (panels, rules, bars, text); within a layer items of one ink are kept together, so a painter
 * changes colour a few times per page rather than once per item. Positions are rounded to a quarter
 * of a point, which no printer shows: such numbers are exact in binary, so a PDF writes them short.
 */
final class PageCanvas {
    static final String ELLIPSIS = "…";

    private final TextMeasure measure;
    private final List<PageItem> panels = new ArrayList<>();
    private final List<PageItem> rules = new ArrayList<>();
    private final List<PageItem> bars = new ArrayList<>();
    private final List<PageItem> texts = new ArrayList<>();

    PageCanvas(TextMeasure measure) {
        this.measure = measure;
    }

    /** A background fill, under everything else. */
    void panel(double x, double y, double width, double height, Ink fill) {
        panels.add(new PageItem.Rect(round(x), round(y), round(width), round(height), fill, null));
    }

    void rule(double x1, double y1, double x2, double y2, double width, Ink ink) {
        rules.add(new PageItem.Line(round(x1), round(y1), round(x2), round(y2), width, ink, false));
    }

    void dashedRule(double x1, double y1, double x2, double y2, double width, Ink ink) {
        rules.add(new PageItem.Line(round(x1), round(y1), round(x2), round(y2), width, ink, true));
    }

    /** A fill over the rules: a block's bar, a legend's swatch, a mark. */
    void bar(double x, double y, double width, double height, Ink fill) {
        bars.add(new PageItem.Rect(round(x), round(y), round(width), round(height), fill, null));
    }

    /** An outlined rectangle, over the rules. */
    void frame(double x, double y, double width, double height, Ink stroke) {
        bars.add(new PageItem.Rect(round(x), round(y), round(width), round(height), null, stroke));
    }

    /**
     * Text from {@code x} on the baseline {@code y}, shortened with an ellipsis to fit {@code maxWidth};
     * nothing when not even one letter and the ellipsis fit. Returns the width drawn.
     */
    double text(double x, double y, String text, double size, boolean bold, Ink ink, double maxWidth) {
        var fitted = fit(text, size, bold, maxWidth);
        if (fitted.isEmpty()) {
            return 0;
        }
        texts.add(new PageItem.TextRun(round(x), round(y), fitted, size, bold, ink, round(maxWidth)));
        return measure.width(fitted, size, bold);
    }

    /** Text that ends at {@code right}, shortened to fit {@code maxWidth}. */
    void textRight(double right, double y, String text, double size, boolean bold, Ink ink, double maxWidth) {
        var fitted = fit(text, size, bold, maxWidth);
        var width = measure.width(fitted, size, bold);
        if (!fitted.isEmpty()) {
            texts.add(new PageItem.TextRun(round(right - width), round(y), fitted, size, bold, ink, round(width)));
        }
    }

    double width(String text, double size, boolean bold) {
        return measure.width(text, size, bold);
    }

    /** The longest start of {@code text}, cut between letters (never inside a Tibetan stack), that fits. */
    String fit(String text, double size, boolean bold, double maxWidth) {
        if (text == null || text.isEmpty() || maxWidth <= 0) {
            return "";
        }
        if (measure.width(text, size, bold) <= maxWidth) {
            return text;
        }
        var boundaries = new ArrayList<Integer>();
        var letters = BreakIterator.getCharacterInstance();
        letters.setText(text);
        for (var end = letters.next(); end != BreakIterator.DONE && end < text.length(); end = letters.next()) {
            boundaries.add(end);
        }
        var low = 0;
        var high = boundaries.size() - 1;
        var best = "";
        while (low <= high) {
            var middle = (low + high) >>> 1;
            var candidate = text.substring(0, boundaries.get(middle)).stripTrailing() + ELLIPSIS;
            if (measure.width(candidate, size, bold) <= maxWidth) {
                best = candidate;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return best;
    }

    /**
     * {@code text} in at most {@code maxLines} lines that each fit {@code maxWidth}: broken where a line
     * may break (between words, between Chinese characters) and at line breaks in the text; a word
     * wider than the whole line is cut between letters. What does not fit in the last line is shortened
     * with an ellipsis. No lines for a blank text.
     */
    List<String> lines(String text, double size, boolean bold, double maxWidth, int maxLines) {
        var lines = new ArrayList<String>();
        if (text == null || text.isBlank() || maxWidth <= 0 || maxLines < 1) {
            return lines;
        }
        var rest = text.strip();
        while (!rest.isEmpty()) {
            if (lines.size() == maxLines - 1) {
                lines.add(fit(rest.replaceAll("\\s*\\R\\s*", " "), size, bold, maxWidth));
                break;
            }
            var newline = rest.indexOf('\n');
            var paragraph = (newline < 0 ? rest : rest.substring(0, newline)).stripTrailing();
            var end = fittingEnd(paragraph, size, bold, maxWidth);
            lines.add(paragraph.substring(0, end).stripTrailing());
            rest = (end == paragraph.length() && newline >= 0 ? rest.substring(newline + 1) : rest.substring(end)).strip();
        }
        return lines;
    }

    /** Where the first line of {@code paragraph} ends: the last break that fits, else the last letter that does. */
    private int fittingEnd(String paragraph, double size, boolean bold, double maxWidth) {
        if (measure.width(paragraph, size, bold) <= maxWidth) {
            return paragraph.length();
        }
        var words = BreakIterator.getLineInstance();
        words.setText(paragraph);
        var end = 0;
        for (var next = words.next(); next != BreakIterator.DONE; next = words.next()) {
            if (measure.width(paragraph.substring(0, next).stripTrailing(), size, bold) > maxWidth) {
                break;
            }
            end = next;
        }
        if (end > 0) {
            return end;
        }
        var letters = BreakIterator.getCharacterInstance();
        letters.setText(paragraph);
        // at least one letter, so that a line too narrow for any still moves on
        end = letters.next();
        for (var next = letters.next(); next != BreakIterator.DONE; next = letters.next()) {
            if (measure.width(paragraph.substring(0, next), size, bold) > maxWidth) {
                break;
            }
            end = next;
        }
        return end;
    }

    Page page() {
        var byInk = Comparator.comparing(PageCanvas::ink)
                .thenComparing(item -> item instanceof PageItem.TextRun run && run.bold());
        var items = new ArrayList<PageItem>(panels.size() + rules.size() + bars.size() + texts.size());
        for (var layer : List.of(panels, rules, bars, texts)) {
            var sorted = new ArrayList<>(layer);
            sorted.sort(byInk);
            items.addAll(sorted);
        }
        return new Page(items);
    }

    private static Ink ink(PageItem item) {
        if (item instanceof PageItem.Rect rect) {
            return rect.fill() != null ? rect.fill() : rect.stroke();
        }
        if (item instanceof PageItem.Line line) {
            return line.ink();
        }
        return ((PageItem.TextRun) item).ink();
    }

    static double round(double value) {
        return Math.round(value * 4) / 4.0;
    }
}
