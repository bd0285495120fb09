package org.kora.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.kora.domain.CalendarEntry;
import org.kora.domain.CompetencyProgress;
import org.kora.domain.DateRange;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.domain.TraineeRecord;

/**
 * Lays out a trainee's completion certificate (结业证书) on one A4 portrait page, in Chinese and
 * English together whatever the interface's language, since it is shown to people who read either:
 * the trainee's name large, their staff number, hospital and home department, the program period
 * (the first day off site to the last day on site of their planned rotations), their partner
 * departments and mentors, the competencies achieved in both languages, the date of issue, lines for
 * the mentor's and the hospital's signatures, and the sign-off chain head in small print, so that a
 * printed certificate can be checked against the file. Only a trainee whose progress is complete
 * gets one.
 */
public final class CertificateLayout {
    private static final Paper PAPER = Paper.A4_PORTRAIT;
    private static final double BORDER = 28;
    private static final double INSET = 64;
    private static final double LABEL_SIZE = 8;
    private static final double VALUE_SIZE = 10;
    private static final double NAME_SIZE = 28;
    private static final double ROW = 17;
    private static final double ITEM = 13;
    private static final double SIGNATURE_TOP = 722;
    private static final String SEPARATOR = " · ";

    private final Messages chinese = new Messages(Language.ZH);
    private final Messages english = new Messages(Language.EN);
    private final TextMeasure measure;

    public CertificateLayout(TextMeasure measure) {
        this.measure = Objects.requireNonNull(measure, "measure");
    }

    /**
     * The certificate of {@code record}, issued on {@code issuedOn}.
     *
     * @throws IllegalArgumentException when the record's progress is not complete: a certificate
     *                                  attests that every competency of the curriculum is achieved
     */
    public PrintDocument layout(TraineeRecord record, LocalDate issuedOn) {
        if (!record.progress().complete()) {
            throw new IllegalArgumentException("a certificate is only for a trainee who achieved every competency: "
                    + record.progress().achievedCount() + " of " + record.progress().competencies().size() + " achieved");
        }
        Objects.requireNonNull(issuedOn, "issuedOn");
        var canvas = new PageCanvas(measure);
        var page = new Sheet(canvas);
        page.border();
        page.title(record.trainee().name());
        var y = page.particulars(record, 360);
        page.competencies(record.progress().competencies(), y + 14);
        page.issue(issuedOn);
        page.signatures();
        if (record.signOffChainHead() != null) {
            page.chainHead(record.signOffChainHead());
        }
        var title = chinese.format("print.certificate.heading", record.trainee().name());
        return new PrintDocument(title, PAPER, List.of(canvas.page()));
    }

    /** The first day off site to the last day on site of the planned rotations; null when none is planned. */
    static DateRange period(List<CalendarEntry> rotations) {
        var planned = rotations.stream().filter(CalendarEntry::planned).toList();
        if (planned.isEmpty()) {
            return null;
        }
        var from = planned.stream().map(entry -> entry.offSite().from()).min(Comparator.naturalOrder()).orElseThrow();
        var to = planned.stream().map(entry -> entry.onSite().to()).max(Comparator.naturalOrder()).orElseThrow();
        return DateRange.of(from, to);
    }

    private final class Sheet {
        private final PageCanvas canvas;
        private final double center = PAPER.width() / 2;
        private final double left = INSET;
        private final double right = PAPER.width() - INSET;

        Sheet(PageCanvas canvas) {
            this.canvas = canvas;
        }

        void border() {
            var outer = BORDER;
            var inner = BORDER + 5;
            frame(outer, 1.6, Ink.OFF_SITE);
            frame(inner, 0.5, Ink.OFF_SITE);
        }

        private void frame(double inset, double width, Ink ink) {
            var x2 = PAPER.width() - inset;
            var y2 = PAPER.height() - inset;
            canvas.rule(inset, inset, x2, inset, width, ink);
            canvas.rule(x2, inset, x2, y2, width, ink);
            canvas.rule(x2, y2, inset, y2, width, ink);
            canvas.rule(inset, y2, inset, inset, width, ink);
        }

        void title(String name) {
            centred(118, chinese.get("print.certificate.title"), 30, true, Ink.TEXT);
            centred(148, english.get("print.certificate.title"), 16, false, Ink.TEXT);
            centred(174, chinese.get("print.certificate.program"), 9, false, Ink.MUTED);
            centred(187, english.get("print.certificate.program"), 9, false, Ink.MUTED);
            centred(226, chinese.get("print.certificate.certifies") + SEPARATOR + english.get("print.certificate.certifies"),
                    10, false, Ink.TEXT);
            // regular, not bold: the painters' bold draws a shaped Tibetan name twice, which shows at this size
            centred(268, name, NAME_SIZE, false, Ink.TEXT);
            canvas.rule(center - 120, 282, center + 120, 282, 0.5, Ink.RULE);
            var y = 306.0;
            for (var line : canvas.lines(chinese.get("print.certificate.completed"), 10.5, false, right - left, 2)) {
                centred(y, line, 10.5, false, Ink.TEXT);
                y += 15;
            }
            for (var line : canvas.lines(english.get("print.certificate.completed"), 9.5, false, right - left, 2)) {
                centred(y, line, 9.5, false, Ink.TEXT);
                y += 13;
            }
        }

