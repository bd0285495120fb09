package org.kora.report;

/** How the rotation calendar groups its trainees: under their cohort or their home department. */
public enum CalendarGrouping {
    COHORT, DEPARTMENT
}
