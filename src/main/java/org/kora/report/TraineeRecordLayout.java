package org.kora.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kora.domain.CalendarEntry;
import org.kora.domain.CompetencyProgress;
import org.kora.domain.DateRange;
import org.kora.domain.Messages;
import org.kora.domain.SignOffLine;
import org.kora.domain.TraineeProgress;
import org.kora.domain.TraineeRecord;

/**
 * Lays out one trainee's record: their particulars; a table of their rotations (cohort, the off-site
 * block with its dates and partner department, the on-site block with its dates and mentor, and
 * whether it is confirmed or breaks a rule); their progress through the curriculum, competency by
 * competency in its order, and whether it is complete; then every sign-off in the order signed. An
 * amendment names the entry it corrects and why; the corrected entry stays on the record, struck
 * through and muted, so that the print shows everything the file holds. A table that goes on to
 * another page repeats its heading and header there. At the foot of the last page stands the sign-off
 * chain head when one is given.
 */
public final class TraineeRecordLayout {
    private static final double TEXT_SIZE = 7.5;
    private static final double ROW = 13;
    /** The distance between the lines of a row whose text wraps. */
    private static final double LINE = 9.5;
    private static final double MARK = 7;
    private static final double HEADING = 18;
    private static final double SECTION_GAP = 12;
    /** How far above the baseline a strike-through runs: through the middle of Latin and Chinese alike. */
    private static final double STRIKE = 0.32;

    private static final Columns ROTATIONS = new Columns(new double[] {0, 0.11, 0.36, 0.50, 0.75, 0.89},
            List.of("print.record.cohort", "print.record.offSite", "print.record.partner", "print.record.onSite",
                    "print.record.mentor", "print.record.status"));
    private static final Columns PROGRESS = new Columns(new double[] {0, 0.36, 0.52, 0.64, 0.84},
            List.of("print.record.competency", "print.record.category", "print.record.doneRequired",
                    "print.record.levelReached", "print.record.achieved"));
    private static final Columns SIGN_OFFS = new Columns(new double[] {0, 0.04, 0.155, 0.32, 0.44, 0.485, 0.59, 0.77, 0.875},
            List.of("print.record.entryNo", "print.record.performedOn", "print.record.competency", "print.record.level",
                    "print.record.times", "print.record.caseReference", "print.record.comment", "print.record.mentor",
                    "print.record.signedAt"));

    private final Messages messages;
    private final TextMeasure measure;
    private final ZoneId zone;
    private final DateTimeFormatter timeFormat;

    /** A layout that shows the moments sign-offs were signed in this computer's time zone. */
    public TraineeRecordLayout(Messages messages, TextMeasure measure) {
        this(messages, measure, ZoneId.systemDefault());
    }

    /** A layout that shows the moments sign-offs were signed in {@code zone}. */
    public TraineeRecordLayout(Messages messages, TextMeasure measure, ZoneId zone) {
        this.messages = messages;
        this.measure = measure;
        this.zone = zone;
        this.timeFormat = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(messages.language().locale());
    }

