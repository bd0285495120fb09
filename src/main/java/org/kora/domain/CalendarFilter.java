package org.kora.domain;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Set;

/**
 * Which rotations a calendar, print or export shows: trainees of some home departments (null for
 * any; a hospital is all its departments), one cohort (null for any), the months whose days the
 * rotation must touch (null for open), and text in the trainee's name or staff number (empty for
 * any). Unplanned rotations pass only when no months are set.
 */
public record CalendarFilter(Set<Long> homeDepartmentIds, Long cohortId, YearMonth from, YearMonth to, String text) {
    public static final CalendarFilter ALL = new CalendarFilter(null, null, null, null, "");

    public CalendarFilter {
        homeDepartmentIds = homeDepartmentIds == null ? null : Set.copyOf(homeDepartmentIds);
        text = text == null ? "" : text.strip();
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the months end " + to + " before they start " + from);
        }
    }

    public boolean test(CalendarEntry entry) {
        if (homeDepartmentIds != null && !homeDepartmentIds.contains(entry.homeDepartmentId())
                || cohortId != null && cohortId != entry.cohortId()) {
            return false;
        }
        if (!text.isEmpty() && !entry.traineeName().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))
                && !entry.staffNo().contains(text)) {
            return false;
        }
        if (from == null && to == null) {
            return true;
        }
        if (!entry.planned()) {
            return false;
        }
        var span = entry.span();
        return (from == null || !span.to().isBefore(from.atDay(1))) && (to == null || !span.from().isAfter(to.atEndOfMonth()));
    }
}
