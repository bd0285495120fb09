package org.kora.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.kora.domain.DateRange;
import org.kora.domain.ProgramCalendar;

/**
 * The seven hard rules checked the slow, obvious way, day by day, with none of the planner's code:
 * a second opinion on every plan the planner returns (and later on the conflict finder's). Each
 * conflict is one line of text naming the rule, the trainee or resource and the day. The
 * problem's fixed assignments load every resource but are not checked themselves.
 */
final class NaiveChecker {
    private NaiveChecker() {
    }

    static List<String> conflicts(PlanningProblem problem, Plan plan) {
        var conflicts = new ArrayList<String>();
        var specs = new HashMap<String, TraineeSpec>();
        problem.trainees().forEach(spec -> specs.put(spec.id(), spec));
        var mentors = new HashMap<String, MentorSpec>();
        problem.mentors().forEach(mentor -> mentors.put(mentor.id(), mentor));
        var hostCapacity = new HashMap<String, Integer>();
        problem.hostDepartments().forEach(host -> hostCapacity.put(host.id(), host.capacity()));
        var homeAllowance = new HashMap<String, Integer>();
        problem.homeDepartments().forEach(home -> homeAllowance.put(home.id(), home.headcount() - home.minOnDuty()));

        var hostLoad = new HashMap<String, Map<LocalDate, Integer>>();
        var homeLoad = new HashMap<String, Map<LocalDate, Integer>>();
        var mentorLoad = new HashMap<String, Map<LocalDate, Integer>>();
        var seen = new HashSet<String>();
        for (var fixed : problem.fixed()) {
            var spec = specs.get(fixed.trainee());
            seen.add(fixed.trainee());
            if (spec != null) {
                count(hostLoad, spec.hostDepartment(), fixed.offSite());
                count(homeLoad, spec.homeDepartment(), fixed.offSite());
            }
            count(mentorLoad, fixed.mentor(), fixed.onSite());
        }
        for (var a : plan.assignments()) {
            var spec = specs.get(a.trainee());
            if (spec == null) {
                conflicts.add("unknown trainee " + a.trainee());
                continue;
            }
            if (!seen.add(a.trainee())) {
                conflicts.add("availability: " + a.trainee() + " has two rotations");
            }
            var expected = ProgramCalendar.rotation(a.offSite().from(), problem.program());
            if (!expected.offSite().equals(a.offSite()) || !expected.onSite().equals(a.onSite())) {
                conflicts.add("length: " + a.trainee() + " blocks " + a.offSite() + " " + a.onSite());
            }
            if (!ProgramCalendar.allowsStart(a.offSite().from(), problem.program())) {
                conflicts.add("start rule: " + a.trainee() + " starts " + a.offSite().from());
            }
            if (!inside(problem.horizon(), a.offSite()) || !inside(problem.horizon(), a.onSite())) {
                conflicts.add("horizon: " + a.trainee());
            }
            if (a.offSite().from().isBefore(spec.earliestStart())) {
                conflicts.add("window: " + a.trainee() + " starts before " + spec.earliestStart());
            }
            if (spec.latestEnd() != null && a.onSite().to().isAfter(spec.latestEnd())) {
                conflicts.add("window: " + a.trainee() + " ends after " + spec.latestEnd());
            }
            for (var blackout : problem.blackouts()) {
                if (blackout.range().contains(a.offSite().from()) || blackout.range().contains(a.onSite().from())) {
                    conflicts.add("blackout: " + a.trainee() + " starts a block in " + blackout.label());
                }
            }
            for (var leave : spec.leave()) {
                if (leave.overlaps(a.offSite()) || leave.overlaps(a.onSite())) {
                    conflicts.add("availability: " + a.trainee() + " on leave " + leave);
                }
            }
            var mentor = mentors.get(a.mentor());
            if (mentor == null || !mentor.department().equals(spec.homeDepartment())) {
                conflicts.add("mentor match: " + a.trainee() + " has mentor " + a.mentor());
            } else {
                for (var day = a.onSite().from(); !day.isAfter(a.onSite().to()); day = day.plusDays(1)) {
                    if (!deployedOn(mentor, day)) {
                        conflicts.add("mentor match: " + a.mentor() + " not on site on " + day + " for " + a.trainee());
                        break;
                    }
                }
            }
            count(hostLoad, spec.hostDepartment(), a.offSite());
            count(homeLoad, spec.homeDepartment(), a.offSite());
            count(mentorLoad, a.mentor(), a.onSite());
        }
        over(conflicts, "host capacity", hostLoad, id -> hostCapacity.getOrDefault(id, 0));
        over(conflicts, "home coverage", homeLoad, id -> homeAllowance.getOrDefault(id, 0));
        over(conflicts, "mentor load", mentorLoad,
                id -> mentors.containsKey(id) ? mentors.get(id).capacity() : 0);
        return conflicts;
    }

