package org.kora.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import org.kora.domain.Blackout;
import org.kora.domain.Festivals;
import org.kora.domain.DateRange;
import org.kora.domain.ProgramCalendar;
import org.kora.domain.ProgramTemplate;
import org.kora.domain.RotationDates;
import org.kora.domain.StartRule;

/**
 * The demo's dates, anchored on today so that the demo means the same in any year: the holidays
 * that become blackouts, about two cohorts a year from four years ago to next year (one of them on
 * site today, the next off site today), and the mentors' stays around the blocks they mentor.
 */
final class DemoCalendar {
    /** Where a cohort stands on the demo's today. */
    enum Stage {
        /** Started: confirmed rotations with both blocks. */
        CONFIRMED,
        /** The next cohort: blocks planned, not yet confirmed. */
        PLANNED,
        /** Later cohorts: rotations with no blocks, waiting for the auto-planner. */
        WAITING
    }

    /** A cohort of the demo; a waiting cohort's dates are only what HR has in mind for it. */
    record Slot(String name, Start start, Stage stage) {
        RotationDates dates() {
            return start.dates();
        }
    }

    /** A cohort's first day and template. */
    record Start(LocalDate day, ProgramTemplate template) {
        RotationDates dates() {
            return ProgramCalendar.rotation(day, template);
        }

        DateRange span() {
            return DateRange.of(dates().offSite().from(), dates().onSite().to());
        }

        /**
         * Whether each of this cohort's blocks ends before the later cohort's block of the same kind
         * begins. Cohorts that follow each other this way never share a host department, a home
         * department's away allowance or a mentor on any day, so each cohort can be filled alone.
         */
        boolean precedes(Start later) {
            var mine = dates();
            var theirs = later.dates();
            return mine.offSite().to().isBefore(theirs.offSite().from())
                    && mine.onSite().to().isBefore(theirs.onSite().from());
        }
    }

    /** One past cohort waits a week between its blocks, to show a template with travel days. */
    private static final ProgramTemplate WITH_TRAVEL = new ProgramTemplate(3, 3, 7, StartRule.MONTH_START);

    /** Counted back from the cohort on site today: the third earlier cohort gets {@link #WITH_TRAVEL}. */
    private static final int TRAVEL_COHORT = 2;

    /** Spring and autumn intakes, the way hospitals usually send staff away for training. */
    private static final Set<Integer> INTAKE_MONTHS = Set.of(3, 9);
    /** About two cohorts a year; {@link Start#precedes} holds from three months on. */
    private static final int MONTHS_BETWEEN = 5;
    private static final int MIN_STAY_MONTHS = 6;
    private static final int MAX_STAY_MONTHS = 12;

    private final LocalDate today;
    private final List<Blackout> blackouts;

    DemoCalendar(LocalDate today) {
        this.today = today;
        var blackouts = new ArrayList<Blackout>();
        // one year past the last cohort's start, whose on-site block may begin early in the next year
        for (var year = firstYear(); year <= lastYear() + 1; year++) {
            blackouts.add(Festivals.springFestivalBlackout(year));
            blackouts.add(Festivals.losarBlackout(year));
        }
        this.blackouts = List.copyOf(blackouts);
    }

    int firstYear() {
        return today.getYear() - 4;
    }

    int lastYear() {
        return today.getYear() + 1;
    }

    List<Blackout> blackouts() {
        return blackouts;
    }

    /**
     * The demo's cohorts in order of start, named by year of start ("2026年第1批"). Besides the two
     * running today they are five to seven months apart, on the spring or autumn intake where one
     * is near, a month or two off where a blackout forbids a start.
     */
    List<Slot> cohorts() {
        var starts = new ArrayList<Start>(runningToday());
        for (var back = 0; ; back++) {
            var later = starts.get(0);
            var template = back == TRAVEL_COHORT ? WITH_TRAVEL : ProgramTemplate.DEFAULT;
            var target = towardsIntake(later.day().minusMonths(MONTHS_BETWEEN), -1);
            var found = near(target, -1, template,
                    start -> start.day().getYear() >= firstYear() && start.precedes(later));
            if (found.isEmpty()) {
                break;
            }
            starts.add(0, found.get());
        }
        while (true) {
            var earlier = starts.get(starts.size() - 1);
            var target = towardsIntake(earlier.day().plusMonths(MONTHS_BETWEEN), 1);
            var found = near(target, 1, ProgramTemplate.DEFAULT,
                    start -> start.day().getYear() <= lastYear() && earlier.precedes(start));
            if (found.isEmpty()) {
                break;
            }
            starts.add(found.get());
        }
        var slots = slots(starts);
        if (slots.stream().filter(slot -> slot.stage() != Stage.CONFIRMED).count() < 2) {
            throw new IllegalStateException("the demo of " + today + " needs a planned and a waiting cohort");
        }
        return slots;
    }

