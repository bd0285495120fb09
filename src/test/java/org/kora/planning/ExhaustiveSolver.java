package org.kora.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kora.domain.DateRange;
import org.kora.domain.ProgramCalendar;

/**
 * The best plan of a small problem by brute force: every trainee at every start the rules allow
 * with every mentor who could take it, or not at all, with branch and bound on (placed, delay).
 * Written from PRODUCT.md's rules without the planner's code, to measure the planner against.
 * Fixed assignments count towards every load and their trainees are not placed again (each must be
 * a trainee of the problem). Only for problems of a dozen trainees to place or so.
 */
final class ExhaustiveSolver {
    /** The objective's first two levels. */
    record Optimum(int placed, long delay, boolean complete) {
    }

    private final int n;
    private final int horizonFrom;
    private final int[][] options;       // per trainee: starts (epoch day)
    private final int[][][] optionMentors;
    private final int[] earliest;
    private final int[] host;
    private final int[] home;
    private final int[] hostLimit;
    private final int[] homeLimit;
    private final int[] mentorLimit;
    private final int[][] hostLoad;
    private final int[][] homeLoad;
    private final int[][] mentorLoad;
    private final long[] minDelayFrom;
    private final PlanningProblem problem;
    private long nodes;
    private final long nodeLimit;
    private int bestPlaced;
    private long bestDelay;

    private ExhaustiveSolver(PlanningProblem problem, long nodeLimit) {
        this.problem = problem;
        this.nodeLimit = nodeLimit;
        var fixedTrainees = new HashSet<String>();
        problem.fixed().forEach(fixed -> fixedTrainees.add(fixed.trainee()));
        var trainees = problem.trainees().stream().filter(spec -> !fixedTrainees.contains(spec.id())).toList();
        n = trainees.size();
        horizonFrom = day(problem.horizon().from());
        var days = (int) problem.horizon().days();
        Map<String, Integer> hostIndex = new HashMap<>();
        Map<String, Integer> homeIndex = new HashMap<>();
        var hosts = problem.hostDepartments();
        var homes = problem.homeDepartments();
        hostLimit = new int[hosts.size()];
        for (var i = 0; i < hosts.size(); i++) {
            hostIndex.put(hosts.get(i).id(), i);
            hostLimit[i] = hosts.get(i).capacity();
        }
        homeLimit = new int[homes.size()];
        for (var i = 0; i < homes.size(); i++) {
            homeIndex.put(homes.get(i).id(), i);
            homeLimit[i] = homes.get(i).headcount() - homes.get(i).minOnDuty();
        }
        var mentors = problem.mentors();
        mentorLimit = mentors.stream().mapToInt(MentorSpec::capacity).toArray();
        hostLoad = new int[hosts.size()][days];
        homeLoad = new int[homes.size()][days];
        mentorLoad = new int[mentors.size()][days];
        loadFixed(hostIndex, homeIndex);
        options = new int[n][];
        optionMentors = new int[n][][];
        earliest = new int[n];
        host = new int[n];
        home = new int[n];
        for (var t = 0; t < n; t++) {
            var spec = trainees.get(t);
            earliest[t] = day(spec.earliestStart());
            host[t] = hostIndex.get(spec.hostDepartment());
            home[t] = homeIndex.get(spec.homeDepartment());
            var starts = new ArrayList<Integer>();
            var mentorLists = new ArrayList<int[]>();
            for (var start = problem.horizon().from(); !start.isAfter(problem.horizon().to()); start = start.plusDays(1)) {
                if (start.isBefore(spec.earliestStart()) || !ProgramCalendar.allowsStart(start, problem.program())) {
                    continue;
                }
                var rotation = ProgramCalendar.rotation(start, problem.program());
                if (rotation.onSite().to().isAfter(problem.horizon().to())
                        || spec.latestEnd() != null && rotation.onSite().to().isAfter(spec.latestEnd())
                        || blackedOut(rotation.offSite().from()) || blackedOut(rotation.onSite().from())
                        || spec.leave().stream().anyMatch(l -> l.overlaps(rotation.offSite()) || l.overlaps(rotation.onSite()))) {
                    continue;
                }
                var able = new ArrayList<Integer>();
                for (var m = 0; m < mentors.size(); m++) {
                    if (mentors.get(m).department().equals(spec.homeDepartment()) && deployedThroughout(mentors.get(m), rotation.onSite())) {
                        able.add(m);
                    }
                }
                if (!able.isEmpty()) {
                    starts.add(day(start));
                    mentorLists.add(able.stream().mapToInt(Integer::intValue).toArray());
                }
            }
            options[t] = starts.stream().mapToInt(Integer::intValue).toArray();
            optionMentors[t] = mentorLists.toArray(int[][]::new);
        }
        minDelayFrom = new long[n + 1];
        for (var t = n - 1; t >= 0; t--) {
            minDelayFrom[t] = minDelayFrom[t + 1] + (options[t].length == 0 ? 0 : options[t][0] - earliest[t]);
        }
    }

    private void loadFixed(Map<String, Integer> hostIndex, Map<String, Integer> homeIndex) {
        var mentors = problem.mentors();
        for (var fixed : problem.fixed()) {
            var spec = problem.trainees().stream().filter(t -> t.id().equals(fixed.trainee())).findFirst().orElseThrow();
            add(hostLoad[hostIndex.get(spec.hostDepartment())], fixed.offSite(), 1);
            add(homeLoad[homeIndex.get(spec.homeDepartment())], fixed.offSite(), 1);
            for (var m = 0; m < mentors.size(); m++) {
                if (mentors.get(m).id().equals(fixed.mentor())) {
                    add(mentorLoad[m], fixed.onSite(), 1);
                }
            }
        }
    }

