package org.kora.report;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;

import org.kora.domain.AwayMonth;
import org.kora.domain.CalendarEntry;
import org.kora.domain.Messages;

/**
 * Lays out the away list: under a heading per month, one row per home department with the names of
 * those away in an off-site block and the fewest left on duty against the minimum. A month under the
 * minimum stands out in colour, in bold and with the conflict mark, so that it also reads on a
 * black-and-white printer.
 */
public final class AwayListLayout {
    private static final double TEXT_SIZE = 7.5;
    private static final double LINE = 10;
    private static final double HEADER_ROW = 14;
    private static final double MONTH_ROW = 13;
    private static final double LEGEND_ROW = 14;
    private static final double MARK = 7;

    private final Messages messages;
    private final TextMeasure measure;

    public AwayListLayout(Messages messages, TextMeasure measure) {
        this.messages = messages;
        this.measure = measure;
    }

    /** The away list of {@code lines} (as {@link AwayMonth#of} gives them), grouped by month in order. */
    public PrintDocument layout(List<AwayMonth> lines, PageSetup setup) {
        var pages = new PageSequence(setup, messages, measure);
        var sheet = new Sheet(pages);
        var months = lines.stream().map(AwayMonth::month).distinct().sorted().toList();
        for (var month : months) {
            var heading = messages.format("print.away.month",
                    month.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, messages.language().locale()), month.getYear());
            var rows = lines.stream().filter(line -> line.month().equals(month)).toList();
            sheet.month(heading, rows);
        }
        return pages.finish();
    }

    private final class Sheet {
        private final PageSequence pages;
        private final double departmentX;
        private final double awayX;
        private final double dutyX;
        private PageCanvas canvas;
        private double y;

        Sheet(PageSequence pages) {
            this.pages = pages;
            this.departmentX = pages.left();
            this.awayX = pages.left() + pages.width() * 0.28;
            this.dutyX = pages.left() + pages.width() * 0.80;
            newPage();
        }

        void month(String heading, List<AwayMonth> rows) {
            var first = true;
            for (var row : rows) {
                var names = wrap(row.away().stream().map(CalendarEntry::traineeName).toList(), dutyX - awayX - 6);
                var height = Math.max(1, names.size()) * LINE + 3;
                var needed = height + (first ? MONTH_ROW : 0);
                if (y + needed > pages.bottom()) {
                    newPage();
                    heading(heading, !first);
                } else if (first) {
                    heading(heading, false);
                }
                first = false;
                row(row, names, height);
            }
        }

        private void newPage() {
            canvas = pages.next();
            var top = pages.top();
            var x = pages.left();
            mark(x, top + 2);
            canvas.text(x + MARK + 3, top + 8, messages.get("print.away.legend"), TEXT_SIZE - 0.5, false, Ink.TEXT,
                    pages.width() - MARK - 3);
            y = top + LEGEND_ROW;
            canvas.panel(pages.left(), y, pages.width(), HEADER_ROW, Ink.PANEL);
            var baseline = y + HEADER_ROW - 4;
            canvas.text(departmentX + 2, baseline, messages.get("print.away.department"), TEXT_SIZE, true, Ink.TEXT,
                    awayX - departmentX - 4);
            canvas.text(awayX + 2, baseline, messages.get("print.away.away"), TEXT_SIZE, true, Ink.TEXT, dutyX - awayX - 4);
            canvas.text(dutyX + 2, baseline, messages.get("print.away.onDuty"), TEXT_SIZE, true, Ink.TEXT,
                    pages.right() - dutyX - 4);
            y += HEADER_ROW;
            canvas.rule(pages.left(), y, pages.right(), y, 0.6, Ink.TEXT);
        }

        private void heading(String text, boolean continued) {
            var shown = continued ? messages.format("print.continued", text) : text;
            canvas.text(pages.left() + 2, y + MONTH_ROW - 3.5, shown, TEXT_SIZE + 0.5, true, Ink.TEXT, pages.width() - 4);
            y += MONTH_ROW;
            canvas.rule(pages.left(), y, pages.right(), y, 0.4, Ink.TEXT);
        }

        private void row(AwayMonth row, List<String> names, double height) {
            var baseline = y + LINE - 2;
            var under = row.underMinimum();
            if (under) {
                canvas.panel(pages.left(), y, pages.width(), height, Ink.PANEL);
                canvas.bar(pages.left(), y, 2, height, Ink.ERROR);
            }
            var department = messages.format("print.away.departmentName", row.departmentName(), row.hospitalName());
            canvas.text(departmentX + 4, baseline, department, TEXT_SIZE, false, Ink.TEXT, awayX - departmentX - 6);
            if (names.isEmpty()) {
                canvas.text(awayX + 2, baseline, messages.get("print.away.none"), TEXT_SIZE, false, Ink.MUTED, dutyX - awayX - 4);
            }
            for (var i = 0; i < names.size(); i++) {
                canvas.text(awayX + 2, baseline + i * LINE, names.get(i), TEXT_SIZE, false, Ink.TEXT, dutyX - awayX - 4);
            }
            var duty = messages.format("print.away.fewest", row.fewestOnDuty(), row.minOnDuty());
            var x = dutyX + 2;
            if (under) {
                mark(x, y + (LINE - MARK) / 2 + 0.5);
                x += MARK + 3;
                duty = messages.format("print.away.under", duty);
            }
            canvas.text(x, baseline, duty, TEXT_SIZE, under, under ? Ink.ERROR : Ink.TEXT, pages.right() - x - 2);
            y += height;
            canvas.rule(pages.left(), y, pages.right(), y, 0.2, Ink.RULE);
        }

        private void mark(double x, double top) {
            canvas.bar(x, top, MARK, MARK, Ink.ERROR);
            canvas.text(x + 2.3, top + MARK - 1.2, "!", TEXT_SIZE - 1.5, true, Ink.PAPER, MARK);
        }

        /** The names in lines that fit {@code width}, a name never split across lines. */
        private List<String> wrap(List<String> names, double width) {
            var separator = messages.get("print.away.separator");
            var lines = new ArrayList<String>();
            var line = new StringBuilder();
            for (var i = 0; i < names.size(); i++) {
                var piece = names.get(i) + (i < names.size() - 1 ? separator : "");
                if (line.length() > 0 && canvas.width(line + piece.stripTrailing(), TEXT_SIZE, false) > width) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                }
                line.append(piece);
            }
            if (line.length() > 0) {
                lines.add(line.toString().stripTrailing());
            }
            return lines;
        }
    }
}
