package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kora.report.PageItems.HALF_EM;
import static org.kora.report.PageItems.strings;
import static org.kora.report.PageItems.texts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kora.domain.AwayMonth;
import org.kora.domain.CalendarEntry;
import org.kora.domain.DateRange;
import org.kora.domain.Department;
import org.kora.domain.Language;
import org.kora.domain.Messages;

class AwayListLayoutTest {
    private static final Messages ENGLISH = new Messages(Language.EN);
    private static final PageSetup SETUP = new PageSetup("Away in 2027", Paper.A4_PORTRAIT, LocalDate.of(2026, 11, 23));

    private final AwayListLayout layout = new AwayListLayout(ENGLISH, HALF_EM);

    private static CalendarEntry away(int id, String name, long department, LocalDate from) {
        return new CalendarEntry(id, id, name, "S" + id, 1, "Cohort 1", department, "Dept " + department, "Batang", 10,
                "Anaesthesia", "Shuangliu", DateRange.of(from, from.plusMonths(3).minusDays(1)),
                DateRange.of(from.plusMonths(3), from.plusMonths(6).minusDays(1)), 7L, "Mentor Zhou", true, false);
    }

    @Test
    void aMonthUnderTheMinimumStandsOutInColourBoldAndMark() {
        var anaesthesia = Department.home(1, 1, "Anaesthesia", 4, 3);
        var entries = List.of(away(1, "Dolma", 1, LocalDate.of(2027, 3, 1)), away(2, "Tashi", 1, LocalDate.of(2027, 3, 1)));
        var lines = AwayMonth.of(entries, List.of(anaesthesia), department -> "Batang", YearMonth.of(2027, 2),
                YearMonth.of(2027, 3));

        var page = layout.layout(lines, SETUP).pages().get(0);

        assertThat(strings(page)).contains("Feb 2027", "Mar 2027", "No one away", "Dolma, Tashi", "4 / 3");
        var under = texts(page).stream().filter(run -> run.text().equals("2 / 3, under the minimum")).findFirst().orElseThrow();
        assertThat(under.bold()).isTrue();
        assertThat(under.ink()).isEqualTo(Ink.ERROR);
        var fine = texts(page).stream().filter(run -> run.text().equals("4 / 3")).findFirst().orElseThrow();
        assertThat(fine.bold()).isFalse();
        // the legend's mark, the month's mark and the bar along its row
        assertThat(PageItems.rects(page, Ink.ERROR)).hasSize(3);
    }

    @Test
    void manyNamesWrapInTheirCellWithoutSplittingAName() {
        var department = Department.home(1, 1, "Anaesthesia", 60, 3);
        var entries = new ArrayList<CalendarEntry>();
        for (var i = 1; i <= 40; i++) {
            entries.add(away(i, "Trainee" + i, 1, LocalDate.of(2027, 1, 1)));
        }
        var lines = AwayMonth.of(entries, List.of(department), d -> "Batang", YearMonth.of(2027, 1), YearMonth.of(2027, 1));

        var page = layout.layout(lines, SETUP).pages().get(0);

        var nameLines = strings(page).stream().filter(text -> text.startsWith("Trainee")).toList();
        assertThat(nameLines).hasSizeGreaterThan(1);
        assertThat(nameLines).allMatch(line -> line.matches("(Trainee\\d+, )*Trainee\\d+,?"));
        assertThat(String.join(" ", nameLines).split(",? ")).hasSize(40);
    }

    @Test
    void aMonthRunningOntoTheNextPageIsHeadedThereAsContinued() {
        var departments = new ArrayList<Department>();
        for (var i = 1; i <= 80; i++) {
            departments.add(Department.home(i, 1, "Department " + i, 5, 2));
        }
        var lines = AwayMonth.of(List.of(), departments, d -> "Batang", YearMonth.of(2027, 1), YearMonth.of(2027, 1));

        var document = layout.layout(lines, SETUP);

        assertThat(document.pages()).hasSize(2);
        assertThat(strings(document.pages().get(0))).contains("Jan 2027", "Page 1 of 2", "Home department");
        assertThat(strings(document.pages().get(1))).contains("Jan 2027 (continued)", "Page 2 of 2", "Home department");
    }
}
