package org.kora.store;

import java.time.LocalDate;

import org.kora.domain.Profession;
import org.kora.domain.Trainee;

/** A trainee row joined with the names of its hospital and department, as lists show it. */
public record TraineeListing(long id, long hospitalId, long departmentId, String staffNo, String name,
                             Profession profession, String title, String phone, LocalDate earliestStart,
                             String notes, String hospitalName, String departmentName) {
    public Trainee trainee() {
        return new Trainee(id, hospitalId, departmentId, staffNo, name, profession, title, phone, earliestStart, notes);
    }
}
