package org.kora.domain;

import java.time.LocalDate;

/**
 * The calendar arithmetic of the planning rules. A block of n months that starts on s ends on
 * {@code s.plusMonths(n) − 1 day}, the way the calendar does it: 30 November + 3 months ends on
 * 27 February (28 February in a leap year), since 30 November + 3 months is 28 (29) February.
 */
public final class ProgramCalendar {
    private ProgramCalendar() {
    }

    /** The off-site block starting on {@code start}. */
    public static DateRange offSite(LocalDate start, ProgramTemplate template) {
        return monthsFrom(start, template.offSiteMonths());
    }

    /** Both blocks of a rotation whose off-site block starts on {@code start}. */
    public static RotationDates rotation(LocalDate start, ProgramTemplate template) {
        var offSite = offSite(start, template);
        var onSiteStart = offSite.to().plusDays(1L + template.travelDays());
        return new RotationDates(offSite, monthsFrom(onSiteStart, template.onSiteMonths()));
    }

    /** Whether {@code start} is allowed by the template's start rule. */
    public static boolean allowsStart(LocalDate start, ProgramTemplate template) {
        return template.startRule() == StartRule.ANY_DAY || start.getDayOfMonth() == 1;
    }

    /** The first start on or after {@code day} that the start rule allows. */
    public static LocalDate firstStartOnOrAfter(LocalDate day, ProgramTemplate template) {
        if (allowsStart(day, template)) {
            return day;
        }
        return day.withDayOfMonth(1).plusMonths(1);
    }

    /** The start the rule allows nearest to {@code day}: for MONTH_START the closer 1st of a month. */
    public static LocalDate nearestStart(LocalDate day, ProgramTemplate template) {
        if (allowsStart(day, template)) {
            return day;
        }
        var before = day.withDayOfMonth(1);
        var after = before.plusMonths(1);
        return day.toEpochDay() - before.toEpochDay() <= after.toEpochDay() - day.toEpochDay() ? before : after;
    }

    private static DateRange monthsFrom(LocalDate start, int months) {
        return DateRange.of(start, start.plusMonths(months).minusDays(1));
    }
}
