package org.kora.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

import org.kora.domain.DateRange;
import org.kora.domain.ProgramCalendar;

/**
 * A problem's plan held for checking: each placed rotation indexed by host department, home
 * department, mentor and trainee, with the day loads of each. Placing or removing one rotation
 * changes only its own days, so the full checker and the live check share the same rules.
 *
 * <p>A rotation whose trainee the problem does not know loads nothing (it has no departments);
 * one whose mentor is unknown loads its departments but no mentor. Fixed rotations count towards
 * every load, but a count broken only by fixed rotations is not the plan's conflict.
 */
final class PlanState {
    private static final Comparator<DateRange> RANGE_ORDER =
            Comparator.comparing(DateRange::from).thenComparing(DateRange::to);

    private final PlanningProblem problem;
    private final Map<String, TraineeSpec> trainees = new HashMap<>();
    private final Map<String, HostDepartment> hosts = new HashMap<>();
    private final Map<String, HomeDepartment> homes = new HashMap<>();
    private final Map<String, MentorSpec> mentors = new HashMap<>();
    private final Map<String, List<DateRange>> stays = new HashMap<>();
    private final DayLoads hostLoads;
    private final DayLoads homeLoads;
    private final DayLoads mentorLoads;
    private final Map<String, List<Placed>> byHost = new HashMap<>();
    private final Map<String, List<Placed>> byHome = new HashMap<>();
    private final Map<String, List<Placed>> byMentor = new HashMap<>();
    private final Map<String, List<Placed>> byTrainee = new HashMap<>();

    /** One rotation in the state; compared by identity, since a plan may repeat an assignment. */
    static final class Placed {
        final Assignment assignment;
        final boolean fixed;

        Placed(Assignment assignment, boolean fixed) {
            this.assignment = assignment;
            this.fixed = fixed;
        }
    }

    PlanState(PlanningProblem problem) {
        this.problem = problem;
        problem.trainees().forEach(trainee -> trainees.put(trainee.id(), trainee));
        problem.hostDepartments().forEach(host -> hosts.put(host.id(), host));
        problem.homeDepartments().forEach(home -> homes.put(home.id(), home));
        problem.mentors().forEach(mentor -> {
            mentors.put(mentor.id(), mentor);
            stays.put(mentor.id(), mentor.stays());
        });
        hostLoads = new DayLoads(problem.horizon());
        homeLoads = new DayLoads(problem.horizon());
        mentorLoads = new DayLoads(problem.horizon());
    }

    PlanningProblem problem() {
        return problem;
    }

    TraineeSpec trainee(String id) {
        return trainees.get(id);
    }

    void place(Placed placed) {
        change(placed, 1);
    }

    void remove(Placed placed) {
        change(placed, -1);
    }

    private void change(Placed placed, int delta) {
        var assignment = placed.assignment;
        var trainee = trainees.get(assignment.trainee());
        if (trainee == null) {
            return;
        }
        hostLoads.add(trainee.hostDepartment(), assignment.offSite(), delta);
        homeLoads.add(trainee.homeDepartment(), assignment.offSite(), delta);
        index(byHost, trainee.hostDepartment(), placed, delta);
        index(byHome, trainee.homeDepartment(), placed, delta);
        index(byTrainee, trainee.id(), placed, delta);
        if (mentors.containsKey(assignment.mentor())) {
            mentorLoads.add(assignment.mentor(), assignment.onSite(), delta);
            index(byMentor, assignment.mentor(), placed, delta);
        }
    }

    private static void index(Map<String, List<Placed>> index, String key, Placed placed, int delta) {
        var list = index.computeIfAbsent(key, ignored -> new ArrayList<>());
        if (delta > 0) {
            list.add(placed);
        } else {
            list.remove(placed);
        }
    }

    /** Over-capacity runs at a partner department. */
    List<Conflict> hostCapacity(String id) {
        var host = hosts.get(id);
        if (host == null) {
            return List.of();
        }
        return runs(Rule.HOST_CAPACITY, id, hostLoads, host.capacity(), byHost, Assignment::offSite,
                (excess, names) -> List.of(id, excess.peak(), iso(excess.days().from()), iso(excess.days().to()),
                        host.capacity(), names), "conflict.hostCapacity");
    }

    /** Runs of days on which too few of a home department stay on duty. */
    List<Conflict> homeCoverage(String id) {
        var home = homes.get(id);
        if (home == null) {
            return List.of();
        }
        return runs(Rule.HOME_COVERAGE, id, homeLoads, home.awayAllowance(), byHome, Assignment::offSite,
                (excess, names) -> List.of(id, Math.max(0, home.headcount() - excess.peak()), iso(excess.days().from()),
                        iso(excess.days().to()), home.minOnDuty(), names), "conflict.homeCoverage");
    }

