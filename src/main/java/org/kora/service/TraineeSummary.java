package org.kora.service;

import java.util.List;

import org.kora.domain.CalendarEntry;
import org.kora.domain.TraineeProgress;
import org.kora.domain.TraineeRecord;

/** A trainee as the list of the sign-off screen shows them: who, where, their rotations and progress. */
public record TraineeSummary(long traineeId, String name, String staffNo, String hospitalName, String departmentName,
                             List<CalendarEntry> rotations, TraineeProgress progress) {
    public TraineeSummary {
        rotations = List.copyOf(rotations);
    }

    /** The summary of a trainee's record. */
    public static TraineeSummary of(TraineeRecord record) {
        return new TraineeSummary(record.trainee().id(), record.trainee().name(), record.trainee().staffNo(),
                record.hospitalName(), record.departmentName(), record.rotations(), record.progress());
    }
}
