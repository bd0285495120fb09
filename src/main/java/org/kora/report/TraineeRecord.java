package org.kora.report;

import java.util.List;
import java.util.Objects;

import org.kora.domain.CalendarEntry;
import org.kora.domain.SignOffLine;
import org.kora.domain.Trainee;
import org.kora.domain.TraineeProgress;

/**
 * What a trainee's record and certificate print: the trainee, the names of their hospital and home
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
