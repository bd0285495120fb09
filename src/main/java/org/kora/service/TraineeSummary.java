package org.kora.service;

import java.util.List;

import org.kora.domain.CalendarEntry;
import org.kora.domain.TraineeProgress;

/** A trainee as the list of the sign-off screen shows them: who, where, their rotations and progress. */
public record TraineeSummary(long traineeId, String name, String staffNo, String hospitalName, String departmentName,
                             List<CalendarEntry> rotations, TraineeProgress progress) {
    public TraineeSummary {
        rotations = List.copyOf(rotations);
    }
}
