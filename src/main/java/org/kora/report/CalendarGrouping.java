package org.kora.report;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;

import org.kora.domain.CalendarEntry;
import org.kora.domain.Messages;

/**
 * How the rotation calendar groups its rotations, one heading per group: the same groups, in the
 * same order, on the screen, on paper and in the exports.
 */
public enum CalendarGrouping {
    /** One group per cohort, headed by the cohort's name. */
    COHORT,
    /** One group per home department, headed by the department and its hospital. */
    HOME_DEPARTMENT;

    /** A heading of the rotation calendar and its rotations. */
    public record Group(String heading, List<CalendarEntry> entries) {
        public Group {
            Objects.requireNonNull(heading, "heading");
            entries = List.copyOf(entries);
        }
    }

    /**
     * The entries' groups: cohorts in the order they start (then as they were created), or home
     * departments by hospital and name; within a group, rotations by their start (those not yet
     * planned last), then by the trainee's name in the language's order.
     */
    public List<Group> groups(List<CalendarEntry> entries, Messages messages) {
        var collator = Collator.getInstance(messages.language().locale());
        var byStart = Comparator.comparing(CalendarGrouping::startOf)
                .thenComparing(CalendarEntry::traineeName, collator).thenComparingLong(CalendarEntry::rotationId);
        var sorted = new ArrayList<>(entries);
        if (this == COHORT) {
            var firstDay = new HashMap<Long, LocalDate>();
            sorted.forEach(entry -> firstDay.merge(entry.cohortId(), startOf(entry), BinaryOperator.minBy(Comparator.naturalOrder())));
            sorted.sort(Comparator.comparing((CalendarEntry entry) -> firstDay.get(entry.cohortId()))
                    .thenComparingLong(CalendarEntry::cohortId).thenComparing(byStart));
        } else {
            sorted.sort(Comparator.comparing(CalendarEntry::homeHospitalName, collator)
                    .thenComparing(CalendarEntry::homeDepartmentName, collator)
                    .thenComparingLong(CalendarEntry::homeDepartmentId).thenComparing(byStart));
        }
        var groups = new LinkedHashMap<Long, List<CalendarEntry>>();
        for (var entry : sorted) {
            groups.computeIfAbsent(this == COHORT ? entry.cohortId() : entry.homeDepartmentId(), id -> new ArrayList<>()).add(entry);
        }
        return groups.values().stream().map(members -> new Group(heading(members.get(0), messages), members)).toList();
    }

    /** The heading of the group the entry belongs to. */
    public String heading(CalendarEntry entry, Messages messages) {
        return this == COHORT ? entry.cohortName()
                : messages.format("print.calendar.departmentHeading", entry.homeDepartmentName(), entry.homeHospitalName());
    }

    private static LocalDate startOf(CalendarEntry entry) {
        return entry.planned() ? entry.offSite().from() : LocalDate.MAX;
    }
}
