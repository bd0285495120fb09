package org.kora.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.kora.domain.DateRange;
import org.kora.domain.ProgramCalendar;
import org.kora.domain.ProgramTemplate;

/** Random problems, plans and moves from a seed, crowded enough that every rule breaks somewhere. */
final class RandomPlans {
    private final Random random;
    private final int trainees;
    final PlanningProblem problem;
    final Plan plan;

    RandomPlans(long seed, int trainees) {
        this.random = new Random(seed);
        this.trainees = trainees;
        this.problem = problem();
        this.plan = plan();
    }

    private PlanningProblem problem() {
        var departments = Math.max(2, trainees / 50);
        var homes = new ArrayList<HomeDepartment>();
        var hosts = new ArrayList<HostDepartment>();
        for (var i = 0; i < departments; i++) {
            var headcount = 4 + random.nextInt(30);
            homes.add(new HomeDepartment("H" + i, headcount, headcount / 2 + random.nextInt(headcount / 2)));
            hosts.add(new HostDepartment("P" + i, 1 + random.nextInt(8)));
        }
        var mentors = new ArrayList<MentorSpec>();
        for (var i = 0; i < departments * 3; i++) {
            var deployments = new ArrayList<DateRange>();
            for (var d = random.nextInt(3); d >= 0; d--) {
                var from = day();
                deployments.add(DateRange.of(from, from.plusDays(30 + random.nextInt(400))));
            }
            mentors.add(new MentorSpec("M" + i, "H" + random.nextInt(departments), 1 + random.nextInt(4), deployments));
        }
        var specs = new ArrayList<TraineeSpec>();
        for (var i = 0; i < trainees; i++) {
            var leave = new ArrayList<DateRange>();
            if (random.nextInt(5) == 0) {
                var from = day();
                leave.add(DateRange.of(from, from.plusDays(random.nextInt(20))));
            }
            var earliest = day();
            var latest = random.nextInt(4) == 0 ? earliest.plusMonths(6 + random.nextInt(12)) : null;
            specs.add(new TraineeSpec("T" + i, "H" + random.nextInt(departments), "P" + random.nextInt(departments),
                    earliest, latest, leave));
        }
        var blackouts = List.of(new BlackoutPeriod(DateRange.of(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 20)),
                "Losar"));
        var fixed = new ArrayList<Assignment>();
        for (var i = 0; i < trainees / 10; i++) {
            fixed.add(rotation("T" + random.nextInt(trainees), start(), mentor(mentors.size())));
        }
        return new PlanningProblem(ProblemBuilder.HORIZON, ProgramTemplate.DEFAULT, blackouts, hosts, homes, mentors,
                specs, fixed);
    }

    private Plan plan() {
        var assignments = new ArrayList<Assignment>();
        for (var i = 0; i < trainees; i++) {
            assignments.add(rotation("T" + i, start(), mentor(problem.mentors().size())));
        }
        assignments.add(rotation("T" + random.nextInt(trainees), start(), mentor(problem.mentors().size())));
        assignments.add(rotation("T-unknown", start(), mentor(problem.mentors().size())));
        return new Plan(assignments, List.of());
    }

    /** A random move: which trainee, the new off-site start, the new mentor. */
    record Move(String trainee, LocalDate start, String mentor) {
    }

    Move move() {
        var trainee = random.nextInt(50) == 0 ? "T-unknown" : "T" + random.nextInt(trainees);
        return new Move(trainee, start(), mentor(problem.mentors().size()));
    }

    private Assignment rotation(String trainee, LocalDate start, String mentor) {
        var dates = ProgramCalendar.rotation(start, problem == null ? ProgramTemplate.DEFAULT : problem.program());
        return new Assignment(trainee, dates.offSite(), dates.onSite(), mentor);
    }

    private LocalDate day() {
        return LocalDate.of(2025, 10, 1).plusDays(random.nextInt(365 * 3 + 120));
    }

    /** Mostly the 1st of a month, sometimes any day, a few outside the horizon. */
    private LocalDate start() {
        var day = day();
        return random.nextInt(10) == 0 ? day : day.withDayOfMonth(1);
    }

    private String mentor(int mentors) {
        return random.nextInt(40) == 0 ? "M-unknown" : "M" + random.nextInt(mentors);
    }
}
