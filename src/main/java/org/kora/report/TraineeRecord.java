package org.kora.report;

import java.util.List;
import java.util.Objects;

import org.kora.domain.CalendarEntry;
import org.kora.domain.Trainee;

/**
 * What a trainee's record prints: the trainee, the names of their hospital and home department,
 * their rotations, and the head of the sign-off hash chain the record was printed against (null
 * when none is given), so that a printed record can be checked against the file later.
 */
public record TraineeRecord(Trainee trainee, String hospitalName, String departmentName,
                            List<CalendarEntry> rotations, String signOffChainHead) {
    public TraineeRecord {
        Objects.requireNonNull(trainee, "trainee");
        rotations = List.copyOf(rotations);
    }
}