    /**
     * The trainees whose rotation takes part in a conflict: one that breaks a rule on its own, or
     * one of those loading a department or mentor on a day it is over its limit.
     */
    static Set<String> troubled(PlanningProblem problem, Plan plan) {
        var troubled = new HashSet<String>();
        for (var assignment : plan.assignments()) {
            var alone = new Plan(List.of(assignment), List.of());
            if (!conflicts(problem, alone).isEmpty()) {
                troubled.add(assignment.trainee());
            }
        }
        overloaded(problem, plan, troubled);
        return troubled;
    }

    /** Adds every trainee loading a resource on a day the whole plan has it over its limit. */
    private static void overloaded(PlanningProblem problem, Plan plan, Set<String> troubled) {
        var specs = new HashMap<String, TraineeSpec>();
        problem.trainees().forEach(spec -> specs.put(spec.id(), spec));
        var overDays = new HashSet<String>();
        for (var conflict : conflicts(problem, plan)) {
            var parts = conflict.split(" ");
            if (conflict.startsWith("host capacity") || conflict.startsWith("home coverage")
                    || conflict.startsWith("mentor load")) {
                overDays.add(parts[0] + " " + parts[2] + "@" + parts[parts.length - 1]);
            }
        }
        for (var a : plan.assignments()) {
            var spec = specs.get(a.trainee());
            if (spec == null) {
                continue;
            }
            for (var day = a.offSite().from(); !day.isAfter(a.offSite().to()); day = day.plusDays(1)) {
                if (overDays.contains("host " + spec.hostDepartment() + "@" + day)
                        || overDays.contains("home " + spec.homeDepartment() + "@" + day)) {
                    troubled.add(a.trainee());
                }
            }
            for (var day = a.onSite().from(); !day.isAfter(a.onSite().to()); day = day.plusDays(1)) {
                if (overDays.contains("mentor " + a.mentor() + "@" + day)) {
                    troubled.add(a.trainee());
                }
            }
        }
    }

    /** Every trainee of the problem exactly once, fixed, assigned or unplanned; nobody else. */
    static List<String> coverage(PlanningProblem problem, Plan plan) {
        var problems = new ArrayList<String>();
        var count = new HashMap<String, Integer>();
        problem.fixed().forEach(a -> count.merge(a.trainee(), 1, Integer::sum));
        plan.assignments().forEach(a -> count.merge(a.trainee(), 1, Integer::sum));
        plan.unplanned().forEach(u -> count.merge(u.trainee(), 1, Integer::sum));
        for (var spec : problem.trainees()) {
            var times = count.remove(spec.id());
            if (times == null || times != 1) {
                problems.add(spec.id() + " appears " + (times == null ? 0 : times) + " times");
            }
        }
        count.keySet().forEach(id -> problems.add(id + " is not a trainee of the problem"));
        return problems;
    }

    private static boolean inside(DateRange outer, DateRange inner) {
        return !inner.from().isBefore(outer.from()) && !inner.to().isAfter(outer.to());
    }

    private static boolean deployedOn(MentorSpec mentor, LocalDate day) {
        return mentor.deployments().stream().anyMatch(deployment -> deployment.contains(day));
    }

    private static void count(Map<String, Map<LocalDate, Integer>> loads, String resource, DateRange block) {
        var days = loads.computeIfAbsent(resource, key -> new HashMap<>());
        for (var day = block.from(); !day.isAfter(block.to()); day = day.plusDays(1)) {
            days.merge(day, 1, Integer::sum);
        }
    }

    private static void over(List<String> conflicts, String rule, Map<String, Map<LocalDate, Integer>> loads,
                             ToIntFunction<String> limit) {
        loads.forEach((resource, days) -> days.forEach((day, load) -> {
            if (load > limit.applyAsInt(resource)) {
                conflicts.add(rule + ": " + resource + " has " + load + " on " + day);
            }
        }));
    }
}