    /** Runs of days on which a mentor has more mentees on site than the mentor's capacity. */
    List<Conflict> mentorLoad(String id) {
        var mentor = mentors.get(id);
        if (mentor == null) {
            return List.of();
        }
        return runs(Rule.MENTOR_LOAD, id, mentorLoads, mentor.capacity(), byMentor, Assignment::onSite,
                (excess, names) -> List.of(id, excess.peak(), iso(excess.days().from()), iso(excess.days().to()),
                        mentor.capacity(), names), "conflict.mentorLoad");
    }

    private interface Arguments {
        List<Object> of(DayLoads.Excess excess, String names);
    }

    private List<Conflict> runs(Rule rule, String id, DayLoads loads, int limit, Map<String, List<Placed>> index,
                                Function<Assignment, DateRange> block, Arguments arguments, String key) {
        var conflicts = new ArrayList<Conflict>();
        for (var excess : loads.over(id, problem.horizon(), limit)) {
            var names = new TreeSet<String>();
            var touchesPlan = false;
            for (var placed : index.getOrDefault(id, List.of())) {
                if (block.apply(placed.assignment).overlaps(excess.days())) {
                    names.add(placed.assignment.trainee());
                    touchesPlan |= !placed.fixed;
                }
            }
            if (touchesPlan) {
                conflicts.add(new Conflict(rule, List.copyOf(names), id, excess.days(), key,
                        arguments.of(excess, String.join(", ", names))));
            }
        }
        return conflicts;
    }

    /** The conflicts of one rotation on its own: every rule that is not a count. */
    List<Conflict> own(Placed placed) {
        var assignment = placed.assignment;
        var id = assignment.trainee();
        var span = span(assignment);
        var trainee = trainees.get(id);
        if (trainee == null) {
            return List.of(new Conflict(Rule.UNKNOWN_REFERENCE, List.of(id), id, span, "conflict.unknownTrainee",
                    List.of(id, iso(span.from()), iso(span.to()))));
        }
        var conflicts = new ArrayList<Conflict>();
        horizon(assignment, span, conflicts);
        calendar(assignment, conflicts);
        mentorMatch(trainee, assignment, conflicts);
        blackout(assignment, conflicts);
        availability(trainee, placed, conflicts);
        window(trainee, assignment, conflicts);
        return conflicts;
    }

    private void horizon(Assignment assignment, DateRange span, List<Conflict> conflicts) {
        var horizon = problem.horizon();
        if (span.from().isBefore(horizon.from()) || span.to().isAfter(horizon.to())) {
            var id = assignment.trainee();
            conflicts.add(new Conflict(Rule.HORIZON, List.of(id), id, span, "conflict.horizon",
                    List.of(id, iso(span.from()), iso(span.to()), iso(horizon.from()), iso(horizon.to()))));
        }
    }

    private void calendar(Assignment assignment, List<Conflict> conflicts) {
        var id = assignment.trainee();
        var start = assignment.offSite().from();
        if (!ProgramCalendar.allowsStart(start, problem.program())) {
            conflicts.add(new Conflict(Rule.CALENDAR, List.of(id), id, assignment.offSite(), "conflict.startDay",
                    List.of(id, iso(start))));
        }
        var expected = ProgramCalendar.rotation(start, problem.program());
        if (!expected.offSite().equals(assignment.offSite()) || !expected.onSite().equals(assignment.onSite())) {
            conflicts.add(new Conflict(Rule.CALENDAR, List.of(id), id, span(assignment), "conflict.blockLengths",
                    List.of(id, iso(start), iso(expected.offSite().to()), iso(expected.onSite().from()),
                            iso(expected.onSite().to()))));
        }
    }

    private void mentorMatch(TraineeSpec trainee, Assignment assignment, List<Conflict> conflicts) {
        var id = trainee.id();
        var onSite = assignment.onSite();
        var mentor = mentors.get(assignment.mentor());
        if (mentor == null) {
            conflicts.add(new Conflict(Rule.UNKNOWN_REFERENCE, List.of(id), assignment.mentor(), onSite,
                    "conflict.unknownMentor", List.of(id, assignment.mentor())));
            return;
        }
        if (!mentor.department().equals(trainee.homeDepartment())) {
            conflicts.add(new Conflict(Rule.MENTOR_MATCH, List.of(id), mentor.id(), onSite, "conflict.mentorDepartment",
                    List.of(id, mentor.id(), mentor.department(), trainee.homeDepartment())));
        }
        for (var gap : uncovered(onSite, stays.get(mentor.id()))) {
            conflicts.add(new Conflict(Rule.MENTOR_MATCH, List.of(id), mentor.id(), gap, "conflict.mentorAbsent",
                    List.of(mentor.id(), iso(gap.from()), iso(gap.to()), id, iso(onSite.from()), iso(onSite.to()))));
        }
    }

