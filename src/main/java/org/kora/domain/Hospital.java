package org.kora.domain;

import java.util.Objects;

/** A home or partner hospital (医院). */
public record Hospital(long id, String name, HospitalKind kind) {
    public Hospital {
        Text.requireName(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
