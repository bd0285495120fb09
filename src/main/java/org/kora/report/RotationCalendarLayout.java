package org.kora.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.kora.domain.CalendarEntry;
import org.kora.domain.DateRange;
import org.kora.domain.Messages;
import org.kora.report.CalendarGrouping.Group;

/**
 * Lays out the rotation calendar: one row per rotation under its group's heading, one column per
 * month, the off-site block as a bar labelled with the partner department and the on-site block as
 * a bar labelled with the mentor. The months are spread over the page's width; when they do not fit
 * at a readable width they continue on further pages (all rows for the first months, then all rows
 * for the next). Every page repeats the title, legend and month header, and a group that runs onto
 * the next page is headed there again as continued.
 */
public final class RotationCalendarLayout {
    private static final double MIN_MONTH_WIDTH = 28;
    private static final double ROW = 11;
    private static final double GROUP_ROW = 12;
    private static final double YEAR_ROW = 10;
    private static final double MONTH_ROW = 11;
    private static final double LEGEND_ROW = 14;
    private static final double TEXT_SIZE = 7;
    private static final double BAR_TEXT_SIZE = 6.5;
    private static final double MARK = 7;

    private final Messages messages;
    private final TextMeasure measure;

    public RotationCalendarLayout(Messages messages, TextMeasure measure) {
        this.messages = messages;
        this.measure = measure;
    }

    /**
     * The calendar of {@code entries} over the options' months: the rotations that overlap those
     * months, and those not yet planned (shown as such).
     */
    public PrintDocument layout(List<CalendarEntry> entries, CalendarOptions options) {
        var pages = new PageSequence(options.setup(), messages, measure);
        var nameWidth = pages.width() * 0.16;
        var sideWidth = pages.width() * 0.10;
        var months = new ArrayList<YearMonth>();
        for (var month = options.first(); !month.isAfter(options.last()); month = month.plusMonths(1)) {
            months.add(month);
        }
        var monthArea = pages.width() - nameWidth - sideWidth;
        var perPage = Math.max(1, (int) Math.floor(monthArea / MIN_MONTH_WIDTH));
        var parts = (months.size() + perPage - 1) / perPage;
        var partSize = (months.size() + parts - 1) / parts;
        var groups = groups(entries, options);
        for (var start = 0; start < months.size(); start += partSize) {
            var part = months.subList(start, Math.min(months.size(), start + partSize));
            new Sheet(pages, options.grouping(), part, nameWidth, sideWidth).draw(groups);
        }
        return pages.finish();
    }

    /** The rotations that overlap the options' months, and those not yet planned, in their groups. */
    private List<Group> groups(List<CalendarEntry> entries, CalendarOptions options) {
        var range = DateRange.of(options.first().atDay(1), options.last().atEndOfMonth());
        return options.grouping().groups(entries.stream().filter(entry -> !entry.planned() || entry.span().overlaps(range))
                .toList(), messages);
    }

    /** The pages of one run of months. */
    private final class Sheet {
        private final PageSequence pages;
        private final CalendarGrouping grouping;
        private final List<YearMonth> months;
        private final double nameWidth;
        private final double sideWidth;
        private final double monthWidth;
        private final double monthsLeft;
        private PageCanvas canvas;
        private double tableTop;
        private double y;

        Sheet(PageSequence pages, CalendarGrouping grouping, List<YearMonth> months, double nameWidth, double sideWidth) {
            this.pages = pages;
            this.grouping = grouping;
            this.months = months;
            this.nameWidth = nameWidth;
            this.sideWidth = sideWidth;
            this.monthsLeft = pages.left() + nameWidth + sideWidth;
            this.monthWidth = (pages.right() - monthsLeft) / months.size();
        }

        void draw(List<Group> groups) {
            newPage();
            for (var group : groups) {
                if (y + GROUP_ROW + ROW > pages.bottom()) {
                    newPage();
                }
                heading(group.heading(), false);
                for (var entry : group.entries()) {
                    if (y + ROW > pages.bottom()) {
                        newPage();
                        heading(group.heading(), true);
                    }
                    row(entry);
                }
            }
            closeTable();
        }

        private void newPage() {
            if (canvas != null) {
                closeTable();
            }
            canvas = pages.next();
            legend(pages.top());
            tableTop = pages.top() + LEGEND_ROW;
            header(tableTop);
            y = tableTop + YEAR_ROW + MONTH_ROW;
        }

        private void legend(double top) {
            var baseline = top + 8;
            var x = pages.left();
            var swatchY = top + 2;
            for (var kind : List.of(Ink.OFF_SITE, Ink.ON_SITE)) {
                canvas.bar(x, swatchY, 14, 7, kind);
                x += 17;
                var text = messages.get(kind == Ink.OFF_SITE ? "print.legend.offSite" : "print.legend.onSite");
                x += canvas.text(x, baseline, text, TEXT_SIZE, false, Ink.TEXT, pages.width() / 4) + 12;
            }
            conflictMark(x, swatchY);
            canvas.text(x + MARK + 3, baseline, messages.get("print.legend.conflict"), TEXT_SIZE, false, Ink.TEXT,
                    pages.right() - x - MARK - 3);
        }

