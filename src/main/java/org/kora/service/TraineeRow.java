package org.kora.service;

import org.kora.domain.Trainee;

/** A trainee as lists show it: with the names of the hospital and the department. */
public record TraineeRow(Trainee trainee, String hospitalName, String departmentName) {
}
