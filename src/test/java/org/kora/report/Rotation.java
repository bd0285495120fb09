package org.kora.report;

import java.time.LocalDate;

import org.kora.domain.CalendarEntry;
import org.kora.domain.DateRange;

/** Builds the calendar entries of the export tests: a planned rotation, changed where a test needs it. */
final class Rotation {
    private long rotationId = 17;
    private long traineeId = 1;
    private String traineeName = "Tenzin Dolma";
    private String staffNo = "007";
    private long cohortId = 1;
    private String cohortName = "2026 spring";
    private long homeDepartmentId = 10;
    private String homeDepartmentName = "Anaesthesia";
    private String homeHospitalName = "Lhasa People's Hospital";
    private String hostDepartmentName = "Anaesthesiology";
    private String hostHospitalName = "Ruijin Hospital";
    private DateRange offSite = range("2026-03-01", "2026-05-31");
    private DateRange onSite = range("2026-06-01", "2026-08-31");
    private Long mentorId = 30L;
    private String mentorName = "Wang Li";
    private boolean confirmed;
    private boolean inConflict;

    static Rotation rotation(long rotationId) {
        var rotation = new Rotation();
        rotation.rotationId = rotationId;
        return rotation;
    }

    static DateRange range(String from, String to) {
        return DateRange.of(LocalDate.parse(from), LocalDate.parse(to));
    }

    Rotation trainee(long id, String name, String number) {
        traineeId = id;
        traineeName = name;
        staffNo = number;
        return this;
    }

    Rotation cohort(long id, String name) {
        cohortId = id;
        cohortName = name;
        return this;
    }

    Rotation home(long id, String department, String hospital) {
        homeDepartmentId = id;
        homeDepartmentName = department;
        homeHospitalName = hospital;
        return this;
    }

    Rotation host(String department, String hospital) {
        hostDepartmentName = department;
        hostHospitalName = hospital;
        return this;
    }

    Rotation blocks(DateRange off, DateRange on) {
        offSite = off;
        onSite = on;
        return this;
    }

    Rotation notPlanned() {
        offSite = null;
        onSite = null;
        mentorId = null;
        mentorName = null;
        return this;
    }

    Rotation mentor(Long id, String name) {
        mentorId = id;
        mentorName = name;
        return this;
    }

    Rotation confirmed() {
        confirmed = true;
        return this;
    }

    Rotation inConflict() {
        inConflict = true;
        return this;
    }

    CalendarEntry entry() {
        return new CalendarEntry(rotationId, traineeId, traineeName, staffNo, cohortId, cohortName,
                homeDepartmentId, homeDepartmentName, homeHospitalName, 20, hostDepartmentName, hostHospitalName,
                offSite, onSite, mentorId, mentorName, confirmed, inConflict);
    }
}
