package org.kora.domain;

import java.time.LocalDate;

/**
 * One trainee's passage through the program in a cohort (轮训): the partner department that hosts
 * the off-site block, the trainee's window, and whether it is confirmed (pinned for the planner).
 * Its dates live in its two {@link Block}s once planned.
 */
public record Rotation(long id, long cohortId, long traineeId, long hostDepartmentId,
                       LocalDate earliestStart, LocalDate latestEnd, boolean confirmed) {
    public Rotation {
        if (earliestStart != null && latestEnd != null && latestEnd.isBefore(earliestStart)) {
            throw new IllegalArgumentException("latest end " + latestEnd + " is before earliest start " + earliestStart);
        }
    }
}
