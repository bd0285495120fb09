package org.kora.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * The festivals during which no block should start, and their usual blackouts: the Spring Festival
 * (春节) and Losar (藏历新年). The defaults a planner starts from and corrects in the settings.
 */
public final class Festivals {
    private static final int CYCLE_START = 2020;
    /**
     * The Spring Festival (正月初一) of 2020 to 2038: one Metonic cycle, after which the lunar
     * calendar repeats within a day or two.
     */
    private static final List<MonthDay> SPRING_FESTIVAL = List.of(
            MonthDay.of(1, 25), MonthDay.of(2, 12), MonthDay.of(2, 1), MonthDay.of(1, 22), MonthDay.of(2, 10),
            MonthDay.of(1, 29), MonthDay.of(2, 17), MonthDay.of(2, 6), MonthDay.of(1, 26), MonthDay.of(2, 13),
            MonthDay.of(2, 3), MonthDay.of(1, 23), MonthDay.of(2, 11), MonthDay.of(1, 31), MonthDay.of(2, 19),
            MonthDay.of(2, 8), MonthDay.of(1, 28), MonthDay.of(2, 15), MonthDay.of(2, 4));

    private Festivals() {
    }

    /** 正月初一: exact for 2020–2038, the same day of the 19-year cycle (within a day or two) for other years. */
    public static LocalDate springFestival(int year) {
        return SPRING_FESTIVAL.get(Math.floorMod(year - CYCLE_START, SPRING_FESTIVAL.size())).atYear(year);
    }

    /**
     * An estimate of Losar (Phugpa calendar): the Spring Festival or the day after, or one lunar
     * month later when the Spring Festival is early. The Tibetan leap months do not follow the
     * Chinese ones, so the estimate can be a month off: the year's almanac (藏历) decides.
     */
    public static LocalDate estimatedLosar(int year) {
        var festival = springFestival(year);
        return festival.isBefore(LocalDate.of(year, 2, 5)) ? festival.plusDays(30) : festival.plusDays(1);
    }

    /** The usual Spring Festival blackout of {@code year}: five days before to ten days after. */
    public static Blackout springFestivalBlackout(int year) {
        var festival = springFestival(year);
        return new Blackout(0, festival.minusDays(5), festival.plusDays(10), "春节 " + year);
    }

    /** The usual Losar blackout of {@code year}, on the estimated date: two days before to twelve after. */
    public static Blackout losarBlackout(int year) {
        var losar = estimatedLosar(year);
        return new Blackout(0, losar.minusDays(2), losar.plusDays(12), "藏历新年 " + year);
    }
}
