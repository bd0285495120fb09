package org.kora.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.kora.domain.DateRange;
import org.kora.domain.Problem;
import org.kora.domain.ProgramCalendar;
import org.kora.domain.RotationDates;

/**
 * A planning problem read once for the planner: per trainee to place, the starts that no load can
 * spoil (inside the horizon and the window, no blackout start, no leave, a mentor of the home
 * department on site for the whole on-site block), and why there are none when there are none.
 * Days are epoch days ({@code int}) so that a start costs four bytes, however many there are.
 */
final class PlanningModel {
    final PlanningProblem problem;
    /** The trainees to place: those of the problem without a fixed assignment. */
    final TraineeSpec[] trainees;
    final String[] hostKey;
    final String[] homeKey;
    final int[] hostCapacity;
    final int[] homeAllowance;
    final int[] earliest;
    /** Starts no load can spoil, ascending, per trainee. */
    final int[][] starts;
    /** Why a trainee has no start at all, or null. */
    final Problem[] staticReason;
    /** Mentors of each trainee's home department. */
    final int[][] homeMentors;
    final MentorSpec[] mentors;
    final String[] mentorKey;
    private final int[][] stays;
    private final Map<String, Integer> mentorIndex = new HashMap<>();
    private final Map<String, TraineeSpec> specs = new HashMap<>();
    private final int horizonFrom;
    private final int horizonTo;

    PlanningModel(PlanningProblem problem) {
        this.problem = problem;
        horizonFrom = day(problem.horizon().from());
        horizonTo = day(problem.horizon().to());
        var fixedTrainees = new HashSet<String>();
        problem.fixed().forEach(assignment -> fixedTrainees.add(assignment.trainee()));
        problem.trainees().forEach(spec -> specs.putIfAbsent(spec.id(), spec));
        trainees = problem.trainees().stream().filter(spec -> !fixedTrainees.contains(spec.id()))
                .toArray(TraineeSpec[]::new);

        mentors = problem.mentors().toArray(MentorSpec[]::new);
        mentorKey = new String[mentors.length];
        stays = new int[mentors.length][];
        var mentorsOf = new HashMap<String, List<Integer>>();
        for (var m = 0; m < mentors.length; m++) {
            mentorKey[m] = mentorKey(mentors[m].id());
            mentorIndex.putIfAbsent(mentors[m].id(), m);
            var joined = mentors[m].stays();
            stays[m] = new int[joined.size() * 2];
            for (var i = 0; i < joined.size(); i++) {
                stays[m][2 * i] = day(joined.get(i).from());
                stays[m][2 * i + 1] = day(joined.get(i).to());
            }
            mentorsOf.computeIfAbsent(mentors[m].department(), key -> new ArrayList<>()).add(m);
        }

        var hosts = new HashMap<String, HostDepartment>();
        problem.hostDepartments().forEach(host -> hosts.putIfAbsent(host.id(), host));
        var homes = new HashMap<String, HomeDepartment>();
        problem.homeDepartments().forEach(home -> homes.putIfAbsent(home.id(), home));

        var n = trainees.length;
        hostKey = new String[n];
        homeKey = new String[n];
        hostCapacity = new int[n];
        homeAllowance = new int[n];
        earliest = new int[n];
        starts = new int[n][];
        staticReason = new Problem[n];
        homeMentors = new int[n][];
        for (var t = 0; t < n; t++) {
            var spec = trainees[t];
            hostKey[t] = hostKey(spec.hostDepartment());
            homeKey[t] = homeKey(spec.homeDepartment());
            earliest[t] = day(spec.earliestStart());
            homeMentors[t] = mentorsOf.getOrDefault(spec.homeDepartment(), List.of()).stream()
                    .mapToInt(Integer::intValue).toArray();
            var host = hosts.get(spec.hostDepartment());
            var home = homes.get(spec.homeDepartment());
            if (host == null || home == null) {
                starts[t] = new int[0];
                staticReason[t] = new Problem("unplanned.unknownDepartment",
                        host == null ? spec.hostDepartment() : spec.homeDepartment());
                continue;
            }
            hostCapacity[t] = host.capacity();
            homeAllowance[t] = home.awayAllowance();
            findStarts(t);
        }
    }

    static String hostKey(String id) {
        return "host:" + id;
    }

    static String homeKey(String id) {
        return "home:" + id;
    }

    static String mentorKey(String id) {
        return "mentor:" + id;
    }

    static int day(LocalDate date) {
        return Math.toIntExact(date.toEpochDay());
    }

    static LocalDate date(int day) {
        return LocalDate.ofEpochDay(day);
    }

    int size() {
        return trainees.length;
    }

    /** Both blocks of a start: the calendar's arithmetic, nowhere else. */
    RotationDates rotation(int start) {
        return ProgramCalendar.rotation(date(start), problem.program());
    }

