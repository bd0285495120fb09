package org.kora.report;

import java.util.List;

/** A heading of the rotation calendar and the trainee rows under it. */
record CalendarGroup(String heading, List<CalendarRow> rows) {
    CalendarGroup {
        rows = List.copyOf(rows);
    }
}
