package org.kora.report;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

import org.kora.domain.CalendarEntry;
import org.kora.domain.Messages;

/** How the rotation calendar groups its trainees, one heading per group. */
public enum CalendarGrouping {
    /** One group per cohort, headed by the cohort's name. */
    COHORT,
    /** One group per home department, headed by the department and its hospital. */
    HOME_DEPARTMENT;

    /**
     * The entries' groups, headings in the alphabetical order of the language, each with one row per
     * trainee (by name, then staff number) holding all of that trainee's blocks in the group.
     */
    List<CalendarGroup> groups(List<CalendarEntry> entries, Messages messages) {
        var collator = Collator.getInstance(messages.language().locale());
        var byGroup = new LinkedHashMap<Long, List<CalendarEntry>>();
        for (var entry : entries) {
            byGroup.computeIfAbsent(this == COHORT ? entry.cohortId() : entry.homeDepartmentId(),
                    id -> new ArrayList<>()).add(entry);
        }
        var rowOrder = Comparator.comparing(CalendarRow::traineeName, collator)
                .thenComparing(row -> Objects.toString(row.staffNo(), ""), collator);
        return byGroup.values().stream()
                .map(members -> new CalendarGroup(heading(members.get(0), messages),
                        CalendarRow.byTrainee(members).stream().sorted(rowOrder).toList()))
                .sorted(Comparator.comparing(CalendarGroup::heading, collator))
                .toList();
    }

    private String heading(CalendarEntry entry, Messages messages) {
        return this == COHORT ? Objects.toString(entry.cohortName(), "")
                : messages.format("export.group.department", entry.homeDepartmentName(), entry.homeHospitalName());
    }
}
