package org.kora.report;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.kora.domain.BlockKind;
import org.kora.domain.CalendarEntry;

/**
 * Whose blocks a calendar file holds: everyone's, one trainee's, one cohort's or one mentor's. A
 * mentor's calendar holds only the on-site blocks they supervise: their mentees' off-site blocks
 * happen elsewhere, without them.
 */
public final class BlockSelection {
    private final Predicate<CalendarEntry> rotations;
    private final Set<BlockKind> kinds;

    private BlockSelection(Predicate<CalendarEntry> rotations, Set<BlockKind> kinds) {
        this.rotations = rotations;
        this.kinds = kinds;
    }

    /** Both blocks of every rotation given. */
    public static BlockSelection all() {
        return new BlockSelection(entry -> true, EnumSet.allOf(BlockKind.class));
    }

    /** Both blocks of the trainee's rotations. */
    public static BlockSelection ofTrainee(long traineeId) {
        return new BlockSelection(entry -> entry.traineeId() == traineeId, EnumSet.allOf(BlockKind.class));
    }

    /** Both blocks of the cohort's rotations. */
    public static BlockSelection ofCohort(long cohortId) {
        return new BlockSelection(entry -> entry.cohortId() == cohortId, EnumSet.allOf(BlockKind.class));
    }

    /** The on-site blocks the mentor supervises. */
    public static BlockSelection ofMentor(long mentorId) {
        return new BlockSelection(entry -> Objects.equals(entry.mentorId(), mentorId), EnumSet.of(BlockKind.ON_SITE));
    }

    boolean includes(CalendarBlock block) {
        return kinds.contains(block.kind()) && rotations.test(block.entry());
    }
}