    /**
     * The best (placed, delay) of the problem, searching only for plans strictly better than the
     * incumbent given; {@code complete} is false if the node limit cut the search short.
     */
    static Optimum solve(PlanningProblem problem, int incumbentPlaced, long incumbentDelay, long nodeLimit) {
        var solver = new ExhaustiveSolver(problem, nodeLimit);
        solver.bestPlaced = incumbentPlaced;
        solver.bestDelay = incumbentDelay;
        solver.search(0, 0, 0);
        return new Optimum(solver.bestPlaced, solver.bestDelay, solver.nodes < nodeLimit);
    }

    /**
     * The parts of {@code problem} where {@code plan} is not optimal, each as "seed …: ours
     * placed/delay, optimum placed/delay"; fails the test if a search does not finish within
     * {@code nodeLimit}.
     */
    static List<String> misses(PlanningProblem problem, Plan plan, long seed, long nodeLimit) {
        var misses = new ArrayList<String>();
        for (var part : parts(problem)) {
            var ours = PlanObjective.of(part, restrictedTo(part, plan));
            var best = solve(part, ours.planned(), ours.totalDelayDays(), nodeLimit);
            if (!best.complete()) {
                throw new AssertionError("the search of seed " + seed + " did not finish");
            }
            if (best.placed() != ours.planned() || best.delay() != ours.totalDelayDays()) {
                misses.add("seed " + seed + ": ours " + ours.planned() + "/" + ours.totalDelayDays()
                        + ", optimum " + best.placed() + "/" + best.delay());
            }
        }
        return misses;
    }

    private static Plan restrictedTo(PlanningProblem part, Plan plan) {
        var ids = new HashSet<String>();
        part.trainees().forEach(spec -> ids.add(spec.id()));
        return new Plan(plan.assignments().stream().filter(a -> ids.contains(a.trainee())).toList(),
                plan.unplanned().stream().filter(u -> ids.contains(u.trainee())).toList());
    }

    /**
     * The problem cut into parts whose trainees share no department, directly or through others:
     * the optimum of the whole is the sum of the parts' optima, and the parts are small.
     */
    static List<PlanningProblem> parts(PlanningProblem problem) {
        var group = new HashMap<String, String>();
        for (var spec : problem.trainees()) {
            var a = root(group, "host:" + spec.hostDepartment());
            var b = root(group, "home:" + spec.homeDepartment());
            group.put(a, b);
        }
        var members = new LinkedHashMap<String, List<TraineeSpec>>();
        for (var spec : problem.trainees()) {
            members.computeIfAbsent(root(group, "home:" + spec.homeDepartment()), key -> new ArrayList<>()).add(spec);
        }
        return members.values().stream().map(trainees -> new PlanningProblem(problem.horizon(), problem.program(),
                problem.blackouts(), problem.hostDepartments(), problem.homeDepartments(), problem.mentors(), trainees,
                List.of())).toList();
    }

    private static String root(Map<String, String> group, String key) {
        var at = key;
        while (group.containsKey(at) && !group.get(at).equals(at)) {
            at = group.get(at);
        }
        group.putIfAbsent(at, at);
        return at;
    }

    private void search(int t, int placed, long delay) {
        if (++nodes >= nodeLimit) {
            return;
        }
        var canStillPlace = 0;
        for (var u = t; u < n; u++) {
            canStillPlace += options[u].length > 0 ? 1 : 0;
        }
        if (placed + canStillPlace < bestPlaced
                || placed + canStillPlace == bestPlaced && delay + minDelayFrom[t] >= bestDelay) {
            return;
        }
        if (t == n) {
            bestPlaced = placed;
            bestDelay = delay;
            return;
        }
        for (var o = 0; o < options[t].length; o++) {
            var start = options[t][o];
            var rotation = ProgramCalendar.rotation(LocalDate.ofEpochDay(start), problem.program());
            if (!fits(hostLoad[host[t]], rotation.offSite(), hostLimit[host[t]])
                    || !fits(homeLoad[home[t]], rotation.offSite(), homeLimit[home[t]])) {
                continue;
            }
            for (var m : optionMentors[t][o]) {
                if (!fits(mentorLoad[m], rotation.onSite(), mentorLimit[m])) {
                    continue;
                }
                add(hostLoad[host[t]], rotation.offSite(), 1);
                add(homeLoad[home[t]], rotation.offSite(), 1);
                add(mentorLoad[m], rotation.onSite(), 1);
                search(t + 1, placed + 1, delay + start - earliest[t]);
                add(hostLoad[host[t]], rotation.offSite(), -1);
                add(homeLoad[home[t]], rotation.offSite(), -1);
                add(mentorLoad[m], rotation.onSite(), -1);
            }
        }
        search(t + 1, placed, delay);
    }

    private boolean fits(int[] load, DateRange block, int limit) {
        for (var d = day(block.from()) - horizonFrom; d <= day(block.to()) - horizonFrom; d++) {
            if (load[d] >= limit) {
                return false;
            }
        }
        return true;
    }

    private void add(int[] load, DateRange block, int delta) {
        for (var d = day(block.from()) - horizonFrom; d <= day(block.to()) - horizonFrom; d++) {
            load[d] += delta;
        }
    }

    private boolean blackedOut(LocalDate day) {
        return problem.blackouts().stream().anyMatch(b -> b.range().contains(day));
    }

    private static boolean deployedThroughout(MentorSpec mentor, DateRange block) {
        for (var day = block.from(); !day.isAfter(block.to()); day = day.plusDays(1)) {
            var today = day;
            if (mentor.deployments().stream().noneMatch(d -> d.contains(today))) {
                return false;
            }
        }
        return true;
    }

    private static int day(LocalDate date) {
        return Math.toIntExact(date.toEpochDay());
    }

}
