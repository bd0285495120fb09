package org.kora.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.kora.domain.DateRange;
import org.kora.domain.ProgramTemplate;

/**
 * Planning problems shaped like the program's reality, for benchmarks and tests; the same size
 * and seed always give the same problem. docs/planner.md ("Generated problems") describes the
 * shapes and distributions.
 */
final class ProblemGenerator {
    static final LocalDate HORIZON_START = LocalDate.of(2026, 1, 1);
    private static final String[] SPECIALTIES = {"ANES", "OPHT", "NEPH", "OBGY", "SURG", "MED", "PAED", "RAD",
        "LAB", "EMER", "ORTH", "ENT"};
    /** Spring Festival (春节) and Losar (ལོ་གསར་) new year days, 2026 to 2031. */
    private static final String[] SPRING_FESTIVAL = {"2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13",
        "2030-02-03", "2031-01-23"};
    private static final String[] LOSAR = {"2026-02-18", "2027-02-07", "2028-02-26", "2029-02-14", "2030-03-05",
        "2031-02-22"};

    private final SplittableRandom random;
    private final int horizonMonths;
    private final DateRange horizon;
    private final List<HostDepartment> hosts = new ArrayList<>();
    private final Map<String, HostDepartment> hostById = new HashMap<>();
    private final List<HomeDepartment> homes = new ArrayList<>();
    private final List<MentorSpec> mentors = new ArrayList<>();
    private final List<TraineeSpec> trainees = new ArrayList<>();

    private ProblemGenerator(long seed, int horizonMonths) {
        this.random = new SplittableRandom(seed);
        this.horizonMonths = horizonMonths;
        this.horizon = DateRange.of(HORIZON_START, HORIZON_START.plusMonths(horizonMonths).minusDays(1));
    }

    /** A problem with {@code size} trainees over three years (2026–2028). */
    static PlanningProblem generate(int size, long seed) {
        return generate(size, seed, 36);
    }

    /** A problem with {@code size} trainees over a horizon of {@code horizonMonths} from 1 January 2026. */
    static PlanningProblem generate(int size, long seed, int horizonMonths) {
        return new ProblemGenerator(seed, horizonMonths).build(size);
    }

    private PlanningProblem build(int size) {
        var hospital = 0;
        while (trainees.size() < size) {
            hospital++;
            addHomeHospital(hospital, size);
        }
        return new PlanningProblem(horizon, ProgramTemplate.DEFAULT, blackouts(), hosts, homes, mentors, trainees,
                List.of());
    }

    /**
     * A home hospital with 3 to 6 departments. Every three home hospitals share a partner hospital,
     * whose department of a specialty hosts the trainees of that specialty from all three; some home
     * hospitals also send trainees to the next partner hospital.
     */
    private void addHomeHospital(int hospital, int size) {
        var partner = (hospital - 1) / 3 + 1;
        var departments = 3 + random.nextInt(4);
        var first = random.nextInt(SPECIALTIES.length);
        for (var d = 0; d < departments && trainees.size() < size; d++) {
            var specialty = SPECIALTIES[(first + d) % SPECIALTIES.length];
            var headcount = 4 + random.nextInt(12);
            var away = 1 + random.nextInt(Math.min(3, headcount - 1));
            var home = new HomeDepartment(String.format("H%03d-%s", hospital, specialty), headcount, headcount - away);
            homes.add(home);
            addMentors(home);
            var count = Math.min(size - trainees.size(), 1 + random.nextInt(Math.min(headcount, 7)));
            var secondPartner = random.nextInt(10) < 3 ? partner + 1 : partner;
            for (var i = 0; i < count; i++) {
                var host = host(random.nextBoolean() ? partner : secondPartner, specialty);
                addTrainee(home, host);
            }
        }
    }

    private HostDepartment host(int partner, String specialty) {
        return hostById.computeIfAbsent(String.format("P%02d-%s", partner, specialty), id -> {
            var host = new HostDepartment(id, 1 + random.nextInt(4));
            hosts.add(host);
            return host;
        });
    }

    /**
     * Mentors of a home department, one after another from before the horizon to after it: stays
     * of 6 to 12 months, gaps of 0 to 2½ months between them, a second track of overlapping mentors
     * in a third of departments, some stays booked as two back-to-back deployments, and one
     * department in 50 with no mentor at all.
     */
    private void addMentors(HomeDepartment home) {
        if (random.nextInt(50) == 0) {
            return;
        }
        var tracks = random.nextInt(3) == 0 ? 2 : 1;
        for (var track = 0; track < tracks; track++) {
            var from = horizon.from().minusMonths(random.nextInt(7)).plusMonths(track * 4L);
            while (from.isBefore(horizon.to())) {
                var to = from.plusMonths(6 + random.nextInt(7)).minusDays(1);
                var deployments = new ArrayList<DateRange>();
                if (random.nextInt(4) == 0) {
                    var split = from.plusMonths(3);
                    deployments.add(DateRange.of(from, split.minusDays(1)));
                    deployments.add(DateRange.of(split, to));
                } else {
                    deployments.add(DateRange.of(from, to));
                }
                mentors.add(new MentorSpec(String.format("M%05d", mentors.size() + 1), home.id(),
                        1 + random.nextInt(3), deployments));
                from = to.plusDays(1).plusMonths(random.nextInt(3)).plusDays(random.nextInt(15));
            }
        }
    }

    /**
     * Earliest starts: six in ten on a cohort date (1 March or 1 September), the rest on any day,
     * all in the horizon's first part (its length less a year); one in ten has two to four weeks of
     * leave in the year after; one in seven must end within 6 to 14 months of the earliest start.
     */
    private void addTrainee(HomeDepartment home, HostDepartment host) {
        var spread = Math.max(1, horizonMonths - 12);
        LocalDate earliest;
        if (random.nextInt(10) < 6) {
            var cohorts = new ArrayList<LocalDate>();
            for (var month = horizon.from().withMonth(3); month.isBefore(horizon.from().plusMonths(spread));
                 month = month.plusMonths(6)) {
                cohorts.add(month);
            }
            earliest = cohorts.isEmpty() ? horizon.from() : cohorts.get(random.nextInt(cohorts.size()));
        } else {
            earliest = horizon.from().plusDays(random.nextInt(spread * 30));
        }
        var leave = new ArrayList<DateRange>();
        if (random.nextInt(10) == 0) {
            var from = earliest.plusDays(random.nextInt(365));
            leave.add(DateRange.of(from, from.plusDays(13 + random.nextInt(15))));
        }
        var latestEnd = random.nextInt(7) == 0 ? earliest.plusMonths(6).plusDays(random.nextInt(240)) : null;
        trainees.add(new TraineeSpec(String.format("T%05d", trainees.size() + 1), home.id(), host.id(), earliest,
                latestEnd, leave));
    }

    private List<BlackoutPeriod> blackouts() {
        var blackouts = new ArrayList<BlackoutPeriod>();
        for (var i = 0; i < SPRING_FESTIVAL.length; i++) {
            var festival = LocalDate.parse(SPRING_FESTIVAL[i]);
            var losar = LocalDate.parse(LOSAR[i]);
            addIfInside(blackouts, DateRange.of(festival.minusDays(5), festival.plusDays(10)), "Spring Festival");
            addIfInside(blackouts, DateRange.of(losar.minusDays(3), losar.plusDays(15)), "Losar");
        }
        return blackouts;
    }

    private void addIfInside(List<BlackoutPeriod> blackouts, DateRange range, String label) {
        if (range.overlaps(horizon)) {
            blackouts.add(new BlackoutPeriod(range, label + " " + range.from().getYear()));
        }
    }
}
