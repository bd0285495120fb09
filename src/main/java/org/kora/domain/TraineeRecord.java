package org.kora.domain;

import java.util.List;
import java.util.Objects;

/**
 * A trainee's record, as the sign-off screens show it and the record and certificate print it: the trainee, the names of their hospital and home
 * department, their rotations, their sign-offs in the order signed (amended ones included), their
 * progress through the curriculum, and the head of the sign-off hash chain the record was printed
 * against (null when none is given), so that a printed record can be checked against the file later.
 */
public record TraineeRecord(Trainee trainee, String hospitalName, String departmentName,
                            List<CalendarEntry> rotations, List<SignOffLine> signOffs, TraineeProgress progress,
                            String signOffChainHead) {
    public TraineeRecord {
        Objects.requireNonNull(trainee, "trainee");
        Objects.requireNonNull(progress, "progress");
        rotations = List.copyOf(rotations);
        signOffs = List.copyOf(signOffs);
    }
}
