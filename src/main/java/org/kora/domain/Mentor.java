package org.kora.domain;

/**
 * A partner-hospital doctor (带教专家) who serves one home department during deployments and can
 * mentor up to {@code capacity} trainees at once.
 */
public record Mentor(long id, long partnerHospitalId, long departmentId, String staffNo, String name,
                     int capacity) {
    public Mentor {
        Text.requireName(staffNo, "staffNo");
        Text.requireName(name, "name");
        if (capacity < 1) {
            throw new IllegalArgumentException("a mentor's capacity must be at least 1");
        }
    }
}
