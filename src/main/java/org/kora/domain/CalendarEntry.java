package org.kora.domain;

import java.util.Objects;

/**
 * One rotation as the rotation calendar, its prints and its exports show it: the trainee, their
 * cohort and home department, the partner department that hosts the off-site block, and the two
 * blocks with the on-site mentor once planned. {@code offSite}, {@code onSite} and the mentor are
 * null while the rotation is not planned; {@code inConflict} marks a rotation that breaks a
 * planning rule.
 */
public record CalendarEntry(long rotationId, long traineeId, String traineeName, String staffNo,
                            long cohortId, String cohortName,
                            long homeDepartmentId, String homeDepartmentName, String homeHospitalName,
                            long hostDepartmentId, String hostDepartmentName, String hostHospitalName,
                            DateRange offSite, DateRange onSite, Long mentorId, String mentorName,
                            boolean confirmed, boolean inConflict) {
    public CalendarEntry {
        Objects.requireNonNull(traineeName, "traineeName");
        if ((offSite == null) != (onSite == null)) {
            throw new IllegalArgumentException("a rotation is planned with both blocks or with none");
        }
    }

    public boolean planned() {
        return offSite != null;
    }

    /** The first day off site to the last day on site; null while not planned. */
    public DateRange span() {
        return planned() ? DateRange.of(offSite.from(), onSite.to()) : null;
    }

    /** The entry with other dates and mentor, as after a move by hand. */
    public CalendarEntry moved(DateRange newOffSite, DateRange newOnSite, Long newMentorId, String newMentorName) {
        return new CalendarEntry(rotationId, traineeId, traineeName, staffNo, cohortId, cohortName,
                homeDepartmentId, homeDepartmentName, homeHospitalName, hostDepartmentId, hostDepartmentName,
                hostHospitalName, newOffSite, newOnSite, newMentorId, newMentorName, confirmed, inConflict);
    }

    /** The entry marked in conflict, or not. */
    public CalendarEntry marked(boolean conflict) {
        return new CalendarEntry(rotationId, traineeId, traineeName, staffNo, cohortId, cohortName,
                homeDepartmentId, homeDepartmentName, homeHospitalName, hostDepartmentId, hostDepartmentName,
                hostHospitalName, offSite, onSite, mentorId, mentorName, confirmed, conflict);
    }
}
