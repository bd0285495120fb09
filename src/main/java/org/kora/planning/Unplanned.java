package org.kora.planning;

import java.util.Objects;

import org.kora.domain.Problem;

/** A trainee the planner could not place, and why, in words a planner understands. */
public record Unplanned(String trainee, Problem reason) {
    public Unplanned {
        Objects.requireNonNull(trainee, "trainee");
        Objects.requireNonNull(reason, "reason");
    }
}
