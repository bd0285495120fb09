package org.kora.store;

import java.time.LocalDate;

import org.kora.domain.CalendarEntry;
import org.kora.domain.DateRange;

/**
 * A rotation joined with its trainee, cohort, departments, hospitals, both blocks and the mentor,
 * in one row as {@link CalendarDao#rows} reads them; block dates are null while not planned.
 */
public record CalendarRow(long rotationId, long traineeId, String traineeName, String staffNo,
                          long cohortId, String cohortName,
                          long homeDepartmentId, String homeDepartmentName, String homeHospitalName,
                          long hostDepartmentId, String hostDepartmentName, String hostHospitalName,
                          LocalDate offSiteFrom, LocalDate offSiteTo, LocalDate onSiteFrom, LocalDate onSiteTo,
                          Long mentorId, String mentorName, boolean confirmed) {
    /** The calendar's entry of this row; planned only when both blocks are there. */
    public CalendarEntry entry() {
        var planned = offSiteFrom != null && onSiteFrom != null;
        return new CalendarEntry(rotationId, traineeId, traineeName, staffNo, cohortId, cohortName,
                homeDepartmentId, homeDepartmentName, homeHospitalName, hostDepartmentId, hostDepartmentName,
                hostHospitalName, planned ? DateRange.of(offSiteFrom, offSiteTo) : null,
                planned ? DateRange.of(onSiteFrom, onSiteTo) : null, planned ? mentorId : null,
                planned ? mentorName : null, confirmed, false);
    }
}