        /** The particulars from {@code top}; returns where they end. */
        double particulars(TraineeRecord record, double top) {
            var period = period(record.rotations());
            var partners = new LinkedHashSet<String>();
            var mentors = new LinkedHashSet<String>();
            var inOrder = record.rotations().stream().filter(CalendarEntry::planned)
                    .sorted(Comparator.comparing((CalendarEntry rotation) -> rotation.offSite().from())).toList();
            for (var rotation : inOrder) {
                partners.add(chinese.format("print.certificate.partnerName", rotation.hostDepartmentName(),
                        rotation.hostHospitalName()));
                if (rotation.mentorName() != null) {
                    mentors.add(rotation.mentorName());
                }
            }
            var rows = new ArrayList<List<String>>();
            rows.add(List.of("print.certificate.staffNo", record.trainee().staffNo()));
            rows.add(List.of("print.certificate.hospital", blankIfNull(record.hospitalName())));
            rows.add(List.of("print.certificate.department", blankIfNull(record.departmentName())));
            rows.add(period == null ? List.of("print.certificate.period", "–")
                    : List.of("print.certificate.period", range(chinese, period), range(english, period)));
            rows.add(List.of("print.certificate.partner", partners.isEmpty() ? "–" : String.join(SEPARATOR, partners)));
            rows.add(List.of("print.certificate.mentor", mentors.isEmpty() ? "–" : String.join(SEPARATOR, mentors)));
            var labelX = left + 20;
            var valueX = left + 150;
            var y = top;
            for (var row : rows) {
                label(labelX, y, row.get(0), valueX - labelX - 8);
                for (var i = 1; i < row.size(); i++) {
                    canvas.text(valueX, y + (i - 1) * ITEM, row.get(i), VALUE_SIZE, false, Ink.TEXT, right - 20 - valueX);
                }
                y += ROW + (row.size() - 2) * ITEM;
            }
            return y;
        }

        /** The competencies, in two columns when many; as many as fit above the date of issue, then how many more. */
        void competencies(List<CompetencyProgress> competencies, double top) {
            centred(top, chinese.get("print.certificate.competencies") + SEPARATOR
                    + english.get("print.certificate.competencies"), 10, true, Ink.TEXT);
            var first = top + 18;
            var bottom = SIGNATURE_TOP - 56;
            var perColumn = (int) Math.floor((bottom - first) / ITEM) + 1;
            var columns = competencies.size() > 6 ? 2 : 1;
            var width = (right - left - 40) / columns;
            var capacity = perColumn * columns;
            var shown = competencies.size() > capacity ? capacity - 1 : competencies.size();
            var rows = (int) Math.ceil((double) Math.max(shown, 1) / columns);
            var x0 = columns == 1 ? center - width / 2 + 40 : left + 20;
            for (var i = 0; i < shown; i++) {
                var competency = competencies.get(i).competency();
                var x = x0 + (i / rows) * (width + 20);
                var y = first + (i % rows) * ITEM;
                canvas.bar(x, y - 5.5, 4, 4, Ink.ON_SITE);
                var drawn = canvas.text(x + 8, y, competency.nameZh(), 9, false, Ink.TEXT, width - 12);
                canvas.text(x + 8 + drawn + 6, y, competency.nameEn(), 8, false, Ink.MUTED, width - 18 - drawn);
            }
            if (shown < competencies.size()) {
                var more = competencies.size() - shown;
                var x = x0 + (shown / rows) * (width + 20);
                canvas.text(x + 8, first + (shown % rows) * ITEM, chinese.format("print.certificate.more", more)
                        + SEPARATOR + english.format("print.certificate.more", more), 8, false, Ink.MUTED, width - 12);
            }
        }

        void issue(LocalDate issuedOn) {
            var y = SIGNATURE_TOP - 28;
            centred(y, chinese.get("print.certificate.issued") + " " + chinese.date(issuedOn) + SEPARATOR
                    + english.get("print.certificate.issued") + " " + english.date(issuedOn), 9.5, false, Ink.TEXT);
        }

        void signatures() {
            var width = 170.0;
            var gap = right - left - 2 * width;
            var y = SIGNATURE_TOP + 34;
            for (var i = 0; i < 2; i++) {
                var x = left + i * (width + gap);
                var key = i == 0 ? "print.certificate.mentorSignature" : "print.certificate.hospitalSignature";
                canvas.rule(x, y, x + width, y, 0.6, Ink.TEXT);
                canvas.text(x, y + 12, chinese.get(key), 9, false, Ink.TEXT, width);
                canvas.text(x, y + 24, english.get(key), 8, false, Ink.MUTED, width);
            }
        }

        void chainHead(String head) {
            var y = PAPER.height() - BORDER - 14;
            centred(y, chinese.format("print.record.chainHead", head), 5.5, false, Ink.MUTED);
            centred(y + 7, english.format("print.record.chainHead", head), 5.5, false, Ink.MUTED);
        }

        /** A bilingual label: the Chinese, then the English under it, smaller. */
        private void label(double x, double y, String key, double width) {
            canvas.text(x, y, chinese.get(key), LABEL_SIZE + 1, false, Ink.MUTED, width);
            var zhWidth = canvas.width(chinese.get(key), LABEL_SIZE + 1, false);
            canvas.text(x + zhWidth + 5, y, english.get(key), LABEL_SIZE, false, Ink.MUTED, width - zhWidth - 5);
        }

        private void centred(double y, String text, double size, boolean bold, Ink ink) {
            var fitted = canvas.fit(text, size, bold, right - left);
            var width = canvas.width(fitted, size, bold);
            canvas.text(center - width / 2, y, fitted, size, bold, ink, width + 0.5);
        }
    }

    private static String range(Messages messages, DateRange range) {
        return messages.format("print.record.range", messages.date(range.from()), messages.date(range.to()));
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }
}