    /** Whether the mentor is on site on every day of the block. */
    boolean covers(int mentor, DateRange block) {
        var from = day(block.from());
        var to = day(block.to());
        var joined = stays[mentor];
        for (var i = 0; i < joined.length; i += 2) {
            if (joined[i] <= from && to <= joined[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** The index of a mentor by id, or -1. */
    int mentorIndex(String id) {
        return mentorIndex.getOrDefault(id, -1);
    }

    /** The spec of any trainee of the problem, fixed or not, or null. */
    TraineeSpec spec(String trainee) {
        return specs.get(trainee);
    }

    int delayOf(int t, int start) {
        return start - earliest[t];
    }

    /**
     * Walks the starts the rule allows from the earliest start on, dropping those that break a
     * rule on their own. Each dropped start is counted against the rule that dropped it, so that a
     * trainee left with none gets the rule that took most of them as the reason.
     */
    private void findStarts(int t) {
        var spec = trainees[t];
        var program = problem.program();
        var first = Math.max(earliest[t], horizonFrom);
        var latest = spec.latestEnd() == null ? Integer.MAX_VALUE : day(spec.latestEnd());
        var found = new int[8];
        var count = 0;
        var inWindow = 0;
        var blackedOut = 0;
        var onLeave = 0;
        var noMentor = 0;
        var blackoutLabels = new LinkedHashSet<String>();
        var start = ProgramCalendar.firstStartOnOrAfter(date(first), program);
        while (true) {
            var rotation = ProgramCalendar.rotation(start, program);
            var end = day(rotation.onSite().to());
            if (end > horizonTo || end > latest) {
                break;
            }
            inWindow++;
            var blackout = blackoutAt(rotation);
            if (blackout != null) {
                blackedOut++;
                blackoutLabels.add(blackout);
            } else if (onLeave(spec, rotation)) {
                onLeave++;
            } else if (!anyMentorCovers(t, rotation.onSite())) {
                noMentor++;
            } else {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = day(start);
            }
            start = ProgramCalendar.firstStartOnOrAfter(start.plusDays(1), program);
        }
        starts[t] = Arrays.copyOf(found, count);
        if (count > 0) {
            return;
        }
        var firstAllowed = ProgramCalendar.firstStartOnOrAfter(date(first), program);
        if (inWindow == 0) {
            var fitsHorizon = day(ProgramCalendar.rotation(firstAllowed, program).onSite().to()) <= horizonTo;
            staticReason[t] = fitsHorizon
                    ? new Problem("unplanned.window", spec.earliestStart().toString(), spec.latestEnd().toString())
                    : new Problem("unplanned.horizon", firstAllowed.toString(), problem.horizon().to().toString());
        } else if (noMentor >= blackedOut && noMentor >= onLeave) {
            staticReason[t] = new Problem("unplanned.noMentor", spec.homeDepartment());
        } else if (onLeave >= blackedOut) {
            staticReason[t] = new Problem("unplanned.leave");
        } else {
            staticReason[t] = new Problem("unplanned.blackout", String.join(", ", blackoutLabels));
        }
    }

    private String blackoutAt(RotationDates rotation) {
        for (var blackout : problem.blackouts()) {
            if (blackout.range().contains(rotation.offSite().from()) || blackout.range().contains(rotation.onSite().from())) {
                return blackout.label();
            }
        }
        return null;
    }

    private static boolean onLeave(TraineeSpec spec, RotationDates rotation) {
        for (var leave : spec.leave()) {
            if (leave.overlaps(rotation.offSite()) || leave.overlaps(rotation.onSite())) {
                return true;
            }
        }
        return false;
    }

    private boolean anyMentorCovers(int t, DateRange onSite) {
        for (var m : homeMentors[t]) {
            if (covers(m, onSite)) {
                return true;
            }
        }
        return false;
    }

    /** Trainees to place that share no department with each other's groups, as independent parts. */
    List<int[]> components() {
        var parent = new HashMap<String, String>();
        for (var t = 0; t < size(); t++) {
            union(parent, hostKey[t], homeKey[t]);
        }
        var groups = new HashMap<String, List<Integer>>();
        var order = new ArrayList<String>();
        for (var t = 0; t < size(); t++) {
            var root = find(parent, homeKey[t]);
            if (!groups.containsKey(root)) {
                order.add(root);
            }
            groups.computeIfAbsent(root, key -> new ArrayList<>()).add(t);
        }
        var parts = new ArrayList<int[]>();
        for (var root : order) {
            parts.add(groups.get(root).stream().mapToInt(Integer::intValue).toArray());
        }
        return parts;
    }

    private static String find(Map<String, String> parent, String key) {
        var root = key;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(key, root);
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        var rootA = find(parent, a);
        var rootB = find(parent, b);
        if (!rootA.equals(rootB)) {
            parent.put(rootA, rootB);
        }
    }

    /** Trainees grouped by a key (their host or home department), for finding neighbours quickly. */
    static Map<String, int[]> groupBy(String[] keys, int[] members) {
        var lists = new HashMap<String, List<Integer>>();
        for (var t : members) {
            lists.computeIfAbsent(keys[t], key -> new ArrayList<>()).add(t);
        }
        var groups = new HashMap<String, int[]>();
        lists.forEach((key, list) -> groups.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        return groups;
    }
}
