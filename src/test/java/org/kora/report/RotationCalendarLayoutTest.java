package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kora.report.PageItems.HALF_EM;
import static org.kora.report.PageItems.strings;
import static org.kora.report.PageItems.texts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kora.domain.CalendarEntry;
import org.kora.domain.DateRange;
import org.kora.domain.Language;
import org.kora.domain.Messages;

class RotationCalendarLayoutTest {
    private static final Messages ENGLISH = new Messages(Language.EN);
    private static final LocalDate PRINTED = LocalDate.of(2026, 11, 23);

    private final RotationCalendarLayout layout = new RotationCalendarLayout(ENGLISH, HALF_EM);

    private static CalendarOptions year(CalendarGrouping grouping, Paper paper) {
        return new CalendarOptions(new PageSetup("Rotations 2027", paper, PRINTED), grouping,
                YearMonth.of(2027, 1), YearMonth.of(2027, 12));
    }

    /** Trainees named T0001…, in cohorts of 40, planned in 2027. */
    private static List<CalendarEntry> trainees(int count) {
        return trainees(count, 40);
    }

    private static List<CalendarEntry> trainees(int count, int perCohort) {
        var entries = new ArrayList<CalendarEntry>();
        for (var i = 1; i <= count; i++) {
            var start = LocalDate.of(2027, 1 + i % 12, 1);
            var cohort = 1 + (i - 1) / perCohort;
            entries.add(new CalendarEntry(i, i, String.format("T%04d", i), "S" + i, cohort, "Cohort " + cohort,
                    1 + i % 3, "Dept " + (i % 3), "Batang", 10, "Anaesthesia", "Shuangliu",
                    DateRange.of(start, start.plusMonths(3).minusDays(1)),
                    DateRange.of(start.plusMonths(3), start.plusMonths(6).minusDays(1)), 7L, "Mentor Zhou", true, i % 17 == 0));
        }
        return entries;
    }

    @Test
    void everyRotationIsOnExactlyOnePage() {
        var document = layout.layout(trainees(1000), year(CalendarGrouping.COHORT, Paper.A4_LANDSCAPE));

        Map<String, Integer> seen = new HashMap<>();
        for (var page : document.pages()) {
            strings(page).stream().filter(text -> text.matches("T\\d{4}")).forEach(name -> seen.merge(name, 1, Integer::sum));
        }
        assertThat(seen).hasSize(1000);
        assertThat(seen.values()).containsOnly(1);
        assertThat(document.pages()).hasSizeBetween(20, 30);
    }

    @Test
    void everyPageRepeatsTheTitleLegendAndMonthHeader() {
        var document = layout.layout(trainees(200), year(CalendarGrouping.COHORT, Paper.A4_LANDSCAPE));

        assertThat(document.pages()).hasSizeGreaterThan(1);
        for (var page : document.pages()) {
            assertThat(strings(page)).contains("Rotations 2027", "Printed " + ENGLISH.date(PRINTED), "Trainee",
                    "Home department", "2027", "Jan", "Dec", "Off site: partner department", "On site: mentor");
        }
    }

    @Test
    void aGroupRunningOntoTheNextPageIsHeadedThereAsContinued() {
        var document = layout.layout(trainees(100, 100), year(CalendarGrouping.COHORT, Paper.A4_LANDSCAPE));

        assertThat(document.pages()).hasSize(3);
        assertThat(strings(document.pages().get(0))).contains("Cohort 1").doesNotContain("Cohort 1 (continued)");
        assertThat(strings(document.pages().get(1))).contains("Cohort 1 (continued)").doesNotContain("Cohort 1");
        assertThat(strings(document.pages().get(2))).contains("Cohort 1 (continued)");
    }

    @Test
    void everyPageSaysWhichOfHowManyItIs() {
        var document = layout.layout(trainees(200), year(CalendarGrouping.HOME_DEPARTMENT, Paper.A4_LANDSCAPE));

        var total = document.pages().size();
        for (var i = 0; i < total; i++) {
            assertThat(strings(document.pages().get(i))).contains("Page " + (i + 1) + " of " + total);
        }
    }

    @Test
    void nothingIsDrawnOutsideTheMargins() {
        for (var paper : Paper.values()) {
            var document = layout.layout(trainees(300), year(CalendarGrouping.HOME_DEPARTMENT, paper));
            for (var page : document.pages()) {
                var box = PageItems.extent(page, HALF_EM);
                assertThat(box[0]).as(paper + " left").isGreaterThanOrEqualTo(PageSequence.MARGIN - 0.5);
                assertThat(box[1]).as(paper + " top").isGreaterThanOrEqualTo(PageSequence.MARGIN - 0.5);
                assertThat(box[2]).as(paper + " right").isLessThanOrEqualTo(paper.width() - PageSequence.MARGIN + 0.5);
                assertThat(box[3]).as(paper + " bottom").isLessThanOrEqualTo(paper.height() - PageSequence.MARGIN + 0.5);
            }
        }
    }

