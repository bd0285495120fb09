package org.kora.service;

import org.kora.domain.Competency;
import org.kora.domain.SignOffLevel;

/**
 * A competency as a form offers it to {@link CurriculumService}: not yet checked, so that a blank
 * name or a missing count reaches the service and is refused there with a message naming the
 * field, rather than failing as a {@link Competency} that cannot be built. Id 0 adds a competency.
 */
public record CompetencyDraft(long id, long departmentId, String nameZh, String nameEn, String category,
                              Integer requiredCount, SignOffLevel achievedLevel) {
    /** The draft that puts {@code competency} back as it is. */
    public static CompetencyDraft of(Competency competency) {
        return new CompetencyDraft(competency.id(), competency.departmentId(), competency.nameZh(), competency.nameEn(),
                competency.category(), competency.requiredCount(), competency.achievedLevel());
    }
}
