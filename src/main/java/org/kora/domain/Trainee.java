package org.kora.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A staff member of a home department taking part in the program (学员). The staff number is text
 * (leading zeros kept) and unique within the hospital; the name may be in any script.
 */
public record Trainee(long id, long hospitalId, long departmentId, String staffNo, String name,
                      Profession profession, String title, String phone, LocalDate earliestStart,
                      String notes) {
    public Trainee {
        Text.requireName(staffNo, "staffNo");
        Text.requireName(name, "name");
        Objects.requireNonNull(profession, "profession");
    }
}
