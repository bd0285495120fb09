package org.kora.service;

import java.util.Optional;

import org.kora.domain.Problem;
import org.kora.domain.SignOffLevel;

/**
 * The rules a competency's fields must meet. Forms show them live; {@link CurriculumService}
 * enforces them. Lengths are those of the database columns, counted in characters.
 */
public final class CurriculumRules {
    static final int NAME_LENGTH = 200;
    static final int CATEGORY_LENGTH = 100;

    private CurriculumRules() {
    }

    public static Optional<Problem> nameZh(String nameZh) {
        if (nameZh == null || nameZh.isBlank()) {
            return Optional.of(new Problem("curricula.nameZhMissing"));
        }
        return length(nameZh) > NAME_LENGTH ? Optional.of(new Problem("curricula.nameZhTooLong", NAME_LENGTH))
                : Optional.empty();
    }

    public static Optional<Problem> nameEn(String nameEn) {
        if (nameEn == null || nameEn.isBlank()) {
            return Optional.of(new Problem("curricula.nameEnMissing"));
        }
        return length(nameEn) > NAME_LENGTH ? Optional.of(new Problem("curricula.nameEnTooLong", NAME_LENGTH))
                : Optional.empty();
    }

    /** Optional. */
    public static Optional<Problem> category(String category) {
        return category == null || length(category) <= CATEGORY_LENGTH ? Optional.empty()
                : Optional.of(new Problem("curricula.categoryTooLong", CATEGORY_LENGTH));
    }

    /** The number of performances required: a whole number of at least 1. */
    public static Optional<Problem> requiredCount(Integer requiredCount) {
        return requiredCount != null && requiredCount >= 1 ? Optional.empty()
                : Optional.of(new Problem("curricula.requiredInvalid"));
    }

    public static Optional<Problem> level(SignOffLevel level) {
        return level != null ? Optional.empty() : Optional.of(new Problem("curricula.levelMissing"));
    }

    /** Throws the first problem of {@code draft}, as a refusal. */
    static void check(CompetencyDraft draft) {
        PeopleRules.check(nameZh(draft.nameZh()), nameEn(draft.nameEn()), category(draft.category()),
                requiredCount(draft.requiredCount()), level(draft.achievedLevel()));
    }

    private static int length(String text) {
        var stripped = text.strip();
        return stripped.codePointCount(0, stripped.length());
    }
}
