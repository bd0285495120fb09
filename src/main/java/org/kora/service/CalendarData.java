package org.kora.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.kora.domain.CalendarEntry;
import org.kora.domain.Cohort;
import org.kora.domain.Department;
import org.kora.domain.Hospital;
import org.kora.domain.Localized;
import org.kora.domain.ProgramTemplate;
import org.kora.planning.Plan;
import org.kora.planning.PlanningProblem;

/**
 * The whole program as the rotation calendar shows it, read in one transaction: every rotation
 * with its conflicts marked, the hospitals, home departments and cohorts to filter by, and the
 * planning problem and plan of every planned rotation, so that a move can be checked live
 * ({@link org.kora.planning.LiveCheck}; rotation {@code R<id>} as {@link PlanPreview#rotationKey}).
 * The problem's program is the template most cohorts share; {@link #movable} says which rotations
 * a move may take. {@code databaseId} names the database for good (the iCalendar export's event
 * ids carry it, so that a calendar that subscribed to an export updates its events).
 */
public record CalendarData(LocalDate today, String databaseId, List<CalendarEntry> entries, List<Hospital> hospitals,
                           List<Department> homeDepartments, List<Cohort> cohorts, PlanningProblem problem,
                           Plan plan, Map<String, String> names) {
    public CalendarData {
        Objects.requireNonNull(today, "today");
        entries = List.copyOf(entries);
        hospitals = List.copyOf(hospitals);
        homeDepartments = List.copyOf(homeDepartments);
        cohorts = List.copyOf(cohorts);
        names = Map.copyOf(names);
    }

    /**
     * Whether a move may take the rotation: planned, not confirmed, not yet started, and of a cohort
     * with the calendar's program template (one of another template is moved on the Cohorts screen).
     */
    public boolean movable(CalendarEntry entry) {
        return entry.planned() && !entry.confirmed() && entry.offSite().from().isAfter(today)
                && template(entry.cohortId()).equals(problem.program());
    }

    /** The hospital name of a department, as the away list shows it. */
    public String hospitalName(Department department) {
        return hospitals.stream().filter(hospital -> hospital.id() == department.hospitalId()).findFirst()
                .map(Hospital::name).orElse("");
    }

    /**
     * A home department as the calendar's choices name it, "眼科 (巴塘县人民医院)"; the command
     * line's {@code --department} takes the same text.
     */
    public String departmentLabel(Department department) {
        return department.name() + " (" + hospitalName(department) + ")";
    }

    /** A conflict or reason with the problem's ids replaced by the names of departments, mentors and trainees. */
    public Localized readable(Localized message) {
        return PlanPreview.named(message, names);
    }

    private ProgramTemplate template(long cohortId) {
        return cohorts.stream().filter(cohort -> cohort.id() == cohortId).findFirst().orElseThrow().template();
    }
}
