package org.kora.domain;

/** A trainee's professional category (类别). */
public enum Profession {
    DOCTOR, NURSE, TECHNICIAN, OTHER
}
