package org.kora.domain;

/** Which side of a partnership a hospital, and so each of its departments, stands on. */
public enum HospitalKind {
    /** 受援医院: the remote hospital whose staff are trained. */
    HOME,
    /** 支援医院: the hospital that hosts trainees and sends mentors. */
    PARTNER
}
