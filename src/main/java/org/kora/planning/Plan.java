package org.kora.planning;

import java.util.List;

/** What the planner returns: every trainee either assigned or unplanned with a reason. */
public record Plan(List<Assignment> assignments, List<Unplanned> unplanned) {
    public Plan {
        assignments = List.copyOf(assignments);
        unplanned = List.copyOf(unplanned);
    }
}
