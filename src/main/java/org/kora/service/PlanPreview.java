package org.kora.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kora.domain.Block;
import org.kora.domain.Cohort;
import org.kora.domain.Localized;
import org.kora.domain.Problem;
import org.kora.planning.Conflict;
import org.kora.planning.Plan;
import org.kora.planning.PlanningProblem;

/**
 * A cohort plan before it is saved: one row per rotation of the cohort (by trainee name), the
 * conflicts of the result (none, unless the data already broke a rule), and what it was made from —
 * the planning problem and the cohort's blocks — so that applying it can refuse when the database
 * changed in between. In the problem, departments are {@code D<id>}, mentors {@code M<id>} and
 * rotations {@code R<id>} (database ids); {@code names} tells them in words.
 */
public record PlanPreview(Cohort cohort, PlanningProblem problem, Plan plan, List<RotationPreview> rows,
                          List<Conflict> conflicts, List<Block> cohortBlocks, Map<String, String> names) {
    private static final Pattern PROBLEM_ID = Pattern.compile("\\b[DMR]\\d+\\b");

    public PlanPreview {
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(plan, "plan");
        rows = List.copyOf(rows);
        conflicts = List.copyOf(conflicts);
        cohortBlocks = List.copyOf(cohortBlocks);
        names = Map.copyOf(names);
    }

    /** The rotations whose blocks applying the plan rewrites. */
    public List<RotationPreview> changes() {
        return rows.stream().filter(RotationPreview::changes).toList();
    }

    public long count(PlanRowKind kind) {
        return rows.stream().filter(row -> row.kind() == kind).count();
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