    /** The spring or autumn intake up to two months from {@code month} in {@code direction} (±1), else the month. */
    private static LocalDate towardsIntake(LocalDate month, int direction) {
        for (var step = 0; step <= 2; step++) {
            var candidate = month.plusMonths((long) step * direction);
            if (INTAKE_MONTHS.contains(candidate.getMonthValue())) {
                return candidate;
            }
        }
        return month;
    }

    /**
     * One cohort whose on-site block holds today (so the mentor account has mentees) and the next,
     * whose off-site block holds today: the first starts three to five months before this month,
     * the second up to two months before it.
     */
    private List<Start> runningToday() {
        var month = today.withDayOfMonth(1);
        for (var onSiteBack : new int[] {4, 3, 5}) {
            var onSite = new Start(month.minusMonths(onSiteBack), ProgramTemplate.DEFAULT);
            for (var offSiteBack : new int[] {1, 0, 2}) {
                var offSite = new Start(month.minusMonths(offSiteBack), ProgramTemplate.DEFAULT);
                if (allowed(onSite) && allowed(offSite) && onSite.precedes(offSite)) {
                    return List.of(onSite, offSite);
                }
            }
        }
        throw new IllegalStateException("no cohort start near " + month + " avoids the blackouts");
    }

    /**
     * {@code target}, or the nearest month up to two away (first in {@code direction}, ±1, away from
     * the neighbour), whose blocks start outside every blackout and that {@code fits}.
     */
    private Optional<Start> near(LocalDate target, int direction, ProgramTemplate template, Predicate<Start> fits) {
        for (var offset : new int[] {0, direction, -direction, 2 * direction, -2 * direction}) {
            var start = new Start(target.plusMonths(offset), template);
            if (allowed(start) && fits.test(start)) {
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    /** The blackout rule: neither block may start inside a blackout. */
    private boolean allowed(Start start) {
        var dates = start.dates();
        return blackouts.stream().noneMatch(blackout -> blackout.range().contains(dates.offSite().from())
                || blackout.range().contains(dates.onSite().from()));
    }

    private List<Slot> slots(List<Start> starts) {
        var perYear = new HashMap<Integer, Integer>();
        var slots = new ArrayList<Slot>();
        var futureSeen = false;
        for (var start : starts) {
            var year = start.day().getYear();
            var number = perYear.merge(year, 1, Integer::sum);
            Stage stage;
            if (!start.day().isAfter(today)) {
                stage = Stage.CONFIRMED;
            } else {
                stage = futureSeen ? Stage.WAITING : Stage.PLANNED;
                futureSeen = true;
            }
            slots.add(new Slot(year + "年第" + number + "批", start, stage));
        }
        return slots;
    }

    /**
     * A mentor's deployments: a stay of whole months around each on-site block the mentor serves,
     * padded by up to two months on either side and at least six months long; stays that touch are
     * joined, and a long one is cut into back-to-back deployments of six to twelve months, the way
     * a deployment is renewed. Gaps remain between stays that do not touch.
     */
    static List<DateRange> deployments(List<DateRange> windows, Random random) {
        var stays = new ArrayList<Stay>();
        for (var window : windows.stream().sorted(Comparator.comparing(DateRange::from)).toList()) {
            var from = YearMonth.from(window.from()).minusMonths(random.nextInt(3));
            var to = YearMonth.from(window.to()).plusMonths(random.nextInt(3));
            var stay = new Stay(from, to.plusMonths(Math.max(0, MIN_STAY_MONTHS - months(from, to))));
            var last = stays.size() - 1;
            if (last >= 0 && stays.get(last).touches(stay)) {
                stays.set(last, stays.get(last).join(stay));
            } else {
                stays.add(stay);
            }
        }
        var deployments = new ArrayList<DateRange>();
        for (var stay : stays) {
            var from = stay.from();
            var left = months(from, stay.to());
            while (left > MAX_STAY_MONTHS) {
                var most = (int) Math.min(MAX_STAY_MONTHS, left - MIN_STAY_MONTHS);
                var piece = MIN_STAY_MONTHS + random.nextInt(most - MIN_STAY_MONTHS + 1);
                deployments.add(DateRange.of(from.atDay(1), from.plusMonths(piece - 1L).atEndOfMonth()));
                from = from.plusMonths(piece);
                left -= piece;
            }
            deployments.add(DateRange.of(from.atDay(1), stay.to().atEndOfMonth()));
        }
        return deployments;
    }

    /** Whole months a mentor spends on site without a break. */
    private record Stay(YearMonth from, YearMonth to) {
        /** Whether {@code later} starts no later than the month after this stay ends, so the two are one stay. */
        boolean touches(Stay later) {
            return !to.plusMonths(1).isBefore(later.from);
        }

        Stay join(Stay later) {
            return new Stay(from, later.to.isAfter(to) ? later.to : to);
        }
    }

    /** Months from {@code from} to {@code to}, both counted. */
    private static long months(YearMonth from, YearMonth to) {
        return ChronoUnit.MONTHS.between(from, to) + 1;
    }
}