    @Test
    void aYearFitsOneA4LandscapeRun() {
        var document = layout.layout(trainees(10), year(CalendarGrouping.COHORT, Paper.A4_LANDSCAPE));

        assertThat(document.pages()).hasSize(1);
        assertThat(strings(document.pages().get(0))).contains("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                "Sep", "Oct", "Nov", "Dec");
    }

    @Test
    void monthsThatDoNotFitContinueOnFurtherPages() {
        var options = new CalendarOptions(new PageSetup("Two years", Paper.A4_LANDSCAPE, PRINTED), CalendarGrouping.COHORT,
                YearMonth.of(2027, 1), YearMonth.of(2028, 12));

        var document = layout.layout(trainees(10), options);

        assertThat(document.pages()).hasSize(2);
        assertThat(strings(document.pages().get(0))).contains("2027", "T0001").doesNotContain("2028");
        assertThat(strings(document.pages().get(1))).contains("2028", "T0001").doesNotContain("2027");
    }

    @Test
    void barsCarryThePartnerDepartmentAndTheMentorClippedToTheBar() {
        var document = layout.layout(trainees(1), year(CalendarGrouping.COHORT, Paper.A4_LANDSCAPE));
        var page = document.pages().get(0);

        var offSite = PageItems.rects(page, Ink.OFF_SITE).stream().filter(rect -> rect.height() > 7).findFirst().orElseThrow();
        var onSite = PageItems.rects(page, Ink.ON_SITE).stream().filter(rect -> rect.height() > 7).findFirst().orElseThrow();
        var department = texts(page).stream().filter(run -> run.text().equals("Anaesthesia")).findFirst().orElseThrow();
        var mentor = texts(page).stream().filter(run -> run.text().equals("Mentor Zhou")).findFirst().orElseThrow();
        assertThat(department.x()).isBetween(offSite.x(), offSite.x() + offSite.width());
        assertThat(department.x() + department.clipWidth()).isLessThanOrEqualTo(offSite.x() + offSite.width());
        assertThat(mentor.x()).isBetween(onSite.x(), onSite.x() + onSite.width());
        assertThat(mentor.x() + mentor.clipWidth()).isLessThanOrEqualTo(onSite.x() + onSite.width());
        assertThat(onSite.x()).isCloseTo(offSite.x() + offSite.width(), org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void aLongNameIsShortenedToItsCell() {
        var entry = trainees(1).get(0);
        var longName = "Ngawang Tenzin Lobsang Choekyi Gyaltsen Rinpoche of Batang";
        var named = new CalendarEntry(1, 1, longName, "S1", 1, "Cohort 1", 1, "Dept", "Batang", 10, "Anaesthesia",
                "Shuangliu", entry.offSite(), entry.onSite(), 7L, "Mentor Zhou", true, false);

        var page = layout.layout(List.of(named), year(CalendarGrouping.COHORT, Paper.A4_LANDSCAPE)).pages().get(0);

        var name = texts(page).stream().filter(run -> run.text().startsWith("Ngawang")).findFirst().orElseThrow();
        assertThat(name.text()).endsWith("…").isNotEqualTo(longName);
        assertThat(HALF_EM.width(name.text(), name.size(), name.bold())).isLessThanOrEqualTo(name.clipWidth());
    }

    @Test
    void aRotationInConflictIsMarkedAndItsNameBold() {
        var page = layout.layout(trainees(17), year(CalendarGrouping.COHORT, Paper.A4_LANDSCAPE)).pages().get(0);

        var name = texts(page).stream().filter(run -> run.text().equals("T0017")).findFirst().orElseThrow();
        var others = texts(page).stream().filter(run -> run.text().matches("T00(0\\d|1[0-6])")).toList();
        assertThat(name.bold()).isTrue();
        assertThat(others).allSatisfy(run -> assertThat(run.bold()).isFalse());
        // one mark in the legend, one on the row
        assertThat(PageItems.rects(page, Ink.CONFLICT)).hasSize(2)
                .anySatisfy(mark -> assertThat(mark.y()).isBetween(name.y() - 10, name.y()));
    }

    @Test
    void aRotationNotYetPlannedIsListedAsSuch() {
        var unplanned = new CalendarEntry(1, 1, "Unplaced", "S1", 1, "Cohort 1", 1, "Dept", "Batang", 10, "Anaesthesia",
                "Shuangliu", null, null, null, null, false, false);

        var page = layout.layout(List.of(unplanned), year(CalendarGrouping.COHORT, Paper.A4_LANDSCAPE)).pages().get(0);

        assertThat(strings(page)).contains("Unplaced", "Not planned yet");
    }
}
