package org.kora.service;

import java.util.List;
import java.util.Objects;

import org.kora.domain.Block;

/**
 * What undoing an applied cohort plan needs: the rotations it rewrote, their blocks before (with
 * their ids) and the blocks the plan wrote, so that an undo can tell whether anyone changed them since.
 */
public record PlanUndo(List<Long> cohortIds, String cohortNames, List<Long> rotationIds, List<Block> previous,
                       List<Block> applied) {
    public PlanUndo {
        cohortIds = List.copyOf(cohortIds);
        Objects.requireNonNull(cohortNames, "cohortNames");
        rotationIds = List.copyOf(rotationIds);
        previous = List.copyOf(previous);
        applied = List.copyOf(applied);
    }
}
