package org.kora.service;

import java.util.Objects;

import org.kora.domain.Problem;

/**
 * One rotation of a cohort plan preview: its cohort, whose it is, its blocks before ({@code null} if none) and
 * after ({@code null} if unplanned), what changes, and for an unplanned rotation the reason, with
 * departments and mentors named as a planner knows them.
 */
public record RotationPreview(long rotationId, long cohortId, long traineeId, String traineeName, long hostDepartmentId,
                              long homeDepartmentId, RotationPlacement before, RotationPlacement after,
                              PlanRowKind kind, Problem reason) {
    public RotationPreview {
        Objects.requireNonNull(traineeName, "traineeName");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether applying the plan rewrites this rotation's blocks. */
    public boolean changes() {
        return switch (kind) {
            case NEW, MOVED, NEW_MENTOR -> true;
            case UNPLANNED -> before != null;
            case UNCHANGED, PINNED -> false;
        };
    }
}
