package org.kora.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated part of a rotation (阶段): off site at a partner department, or on site at the home
 * department with a mentor. Only an on-site block has a mentor.
 */
public record Block(long id, long rotationId, BlockKind kind, LocalDate from, LocalDate to,
                    long departmentId, Long mentorId) {
    public Block {
        Objects.requireNonNull(kind, "kind");
        DateRange.of(from, to);
        if (kind == BlockKind.OFF_SITE && mentorId != null) {
            throw new IllegalArgumentException("an off-site block has no mentor");
        }
    }

    public DateRange range() {
        return DateRange.of(from, to);
    }
}
