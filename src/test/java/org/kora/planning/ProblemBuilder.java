package org.kora.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.kora.domain.DateRange;
import org.kora.domain.ProgramCalendar;
import org.kora.domain.ProgramTemplate;

/** Builds planning problems for tests, in the 3+3 default program over 2026–2028. */
final class ProblemBuilder {
    static final DateRange HORIZON = range("2026-01-01", "2028-12-31");

    private final List<BlackoutPeriod> blackouts = new ArrayList<>();
    private final List<HostDepartment> hosts = new ArrayList<>();
    private final List<HomeDepartment> homes = new ArrayList<>();
    private final List<MentorSpec> mentors = new ArrayList<>();
    private final List<TraineeSpec> trainees = new ArrayList<>();
    private final List<Assignment> fixed = new ArrayList<>();

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static DateRange range(String from, String to) {
        return DateRange.of(date(from), date(to));
    }

    /** The rotation whose off-site block starts on {@code start}, as the default program makes it. */
    static Assignment rotation(String trainee, String start, String mentor) {
        var dates = ProgramCalendar.rotation(date(start), ProgramTemplate.DEFAULT);
        return new Assignment(trainee, dates.offSite(), dates.onSite(), mentor);
    }

    static Plan plan(Assignment... assignments) {
        return new Plan(Arrays.asList(assignments), List.of());
    }

    ProblemBuilder host(String id, int capacity) {
        hosts.add(new HostDepartment(id, capacity));
        return this;
    }

    ProblemBuilder home(String id, int headcount, int minOnDuty) {
        homes.add(new HomeDepartment(id, headcount, minOnDuty));
        return this;
    }

    ProblemBuilder mentor(String id, String department, int capacity, DateRange... deployments) {
        mentors.add(new MentorSpec(id, department, capacity, Arrays.asList(deployments)));
        return this;
    }

    ProblemBuilder trainee(String id, String home, String host) {
        return trainee(new TraineeSpec(id, home, host, HORIZON.from(), null, List.of()));
    }

    ProblemBuilder trainee(TraineeSpec trainee) {
        trainees.add(trainee);
        return this;
    }

    ProblemBuilder blackout(DateRange range, String label) {
        blackouts.add(new BlackoutPeriod(range, label));
        return this;
    }

    ProblemBuilder fixed(Assignment assignment) {
        fixed.add(assignment);
        return this;
    }

    PlanningProblem build() {
        return new PlanningProblem(HORIZON, ProgramTemplate.DEFAULT, blackouts, hosts, homes, mentors, trainees, fixed);
    }
}
