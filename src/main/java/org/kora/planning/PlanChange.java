package org.kora.planning;

import java.util.Objects;

import org.kora.domain.Problem;

/**
 * One change a re-plan made to a trainee's rotation: what it was ({@code before}, null if the
 * trainee had none) and what it is ({@code after}, null if now unplanned). {@code makesRoomFor}
 * names the trainee whose re-placement needed this move when the rotation itself was fine;
 * {@code reason} says why the trainee is unplanned.
 */
public record PlanChange(String trainee, Kind kind, Assignment before, Assignment after, String makesRoomFor,
                         Problem reason) {
    /** What kind of change a planner sees. */
    public enum Kind {
        /** Other dates (and perhaps another mentor). */
        MOVED,
        /** Same dates, another mentor. */
        NEW_MENTOR,
        /** A trainee without a rotation got one. */
        PLACED,
        /** A trainee lost its rotation, or a new trainee found none. */
        UNPLANNED
    }

    public PlanChange {
        Objects.requireNonNull(trainee, "trainee");
        Objects.requireNonNull(kind, "kind");
    }
}
