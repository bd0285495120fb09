package org.kora.domain;

import java.util.Objects;

/**
 * A sign-off as screens and prints show it: the entry with its competency and the signing
 * mentor's name, and whether a later entry amends it (then it is shown struck through, never
 * hidden).
 */
public record SignOffLine(SignOff entry, Competency competency, String mentorName, boolean amended) {
    public SignOffLine {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(competency, "competency");
        Objects.requireNonNull(mentorName, "mentorName");
    }
}