        private void conflictMark(double x, double top) {
            canvas.bar(x, top, MARK, MARK, Ink.CONFLICT);
            canvas.text(x + 2.3, top + MARK - 1.2, "!", TEXT_SIZE - 1, true, Ink.PAPER, MARK);
        }

        private void header(double top) {
            var left = pages.left();
            var height = YEAR_ROW + MONTH_ROW;
            canvas.panel(left, top, pages.width(), height, Ink.PANEL);
            var baseline = top + height - 3;
            canvas.text(left + 2, baseline, messages.get("print.calendar.trainee"), TEXT_SIZE, true, Ink.TEXT, nameWidth - 4);
            var side = grouping == CalendarGrouping.COHORT ? "print.calendar.department" : "print.calendar.cohort";
            canvas.text(left + nameWidth + 2, baseline, messages.get(side), TEXT_SIZE, true, Ink.TEXT, sideWidth - 4);
            var locale = messages.language().locale();
            var yearStart = 0;
            for (var i = 0; i < months.size(); i++) {
                var month = months.get(i);
                var x = monthsLeft + i * monthWidth;
                canvas.text(x + 2, baseline, month.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, locale),
                        TEXT_SIZE, false, Ink.TEXT, monthWidth - 3);
                var lastOfYear = i == months.size() - 1 || months.get(i + 1).getYear() != month.getYear();
                if (lastOfYear) {
                    var yearX = monthsLeft + yearStart * monthWidth;
                    canvas.text(yearX + 2, top + YEAR_ROW - 2, messages.format("print.calendar.year", month.getYear()),
                            TEXT_SIZE, true, Ink.TEXT, (i - yearStart + 1) * monthWidth - 3);
                    if (i < months.size() - 1) {
                        canvas.rule(x + monthWidth, top, x + monthWidth, top + YEAR_ROW, 0.6, Ink.TEXT);
                    }
                    yearStart = i + 1;
                }
            }
        }

        private void closeTable() {
            var bottom = y;
            canvas.rule(pages.left(), tableTop + YEAR_ROW + MONTH_ROW, pages.right(), tableTop + YEAR_ROW + MONTH_ROW,
                    0.6, Ink.TEXT);
            canvas.rule(pages.left(), bottom, pages.right(), bottom, 0.6, Ink.TEXT);
            for (var i = 0; i <= months.size(); i++) {
                var x = monthsLeft + i * monthWidth;
                canvas.rule(x, tableTop + YEAR_ROW, x, bottom, 0.4, Ink.RULE);
            }
            canvas.rule(monthsLeft - sideWidth, tableTop + YEAR_ROW, monthsLeft - sideWidth, bottom, 0.4, Ink.RULE);
        }

        private void heading(String text, boolean continued) {
            canvas.panel(pages.left(), y, pages.width(), GROUP_ROW, Ink.PANEL);
            var shown = continued ? messages.format("print.continued", text) : text;
            canvas.text(pages.left() + 2, y + GROUP_ROW - 3.2, shown, TEXT_SIZE + 0.5, true, Ink.TEXT, pages.width() - 4);
            y += GROUP_ROW;
        }

        private void row(CalendarEntry entry) {
            var baseline = y + ROW - 3;
            var x = pages.left() + 2;
            if (entry.inConflict()) {
                conflictMark(x, y + (ROW - MARK) / 2);
                x += MARK + 2;
            }
            canvas.text(x, baseline, entry.traineeName(), TEXT_SIZE, entry.inConflict(), Ink.TEXT,
                    pages.left() + nameWidth - 2 - x);
            var side = grouping == CalendarGrouping.COHORT ? entry.homeDepartmentName() : entry.cohortName();
            canvas.text(pages.left() + nameWidth + 2, baseline, side, TEXT_SIZE, false, Ink.MUTED, sideWidth - 4);
            if (entry.planned()) {
                block(entry.offSite(), Ink.OFF_SITE, entry.hostDepartmentName(), baseline);
                block(entry.onSite(), Ink.ON_SITE, entry.mentorName(), baseline);
            } else {
                canvas.text(monthsLeft + 2, baseline, messages.get("print.calendar.unplanned"), TEXT_SIZE, false, Ink.MUTED,
                        pages.right() - monthsLeft - 4);
            }
            y += ROW;
        }

        private void block(DateRange range, Ink ink, String label, double baseline) {
            var first = months.get(0).atDay(1);
            var last = months.get(months.size() - 1).atEndOfMonth();
            if (range.to().isBefore(first) || range.from().isAfter(last)) {
                return;
            }
            var from = xOf(range.from().isBefore(first) ? first : range.from());
            var to = xOf((range.to().isAfter(last) ? last : range.to()).plusDays(1));
            canvas.bar(from, y + 1.5, to - from, ROW - 3, ink);
            if (label != null) {
                canvas.text(from + 1.5, baseline - 0.3, label, BAR_TEXT_SIZE, false, Ink.PAPER, to - from - 3);
            }
        }

        /** Where a day starts, months being of equal width however many days they have. */
        private double xOf(LocalDate day) {
            var month = YearMonth.from(day);
            var index = ChronoUnit.MONTHS.between(months.get(0), month);
            return monthsLeft + (index + (day.getDayOfMonth() - 1) / (double) month.lengthOfMonth()) * monthWidth;
        }
    }
}
