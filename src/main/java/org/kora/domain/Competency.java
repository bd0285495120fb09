package org.kora.domain;

import java.util.Objects;

/**
 * An item of a home department's curriculum (考核项目): the number of supervised performances it
 * requires and the level at which a performance counts towards it.
 */
public record Competency(long id, long departmentId, String nameZh, String nameEn, String category,
                         int requiredCount, SignOffLevel achievedLevel, int sortOrder) {
    public Competency {
        Text.requireName(nameZh, "nameZh");
        Text.requireName(nameEn, "nameEn");
        Objects.requireNonNull(achievedLevel, "achievedLevel");
        if (requiredCount < 1) {
            throw new IllegalArgumentException("a competency requires at least one performance");
        }
    }
}
