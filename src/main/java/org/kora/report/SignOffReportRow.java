package org.kora.report;

import java.util.Objects;

import org.kora.domain.SignOffLine;
import org.kora.domain.Trainee;

/** One sign-off as the sign-off export writes it: the entry with its trainee and their hospital and home department. */
public record SignOffReportRow(Trainee trainee, String hospitalName, String departmentName, SignOffLine line) {
    public SignOffReportRow {
        Objects.requireNonNull(trainee, "trainee");
        Objects.requireNonNull(line, "line");
    }
}
