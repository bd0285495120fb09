package org.kora.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One line of the away list: in one month, the trainees of one home department who are away in an
 * off-site block on some day of it, and the fewest staff left on duty on any day of the month
 * (headcount − the most away at once), against the department's minimum.
 */
public record AwayMonth(YearMonth month, long departmentId, String departmentName, String hospitalName,
                        int headcount, int minOnDuty, List<CalendarEntry> away, int fewestOnDuty) {
    public AwayMonth {
        away = List.copyOf(away);
    }

    /** True when on some day of the month fewer than the minimum are on duty. */
    public boolean underMinimum() {
        return fewestOnDuty < minOnDuty;
    }

    /**
     * The away list of {@code months} for the home departments given, from the planned entries:
     * one line per department and month, departments in the order given, months in order.
     */
    public static List<AwayMonth> of(List<CalendarEntry> entries, List<Department> homeDepartments,
                                     Function<Department, String> hospitalName, YearMonth first, YearMonth last) {
        Map<Long, List<CalendarEntry>> byDepartment = entries.stream().filter(CalendarEntry::planned)
                .collect(Collectors.groupingBy(CalendarEntry::homeDepartmentId));
        var lines = new ArrayList<AwayMonth>();
        for (var department : homeDepartments) {
            var own = byDepartment.getOrDefault(department.id(), List.of());
            for (var month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                var range = DateRange.of(month.atDay(1), month.atEndOfMonth());
                var away = own.stream().filter(entry -> entry.offSite().overlaps(range))
                        .sorted(Comparator.comparing((CalendarEntry entry) -> entry.offSite().from())
                                .thenComparing(CalendarEntry::traineeName))
                        .toList();
                lines.add(new AwayMonth(month, department.id(), department.name(), hospitalName.apply(department),
                        department.headcount(), department.minOnDuty(), away,
                        department.headcount() - mostAwayAtOnce(away, range)));
            }
        }
        return lines;
    }

    private static int mostAwayAtOnce(List<CalendarEntry> away, DateRange month) {
        var most = 0;
        for (LocalDate day = month.from(); !day.isAfter(month.to()); day = day.plusDays(1)) {
            var onDay = day;
            most = Math.max(most, (int) away.stream().filter(entry -> entry.offSite().contains(onDay)).count());
        }
        return most;
    }
}