    public PrintDocument layout(TraineeRecord record, PageSetup setup) {
        var pages = new PageSequence(setup, messages, measure);
        var sheet = new Sheet(pages);
        sheet.particulars(record);
        var rotations = record.rotations().stream()
                .sorted(Comparator.comparing((CalendarEntry entry) -> entry.planned() ? entry.offSite().from() : null,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        sheet.rotations(rotations);
        sheet.progress(record.progress());
        sheet.signOffs(record.signOffs());
        if (record.signOffChainHead() != null) {
            sheet.chainHead(record.signOffChainHead());
        }
        return pages.finish();
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }

    /** A table's columns: where each starts, as a share of the page's width, and the keys of their headers. */
    private record Columns(double[] starts, List<String> keys) {
    }

    /** The pages as they fill, and where on the current one the next thing goes. */
    private final class Sheet {
        private final PageSequence pages;
        private PageCanvas canvas;
        private double y;

        Sheet(PageSequence pages) {
            this.pages = pages;
            this.canvas = pages.next();
            this.y = pages.top() + 4;
        }

        void particulars(TraineeRecord record) {
            var trainee = record.trainee();
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
        }

        void rotations(List<CalendarEntry> rotations) {
            section("print.record.rotations", ROTATIONS, null);
            for (var rotation : rotations) {
                room(ROW, "print.record.rotations", ROTATIONS);
                rotation(rotation);
            }
            if (rotations.isEmpty()) {
                note(messages.get("print.record.noRotations"));
            }
        }

        private void rotation(CalendarEntry rotation) {
            var baseline = y + ROW - 3.5;
            canvas.text(x(ROTATIONS, 0) + 2, baseline, rotation.cohortName(), TEXT_SIZE, false, Ink.TEXT, width(ROTATIONS, 0));
            if (rotation.planned()) {
                canvas.bar(x(ROTATIONS, 1) + 2, y + 2, 3, ROW - 4, Ink.OFF_SITE);
                canvas.text(x(ROTATIONS, 1) + 7, baseline, range(rotation.offSite()), TEXT_SIZE, false, Ink.TEXT,
                        width(ROTATIONS, 1) - 5);
                canvas.text(x(ROTATIONS, 2) + 2, baseline, rotation.hostDepartmentName(), TEXT_SIZE, false, Ink.TEXT,
                        width(ROTATIONS, 2));
                canvas.bar(x(ROTATIONS, 3) + 2, y + 2, 3, ROW - 4, Ink.ON_SITE);
                canvas.text(x(ROTATIONS, 3) + 7, baseline, range(rotation.onSite()), TEXT_SIZE, false, Ink.TEXT,
                        width(ROTATIONS, 3) - 5);
                canvas.text(x(ROTATIONS, 4) + 2, baseline, rotation.mentorName(), TEXT_SIZE, false, Ink.TEXT,
                        width(ROTATIONS, 4));
            } else {
                canvas.text(x(ROTATIONS, 1) + 2, baseline, messages.get("print.calendar.unplanned"), TEXT_SIZE, false,
                        Ink.MUTED, x(ROTATIONS, 5) - x(ROTATIONS, 1) - 4);
            }
            var x = x(ROTATIONS, 5) + 2;
            if (rotation.inConflict()) {
                canvas.bar(x, y + (ROW - MARK) / 2, MARK, MARK, Ink.CONFLICT);
                canvas.text(x + 2.3, y + (ROW + MARK) / 2 - 1.2, "!", TEXT_SIZE - 2, true, Ink.PAPER, MARK);
                x += MARK + 3;
            }
            var status = rotation.inConflict() ? "print.legend.conflict"
                    : rotation.confirmed() ? "print.record.confirmed" : "print.record.planned";
            canvas.text(x, baseline, messages.get(status), TEXT_SIZE, rotation.inConflict(), Ink.TEXT, pages.right() - x);
            endRow(ROW);
        }

        void progress(TraineeProgress progress) {
            y += SECTION_GAP;
            if (progress.competencies().isEmpty()) {
                section("print.record.progress", null, null);
                note(messages.get("print.record.noCompetencies"));
                return;
            }
            section("print.record.progress", PROGRESS, null);
            for (var competency : progress.competencies()) {
                competency(competency);
            }
            var total = progress.competencies().size();
            room(ROW + 4, "print.record.progress", null);
            y += 4;
            var baseline = y + ROW - 3.5;
            if (progress.complete()) {
                canvas.bar(pages.left() + 2, y + (ROW - MARK) / 2, MARK, MARK, Ink.ON_SITE);
                canvas.text(pages.left() + MARK + 6, baseline, messages.format("print.record.complete", total),
                        TEXT_SIZE + 1, true, Ink.TEXT, pages.width() - MARK - 6);
            } else {
                canvas.text(pages.left() + 2, baseline, messages.format("print.record.partial", progress.achievedCount(), total),
                        TEXT_SIZE + 1, true, Ink.TEXT, pages.width() - 4);
            }
            y += ROW;
        }

        private void competency(CompetencyProgress progress) {
            var competency = progress.competency();
            var names = canvas.lines(SignOffTexts.competency(messages, competency), TEXT_SIZE, false,
                    width(PROGRESS, 0), 2);
            var height = ROW + (Math.max(1, names.size()) - 1) * LINE;
            room(height, "print.record.progress", PROGRESS);
            var baseline = y + ROW - 3.5;
            lines(x(PROGRESS, 0) + 2, baseline, names, Ink.TEXT, false, width(PROGRESS, 0));
            canvas.text(x(PROGRESS, 1) + 2, baseline, blankIfNull(competency.category()), TEXT_SIZE, false, Ink.TEXT,
                    width(PROGRESS, 1));
            canvas.text(x(PROGRESS, 2) + 2, baseline,
                    messages.format("print.record.count", progress.done(), competency.requiredCount()), TEXT_SIZE, false,
                    Ink.TEXT, width(PROGRESS, 2));
            canvas.text(x(PROGRESS, 3) + 2, baseline,
                    progress.reached() == null ? "–" : SignOffTexts.level(messages, progress.reached()), TEXT_SIZE, false,
                    progress.reached() == null ? Ink.MUTED : Ink.TEXT, width(PROGRESS, 3));
            if (progress.achieved()) {
                var x = x(PROGRESS, 4) + 2;
                canvas.bar(x, y + (ROW - MARK) / 2, MARK, MARK, Ink.ON_SITE);
                canvas.text(x + MARK + 3, baseline, messages.get("print.record.achieved"), TEXT_SIZE, true, Ink.TEXT,
                        pages.right() - x - MARK - 3);
            }
            endRow(height);
        }

        void signOffs(List<SignOffLine> lines) {
            y += SECTION_GAP;
            if (lines.isEmpty()) {
                section("print.record.signOffs", null, null);
                note(messages.get("print.record.noSignOffs"));
                return;
            }
            var ordered = lines.stream()
                    .sorted(Comparator.comparing((SignOffLine line) -> line.entry().signedAt())
                            .thenComparingLong(line -> line.entry().id()))
                    .toList();
            Map<Long, Long> correctedBy = new HashMap<>();
            for (var line : ordered) {
                if (line.entry().amendsId() != null) {
                    correctedBy.putIfAbsent(line.entry().amendsId(), line.entry().id());
                }
            }
            var anyAmended = ordered.stream().anyMatch(SignOffLine::amended);
            section("print.record.signOffs", SIGN_OFFS, anyAmended ? messages.get("print.record.struckNote") : null);
            for (var line : ordered) {
                signOff(line, correctedBy.get(line.entry().id()));
            }
        }

        private void signOff(SignOffLine line, Long correctedBy) {
            var entry = line.entry();
            var struck = line.amended();
            var ink = struck ? Ink.MUTED : Ink.TEXT;
            var signedAt = entry.signedAt().atZone(zone);
            var cells = List.of(
                    List.of(Long.toString(entry.id())),
                    wrap(messages.date(entry.performedOn()), 1, 2),
                    wrap(SignOffTexts.competency(messages, line.competency()), 2, 2),
                    wrap(SignOffTexts.level(messages, entry.level()), 3, 2),
                    List.of(Integer.toString(entry.count())),
                    wrap(entry.caseReference(), 5, 2),
                    wrap(entry.comment(), 6, 3),
                    wrap(line.mentorName(), 7, 2),
                    List.of(messages.date(signedAt.toLocalDate()), timeFormat.format(signedAt)));
            // the note on corrections spans the columns from the competency on
            var noteX = x(SIGN_OFFS, 2) + 2;
            var noteWidth = pages.right() - noteX - 2;
            var notes = entry.amendsId() != null
                    ? canvas.lines(messages.format("print.record.amends", entry.amendsId(), entry.amendReason()), TEXT_SIZE,
                            false, noteWidth, 2)
                    : correctedBy != null ? List.of(messages.format("print.record.correctedBy", correctedBy))
                    : List.<String>of();
            var cellLines = cells.stream().mapToInt(List::size).max().orElse(1);
            var height = ROW + (Math.max(1, cellLines) - 1 + notes.size()) * LINE;
            room(height, "print.record.signOffs", SIGN_OFFS);
            var baseline = y + ROW - 3.5;
            for (var column = 0; column < cells.size(); column++) {
                lines(x(SIGN_OFFS, column) + 2, baseline, cells.get(column), ink, struck, width(SIGN_OFFS, column));
            }
            var noteInk = entry.amendsId() != null ? Ink.TEXT : Ink.MUTED;
            for (var i = 0; i < notes.size(); i++) {
                canvas.text(noteX, baseline + (cellLines + i) * LINE, notes.get(i), TEXT_SIZE, false, noteInk, noteWidth);
            }
            endRow(height);
        }

        /** The text of a sign-off column in lines that fit it. */
        private List<String> wrap(String text, int column, int maxLines) {
            return canvas.lines(text, TEXT_SIZE, false, width(SIGN_OFFS, column), maxLines);
        }

        /** The lines one under another from {@code baseline}, each struck through when asked. */
        private void lines(double x, double baseline, List<String> lines, Ink ink, boolean struck, double maxWidth) {
            for (var i = 0; i < lines.size(); i++) {
                var lineBaseline = baseline + i * LINE;
                var drawn = canvas.text(x, lineBaseline, lines.get(i), TEXT_SIZE, false, ink, maxWidth);
                if (struck && drawn > 0) {
                    var middle = lineBaseline - TEXT_SIZE * STRIKE;
                    canvas.rule(x - 0.5, middle, x + drawn + 0.5, middle, 0.6, Ink.MUTED);
                }
            }
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

        /**
         * A section's heading, an optional note under it and its table's header, on a new page when they
         * and the first row would not fit on this one.
         */
        private void section(String headingKey, Columns columns, String note) {
            var needed = HEADING + ROW + (columns != null ? ROW : 0) + (note != null ? LINE : 0);
            if (y + needed > pages.bottom()) {
                canvas = pages.next();
                y = pages.top();
            }
            heading(headingKey, false);
            if (note != null) {
                canvas.text(pages.left(), y + 4, note, TEXT_SIZE - 0.5, false, Ink.MUTED, pages.width());
                y += LINE;
            }
            if (columns != null) {
                header(columns);
            }
        }

        /** Makes room for {@code height}: a new page, with the heading and header repeated, when it does not fit. */
        private void room(double height, String headingKey, Columns columns) {
            if (y + height > pages.bottom()) {
                canvas = pages.next();
                y = pages.top();
                heading(headingKey, true);
                if (columns != null) {
                    header(columns);
                }
            }
        }

        private void heading(String key, boolean continued) {
            var text = continued ? messages.format("print.continued", messages.get(key)) : messages.get(key);
            canvas.text(pages.left(), y + 12, text, TEXT_SIZE + 2, true, Ink.TEXT, pages.width());
            y += HEADING;
        }

        private void header(Columns columns) {
            canvas.panel(pages.left(), y, pages.width(), ROW, Ink.PANEL);
            for (var i = 0; i < columns.keys().size(); i++) {
                canvas.text(x(columns, i) + 2, y + ROW - 3.5, messages.get(columns.keys().get(i)), TEXT_SIZE, true,
                        Ink.TEXT, width(columns, i));
            }
            y += ROW;
            canvas.rule(pages.left(), y, pages.right(), y, 0.6, Ink.TEXT);
        }

        private void note(String text) {
            canvas.text(pages.left() + 2, y + ROW - 3.5, text, TEXT_SIZE, false, Ink.MUTED, pages.width() - 4);
            y += ROW;
        }

        private void endRow(double height) {
            y += height;
            canvas.rule(pages.left(), y, pages.right(), y, 0.2, Ink.RULE);
        }

        private double x(Columns columns, int index) {
            return pages.left() + columns.starts()[index] * pages.width();
        }

        /** The width text may take in a column: to the next column, less a gap. */
        private double width(Columns columns, int index) {
            var right = index + 1 < columns.starts().length ? x(columns, index + 1) : pages.right();
            return right - x(columns, index) - 4;
        }

        private String range(DateRange range) {
            return messages.format("print.record.range", messages.date(range.from()), messages.date(range.to()));
        }
    }
}
