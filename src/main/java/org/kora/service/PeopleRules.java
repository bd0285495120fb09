package org.kora.service;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import org.kora.domain.Problem;

/**
 * The rules the fields of trainees, mentors, departments and hospitals must meet, beyond the
 * domain records' own checks. Forms show them live; {@link PeopleService} enforces them. Names
 * may be in any script; lengths are those of the database columns, counted in characters.
 */
public final class PeopleRules {
    private static final Pattern PHONE = Pattern.compile("[0-9 +\\-]{1,50}");

    private PeopleRules() {
    }

    public static Optional<Problem> staffNo(String staffNo) {
        if (staffNo == null || staffNo.isBlank()) {
            return Optional.of(new Problem("people.staffNoMissing"));
        }
        return staffNo.strip().length() > 50 ? Optional.of(new Problem("people.staffNoTooLong", 50)) : Optional.empty();
    }

    public static Optional<Problem> name(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(new Problem("people.nameMissing"));
        }
        return name.strip().length() > 200 ? Optional.of(new Problem("people.nameTooLong", 200)) : Optional.empty();
    }

    /** Optional; digits, spaces, {@code +} and {@code -}. */
    public static Optional<Problem> phone(String phone) {
        return phone == null || phone.isBlank() || PHONE.matcher(phone.strip()).matches() ? Optional.empty()
                : Optional.of(new Problem("people.trainee.phoneInvalid"));
    }

    public static Optional<Problem> title(String title) {
        return title == null || title.strip().length() <= 100 ? Optional.empty()
                : Optional.of(new Problem("people.trainee.titleTooLong", 100));
    }

    public static Optional<Problem> notes(String notes) {
        return notes == null || notes.strip().length() <= 4000 ? Optional.empty()
                : Optional.of(new Problem("people.trainee.notesTooLong", 4000));
    }

    public static Optional<Problem> headcount(Integer headcount) {
        return headcount != null && headcount >= 1 ? Optional.empty()
                : Optional.of(new Problem("people.department.headcountInvalid"));
    }

    /** From 0 to headcount − 1: someone must be allowed to go. */
    public static Optional<Problem> minOnDuty(Integer minOnDuty, Integer headcount) {
        return minOnDuty != null && minOnDuty >= 0 && (headcount == null || minOnDuty < headcount) ? Optional.empty()
                : Optional.of(new Problem("people.department.minOnDutyInvalid"));
    }

    /** A partner department's hosting capacity, or a mentor's number of mentees: at least 1. */
    public static Optional<Problem> capacity(Integer capacity) {
        return capacity != null && capacity >= 1 ? Optional.empty()
                : Optional.of(new Problem("people.capacityInvalid"));
    }

    public static Optional<Problem> deployment(LocalDate from, LocalDate to) {
        return from != null && to != null && !to.isBefore(from) ? Optional.empty()
                : Optional.of(new Problem("people.mentor.deploymentInvalid"));
    }

    /** Throws the first problem found, as a refusal. */
    @SafeVarargs
    static void check(Optional<Problem>... problems) {
        for (var problem : problems) {
            if (problem.isPresent()) {
                throw new InvalidInputException(problem.get().messageKey(), problem.get().messageArgs());
            }
        }
    }
}
