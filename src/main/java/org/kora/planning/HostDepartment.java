package org.kora.planning;

/** A partner department: how many trainees it can host on any day. */
public record HostDepartment(String id, int capacity) {
    public HostDepartment {
        if (capacity < 1) {
            throw new IllegalArgumentException(id + ": capacity must be at least 1");
        }
    }
}
