package org.kora.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kora.domain.Block;
import org.kora.domain.Cohort;
import org.kora.domain.Localized;
import org.kora.domain.Problem;
import org.kora.planning.Assignment;
import org.kora.planning.Conflict;
import org.kora.planning.Plan;
import org.kora.planning.PlanningProblem;

/**
 * A plan of one cohort, or of several planned together, before it is saved: one row per rotation
 * (by trainee name), the
 * conflicts of the result (none, unless the data already broke a rule), and what it was made from —
 * the planning problem and the cohort's blocks — so that applying it can refuse when the database
 * changed in between. In the problem, departments are {@code D<id>}, mentors {@code M<id>} and
 * rotations {@code R<id>} (database ids); {@code names} tells them in words.
 */
public record PlanPreview(List<Cohort> cohorts, PlanningProblem problem, Plan plan, List<RotationPreview> rows,
                          List<Conflict> conflicts, List<Block> cohortBlocks, Map<String, String> names) {
    private static final Pattern PROBLEM_ID = Pattern.compile("\\b[DMR]\\d+\\b");

    public PlanPreview {
        cohorts = List.copyOf(cohorts);
        if (cohorts.isEmpty()) {
            throw new IllegalArgumentException("a plan preview needs a cohort");
        }
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(plan, "plan");
        rows = List.copyOf(rows);
        conflicts = List.copyOf(conflicts);
        cohortBlocks = List.copyOf(cohortBlocks);
        names = Map.copyOf(names);
    }

    /** The problem's id of a department of the database: {@code D12}. */
    public static String departmentKey(long id) {
        return "D" + id;
    }

    /** The problem's id of a mentor of the database: {@code M5}. */
    public static String mentorKey(long id) {
        return "M" + id;
    }

    /** The problem's id of a rotation of the database (the planner's "trainee"): {@code R7}. */
    public static String rotationKey(long id) {
        return "R" + id;
    }

    /** The database id in a problem's id of a department, mentor or rotation. */
    public static long idOf(String key) {
        return Long.parseLong(key.substring(1));
    }

    public List<Long> cohortIds() {
        return cohorts.stream().map(Cohort::id).toList();
    }

    /** The cohorts' names as one text, for messages and the audit line. */
    public String cohortNames() {
        return CohortSnapshot.names(cohorts);
    }

    /** The rotations whose blocks applying the plan rewrites. */
    public List<RotationPreview> changes() {
        return rows.stream().filter(RotationPreview::changes).toList();
    }

    public long count(PlanRowKind kind) {
        return rows.stream().filter(row -> row.kind() == kind).count();
    }

    /**
     * This preview with a plan edited by hand in place of its own — the same rotations, some of them
     * moved or given another mentor — and the conflicts the live check found for it. Applying it
     * writes the edited blocks, and refuses as any preview does if the database changed meanwhile.
     */
    public PlanPreview edited(Plan edited, List<Conflict> found) {
        var assigned = new HashMap<Long, Assignment>();
        edited.assignments().forEach(assignment -> assigned.put(idOf(assignment.trainee()), assignment));
        var editedRows = new ArrayList<RotationPreview>();
        for (var row : rows) {
            var assignment = assigned.get(row.rotationId());
            if (assignment == null || row.kind() == PlanRowKind.PINNED) {
                editedRows.add(row);
                continue;
            }
            var mentorId = idOf(assignment.mentor());
            var after = new RotationPlacement(assignment.offSite(), assignment.onSite(), mentorId,
                    names.getOrDefault(assignment.mentor(), assignment.mentor()));
            var before = row.before();
            var kind = before == null ? PlanRowKind.NEW
                    : before.equals(after) ? PlanRowKind.UNCHANGED
                    : before.sameDates(after) ? PlanRowKind.NEW_MENTOR : PlanRowKind.MOVED;
            editedRows.add(new RotationPreview(row.rotationId(), row.cohortId(), row.traineeId(), row.traineeName(),
                    row.hostDepartmentId(), row.homeDepartmentId(), before, after, kind, null));
        }
        return new PlanPreview(cohorts, problem, edited, editedRows, found, cohortBlocks, names);
    }

    /** A conflict or reason with the problem's ids replaced by the names of departments, mentors and trainees. */
    public Localized readable(Localized message) {
        return named(message, names);
    }

    static Problem named(Localized message, Map<String, String> names) {
        var args = message.messageArgs().clone();
        for (var i = 0; i < args.length; i++) {
            if (args[i] instanceof String text) {
                args[i] = PROBLEM_ID.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                        names.getOrDefault(match.group(), match.group())));
            }
        }
        return new Problem(message.messageKey(), args);
    }
}
