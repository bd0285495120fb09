package org.kora.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

class ProgramCalendarTest {
    private static final ProgramTemplate MONTH_START = ProgramTemplate.DEFAULT;
    private static final ProgramTemplate ANY_DAY = new ProgramTemplate(3, 3, 0, StartRule.ANY_DAY);
    private static final ProgramTemplate SEVEN_TRAVEL_DAYS = new ProgramTemplate(3, 3, 7, StartRule.MONTH_START);

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void firstMarchStartIsOffSiteUntilThirtyFirstMay() {
        assertThat(ProgramCalendar.offSite(date("2026-03-01"), MONTH_START))
                .isEqualTo(DateRange.of(date("2026-03-01"), date("2026-05-31")));
    }

    @Test
    void firstMarchStartIsOnSiteFromFirstJuneToThirtyFirstAugust() {
        assertThat(ProgramCalendar.rotation(date("2026-03-01"), MONTH_START).onSite())
                .isEqualTo(DateRange.of(date("2026-06-01"), date("2026-08-31")));
    }

    @Test
    void rotationKeepsTheOffSiteBlock() {
        assertThat(ProgramCalendar.rotation(date("2026-03-01"), MONTH_START).offSite())
                .isEqualTo(ProgramCalendar.offSite(date("2026-03-01"), MONTH_START));
    }

    @Test
    void thirtyNovemberStartEndsTwentySeventhFebruary() {
        assertThat(ProgramCalendar.offSite(date("2026-11-30"), ANY_DAY).to()).isEqualTo(date("2027-02-27"));
    }

    @Test
    void thirtyNovemberStartBeforeALeapYearEndsTwentyEighthFebruary() {
        assertThat(ProgramCalendar.offSite(date("2027-11-30"), ANY_DAY).to()).isEqualTo(date("2028-02-28"));
    }

    @Test
    void thirtyFirstJanuaryStartEndsTwentyNinthApril() {
        // 31 January + 3 months is 30 April, the calendar's nearest day
        assertThat(ProgramCalendar.rotation(date("2026-01-31"), ANY_DAY))
                .isEqualTo(new RotationDates(DateRange.of(date("2026-01-31"), date("2026-04-29")),
                        DateRange.of(date("2026-04-30"), date("2026-07-29"))));
    }

    @Test
    void twentyNinthFebruaryStartEndsTwentyEighthMay() {
        assertThat(ProgramCalendar.rotation(date("2028-02-29"), ANY_DAY))
                .isEqualTo(new RotationDates(DateRange.of(date("2028-02-29"), date("2028-05-28")),
                        DateRange.of(date("2028-05-29"), date("2028-08-28"))));
    }

    @Test
    void travelDaysDelayTheOnSiteBlock() {
        assertThat(ProgramCalendar.rotation(date("2026-03-01"), SEVEN_TRAVEL_DAYS).onSite())
                .isEqualTo(DateRange.of(date("2026-06-08"), date("2026-09-07")));
    }

    @Test
    void travelDaysLeaveTheOffSiteBlockAlone() {
        assertThat(ProgramCalendar.rotation(date("2026-03-01"), SEVEN_TRAVEL_DAYS).offSite())
                .isEqualTo(DateRange.of(date("2026-03-01"), date("2026-05-31")));
    }

    @Test
    void blockLengthsFollowTheTemplate() {
        var sixPlusTwo = new ProgramTemplate(6, 2, 0, StartRule.MONTH_START);
        assertThat(ProgramCalendar.rotation(date("2026-09-01"), sixPlusTwo))
                .isEqualTo(new RotationDates(DateRange.of(date("2026-09-01"), date("2027-02-28")),
                        DateRange.of(date("2027-03-01"), date("2027-04-30"))));
    }

    @Test
    void monthStartRuleAllowsTheFirst() {
        assertThat(ProgramCalendar.allowsStart(date("2026-04-01"), MONTH_START)).isTrue();
    }

    @Test
    void monthStartRuleRefusesTheSecond() {
        assertThat(ProgramCalendar.allowsStart(date("2026-04-02"), MONTH_START)).isFalse();
    }

    @Test
    void anyDayRuleAllowsTheLastDayOfAMonth() {
        assertThat(ProgramCalendar.allowsStart(date("2026-04-30"), ANY_DAY)).isTrue();
    }

