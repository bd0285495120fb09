package org.kora.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.kora.domain.CalendarEntry;
import org.kora.domain.DateRange;
import org.kora.domain.Messages;
import org.kora.domain.TraineeRecord;

/**
 * Lays out one trainee's record: their particulars, then a table of their rotations (cohort, the
 * off-site block with its dates and partner department, the on-site block with its dates and mentor,
 * and whether it is confirmed or breaks a rule), and at the foot of the last page the sign-off chain
 * head when one is given.
 */
public final class TraineeRecordLayout {
    private static final double TEXT_SIZE = 7.5;
    private static final double ROW = 13;
    private static final double MARK = 7;

    private final Messages messages;
    private final TextMeasure measure;

    public TraineeRecordLayout(Messages messages, TextMeasure measure) {
        this.messages = messages;
        this.measure = measure;
    }

    public PrintDocument layout(TraineeRecord record, PageSetup setup) {
        var pages = new PageSequence(setup, messages, measure);
        var canvas = pages.next();
        var trainee = record.trainee();
        var y = pages.top() + 4;
        var labelWidth = pages.width() * 0.18;
        var particulars = List.of(
                List.of("print.record.name", trainee.name()),
                List.of("print.record.staffNo", trainee.staffNo()),
                List.of("print.record.hospital", record.hospitalName()),
                List.of("print.record.department", record.departmentName()),
                List.of("print.record.profession",
                        messages.get("people.profession." + trainee.profession().name().toLowerCase(Locale.ROOT))),
                List.of("print.record.title", blankIfNull(trainee.title())),
                List.of("print.record.phone", blankIfNull(trainee.phone())));
        canvas.frame(pages.left(), y, pages.width(), particulars.size() * ROW + 8, Ink.RULE);
        for (var line : particulars) {
            y += ROW;
            canvas.text(pages.left() + 4, y, messages.get(line.get(0)), TEXT_SIZE, false, Ink.MUTED, labelWidth - 8);
            canvas.text(pages.left() + labelWidth, y, line.get(1), TEXT_SIZE + 1, line.get(0).equals("print.record.name"),
                    Ink.TEXT, pages.width() - labelWidth - 4);
        }
        y += ROW + 8;
        var table = new Table(pages, canvas, y);
        var rotations = record.rotations().stream()
                .sorted(Comparator.comparing((CalendarEntry entry) -> entry.planned() ? entry.offSite().from() : null,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        for (var rotation : rotations) {
            table.row(rotation);
        }
        if (rotations.isEmpty()) {
            table.empty();
        }
        if (record.signOffChainHead() != null) {
            table.chainHead(record.signOffChainHead());
        }
        return pages.finish();
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }

    private final class Table {
        private static final double[] COLUMNS = {0, 0.11, 0.36, 0.50, 0.75, 0.89};

        private final PageSequence pages;
        private PageCanvas canvas;
        private double y;

        Table(PageSequence pages, PageCanvas canvas, double y) {
            this.pages = pages;
            this.canvas = canvas;
            this.y = y;
            header();
        }

        private double column(int index) {
            return pages.left() + COLUMNS[index] * pages.width();
        }

        private double columnWidth(int index) {
            var right = index + 1 < COLUMNS.length ? column(index + 1) : pages.right();
            return right - column(index) - 4;
        }

        private void header() {
            canvas.text(pages.left(), y + 12, messages.get("print.record.rotations"), TEXT_SIZE + 2, true, Ink.TEXT,
                    pages.width());
            y += 18;
            canvas.panel(pages.left(), y, pages.width(), ROW, Ink.PANEL);
            var keys = List.of("print.record.cohort", "print.record.offSite", "print.record.partner",
                    "print.record.onSite", "print.record.mentor", "print.record.status");
            for (var i = 0; i < keys.size(); i++) {
                canvas.text(column(i) + 2, y + ROW - 3.5, messages.get(keys.get(i)), TEXT_SIZE, true, Ink.TEXT, columnWidth(i));
            }
            y += ROW;
            canvas.rule(pages.left(), y, pages.right(), y, 0.6, Ink.TEXT);
        }

        void row(CalendarEntry rotation) {
            if (y + ROW > pages.bottom()) {
                canvas = pages.next();
                y = pages.top();
                header();
            }
            var baseline = y + ROW - 3.5;
            canvas.text(column(0) + 2, baseline, rotation.cohortName(), TEXT_SIZE, false, Ink.TEXT, columnWidth(0));
            if (rotation.planned()) {
                canvas.bar(column(1) + 2, y + 2, 3, ROW - 4, Ink.OFF_SITE);
                canvas.text(column(1) + 7, baseline, range(rotation.offSite()), TEXT_SIZE, false, Ink.TEXT, columnWidth(1) - 5);
                canvas.text(column(2) + 2, baseline, rotation.hostDepartmentName(), TEXT_SIZE, false, Ink.TEXT, columnWidth(2));
                canvas.bar(column(3) + 2, y + 2, 3, ROW - 4, Ink.ON_SITE);
                canvas.text(column(3) + 7, baseline, range(rotation.onSite()), TEXT_SIZE, false, Ink.TEXT, columnWidth(3) - 5);
                canvas.text(column(4) + 2, baseline, rotation.mentorName(), TEXT_SIZE, false, Ink.TEXT, columnWidth(4));
            } else {
                canvas.text(column(1) + 2, baseline, messages.get("print.calendar.unplanned"), TEXT_SIZE, false, Ink.MUTED,
                        column(5) - column(1) - 4);
            }
            var x = column(5) + 2;
            if (rotation.inConflict()) {
                canvas.bar(x, y + (ROW - MARK) / 2, MARK, MARK, Ink.CONFLICT);
                canvas.text(x + 2.3, y + (ROW + MARK) / 2 - 1.2, "!", TEXT_SIZE - 2, true, Ink.PAPER, MARK);
                x += MARK + 3;
            }
            var status = rotation.inConflict() ? "print.legend.conflict"
                    : rotation.confirmed() ? "print.record.confirmed" : "print.record.planned";
            canvas.text(x, baseline, messages.get(status), TEXT_SIZE, rotation.inConflict(), Ink.TEXT, pages.right() - x);
            y += ROW;
            canvas.rule(pages.left(), y, pages.right(), y, 0.2, Ink.RULE);
        }

        void empty() {
            canvas.text(pages.left() + 2, y + ROW - 3.5, messages.get("print.record.noRotations"), TEXT_SIZE, false,
                    Ink.MUTED, pages.width() - 4);
        }

        /** The chain head at the foot of the last page, below a dashed line. */
        void chainHead(String head) {
            var line = pages.bottom() - 16;
            if (y + ROW > line) {
                canvas = pages.next();
            }
            canvas.dashedRule(pages.left(), line, pages.right(), line, 0.5, Ink.MUTED);
            canvas.text(pages.left(), line + 11, messages.format("print.record.chainHead", head), TEXT_SIZE - 1, false,
                    Ink.MUTED, pages.width());
        }

        private String range(DateRange range) {
            return messages.format("print.record.range", messages.date(range.from()), messages.date(range.to()));
        }
    }
}
