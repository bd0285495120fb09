package org.kora.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.kora.domain.DateRange;

/**
 * A trainee to place: home and host departments, the window (earliest start; latest end or
 * null) and the periods the trainee is unavailable (leave, and other rotations of the trainee).
 */
public record TraineeSpec(String id, String homeDepartment, String hostDepartment, LocalDate earliestStart,
                          LocalDate latestEnd, List<DateRange> leave) {
    public TraineeSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(homeDepartment, "homeDepartment");
        Objects.requireNonNull(hostDepartment, "hostDepartment");
        Objects.requireNonNull(earliestStart, "earliestStart");
        leave = List.copyOf(leave);
    }
}