    @Test
    void firstStartOnOrAfterAFirstIsThatDay() {
        assertThat(ProgramCalendar.firstStartOnOrAfter(date("2026-04-01"), MONTH_START)).isEqualTo(date("2026-04-01"));
    }

    @Test
    void firstStartOnOrAfterMidMonthIsTheNextFirst() {
        assertThat(ProgramCalendar.firstStartOnOrAfter(date("2026-04-02"), MONTH_START)).isEqualTo(date("2026-05-01"));
    }

    @Test
    void firstStartOnOrAfterMidDecemberIsFirstJanuaryOfTheNextYear() {
        assertThat(ProgramCalendar.firstStartOnOrAfter(date("2026-12-15"), MONTH_START)).isEqualTo(date("2027-01-01"));
    }

    @Test
    void firstStartOnOrAfterAnyDayIsThatDay() {
        assertThat(ProgramCalendar.firstStartOnOrAfter(date("2026-12-15"), ANY_DAY)).isEqualTo(date("2026-12-15"));
    }

    @Test
    void nearestStartEarlyInAMonthIsItsFirst() {
        assertThat(ProgramCalendar.nearestStart(date("2026-04-10"), MONTH_START)).isEqualTo(date("2026-04-01"));
    }

    @Test
    void nearestStartLateInAMonthIsTheNextFirst() {
        assertThat(ProgramCalendar.nearestStart(date("2026-04-20"), MONTH_START)).isEqualTo(date("2026-05-01"));
    }

    @Test
    void nearestStartLateInDecemberIsFirstJanuaryOfTheNextYear() {
        assertThat(ProgramCalendar.nearestStart(date("2026-12-20"), MONTH_START)).isEqualTo(date("2027-01-01"));
    }

    @Test
    void nearestStartMidwayBetweenTwoFirstsIsTheEarlierOne() {
        // 15 February 2027 is 14 days after 1 February and 14 days before 1 March
        assertThat(ProgramCalendar.nearestStart(date("2027-02-15"), MONTH_START)).isEqualTo(date("2027-02-01"));
    }

    @Test
    void nearestStartOnAFirstIsThatDay() {
        assertThat(ProgramCalendar.nearestStart(date("2026-12-01"), MONTH_START)).isEqualTo(date("2026-12-01"));
    }

    @Test
    void nearestStartForAnyDayIsThatDay() {
        assertThat(ProgramCalendar.nearestStart(date("2026-04-20"), ANY_DAY)).isEqualTo(date("2026-04-20"));
    }

    @Test
    void everyStartFrom2024To2028GivesAnOffSiteBlockOfWholeMonths() {
        for (var start = date("2024-01-01"); start.getYear() <= 2028; start = start.plusDays(1)) {
            for (var months = 1; months <= 6; months++) {
                var template = new ProgramTemplate(months, 3, 0, StartRule.ANY_DAY);
                var offSite = ProgramCalendar.offSite(start, template);
                assertThat(offSite.from()).as("start %s", start).isEqualTo(start);
                assertThat(offSite.to()).as("end of %d months from %s", months, start)
                        .isEqualTo(start.plusMonths(months).minusDays(1));
                // a check that does not lean on plusMonths: n calendar months last 28n to 31n days
                assertThat(offSite.days()).as("length of %d months from %s", months, start)
                        .isBetween(28L * months, 31L * months);
            }
        }
    }

    @Test
    void everyStartFrom2024To2028PutsExactlyTheTravelDaysBetweenTheBlocks() {
        for (var start = date("2024-01-01"); start.getYear() <= 2028; start = start.plusDays(1)) {
            for (var travelDays : new int[] {0, 1, 7, 30}) {
                var template = new ProgramTemplate(3, 3, travelDays, StartRule.ANY_DAY);
                var rotation = ProgramCalendar.rotation(start, template);
                assertThat(rotation.onSite().from()).as("on-site start after %s with %d travel days", start, travelDays)
                        .isEqualTo(rotation.offSite().to().plusDays(travelDays + 1L));
                assertThat(ChronoUnit.DAYS.between(rotation.offSite().to(), rotation.onSite().from()) - 1)
                        .as("days between the blocks").isEqualTo(travelDays);
                assertThat(rotation.onSite().to()).as("on-site end after %s", start)
                        .isEqualTo(rotation.onSite().from().plusMonths(3).minusDays(1));
            }
        }
    }
}
