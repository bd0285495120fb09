package org.kora.planning;

import java.util.List;

/** A repaired plan and the changes that made it from the plan before. */
public record RePlan(Plan plan, List<PlanChange> changes) {
    public RePlan {
        changes = List.copyOf(changes);
    }
}