    /** The runs of {@code block} that no stay covers; stays are sorted and disjoint. */
    private static List<DateRange> uncovered(DateRange block, List<DateRange> stays) {
        var gaps = new ArrayList<DateRange>();
        var next = block.from();
        for (var stay : stays) {
            if (next.isAfter(block.to())) {
                break;
            }
            if (stay.to().isBefore(next)) {
                continue;
            }
            if (stay.from().isAfter(block.to())) {
                break;
            }
            if (stay.from().isAfter(next)) {
                gaps.add(DateRange.of(next, stay.from().minusDays(1)));
            }
            next = stay.to().plusDays(1);
        }
        if (!next.isAfter(block.to())) {
            gaps.add(DateRange.of(next, block.to()));
        }
        return gaps;
    }

    private void blackout(Assignment assignment, List<Conflict> conflicts) {
        var id = assignment.trainee();
        for (var block : List.of(assignment.offSite(), assignment.onSite())) {
            for (var blackout : problem.blackouts()) {
                var range = blackout.range();
                if (range.contains(block.from())) {
                    conflicts.add(new Conflict(Rule.BLACKOUT, List.of(id), blackout.label(), block, "conflict.blackout",
                            List.of(id, iso(block.from()), iso(block.to()), blackout.label(), iso(range.from()),
                                    iso(range.to()))));
                }
            }
        }
    }

    private void availability(TraineeSpec trainee, Placed placed, List<Conflict> conflicts) {
        var id = trainee.id();
        var assignment = placed.assignment;
        for (var block : List.of(assignment.offSite(), assignment.onSite())) {
            for (var leave : trainee.leave()) {
                if (leave.overlaps(block)) {
                    conflicts.add(new Conflict(Rule.AVAILABILITY, List.of(id), id, intersection(leave, block),
                            "conflict.leave", List.of(id, iso(leave.from()), iso(leave.to()), iso(block.from()),
                                    iso(block.to()))));
                }
            }
        }
        var span = span(assignment);
        for (var other : byTrainee.getOrDefault(id, List.of())) {
            var otherSpan = span(other.assignment);
            if (other != placed && otherSpan.overlaps(span)) {
                // the same conflict whichever of the two rotations it is found from, so it is listed once
                var both = intersection(span, otherSpan);
                var first = RANGE_ORDER.compare(span, otherSpan) <= 0 ? span : otherSpan;
                var second = first == span ? otherSpan : span;
                conflicts.add(new Conflict(Rule.AVAILABILITY, List.of(id), id, both, "conflict.twoRotations",
                        List.of(id, iso(first.from()), iso(first.to()), iso(second.from()), iso(second.to()))));
            }
        }
    }

    private static void window(TraineeSpec trainee, Assignment assignment, List<Conflict> conflicts) {
        var id = trainee.id();
        var offSite = assignment.offSite();
        if (offSite.from().isBefore(trainee.earliestStart())) {
            conflicts.add(new Conflict(Rule.WINDOW, List.of(id), id, offSite, "conflict.tooEarly",
                    List.of(id, iso(offSite.from()), iso(trainee.earliestStart()))));
        }
        var onSite = assignment.onSite();
        if (trainee.latestEnd() != null && onSite.to().isAfter(trainee.latestEnd())) {
            conflicts.add(new Conflict(Rule.WINDOW, List.of(id), id, onSite, "conflict.tooLate",
                    List.of(id, iso(onSite.to()), iso(trainee.latestEnd()))));
        }
    }

    static DateRange span(Assignment assignment) {
        var from = assignment.offSite().from();
        var to = assignment.onSite().to();
        return to.isBefore(from) ? assignment.offSite() : DateRange.of(from, to);
    }

    private static DateRange intersection(DateRange a, DateRange b) {
        var from = a.from().isAfter(b.from()) ? a.from() : b.from();
        var to = a.to().isBefore(b.to()) ? a.to() : b.to();
        return DateRange.of(from, to);
    }

    static String iso(LocalDate date) {
        return Objects.toString(date);
    }
}
