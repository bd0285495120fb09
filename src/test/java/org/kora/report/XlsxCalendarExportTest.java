package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kora.report.Rotation.range;
import static org.kora.report.Rotation.rotation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.kora.domain.CalendarEntry;
import org.kora.domain.Language;
import org.kora.domain.Messages;

class XlsxCalendarExportTest {
    private static final Messages ENGLISH = new Messages(Language.EN);
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);

    @Test
    void sheetsAreNamedInTheUsersLanguage() throws IOException {
        var entries = List.of(rotation(1).entry());

        assertThat(sheetNames(write(ENGLISH, entries))).containsExactly("Calendar", "Blocks");
        assertThat(sheetNames(write(new Messages(Language.ZH), entries))).containsExactly("轮训日历", "阶段");
    }

    @Test
    void monthsShowThePartnerDepartmentOffSiteAndTheMentorOnSiteInTheirColours() throws IOException {
        var xlsx = write(ENGLISH, List.of(rotation(1).entry()));

        var rows = rows(xlsx, 0);
        assertThat(texts(rows.get(1))).containsExactly("Trainee", "Staff no.", "Conflict", "Mar 2026", "Apr 2026",
                "May 2026", "Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026");
        assertThat(texts(rows.get(3))).containsExactly("Tenzin Dolma", "007", "", "Anaesthesiology", "Anaesthesiology",
                "Anaesthesiology", "Wang Li", "Wang Li", "Wang Li");
        var parts = XlsxParts.of(xlsx);
        assertThat(parts.fill(1, "D4")).isEqualTo(Ink.OFF_SITE.hex());
        assertThat(parts.fill(1, "G4")).isEqualTo(Ink.ON_SITE.hex());
        assertThat(parts.fill(1, "J4")).isNull();
    }

    @Test
    void aMonthWithBothBlocksShowsTheBlockWithMoreDaysInIt() throws IOException {
        var entry = rotation(1).blocks(range("2026-03-10", "2026-06-09"), range("2026-06-10", "2026-09-09")).entry();

        var trainee = rows(write(ENGLISH, List.of(entry)), 0).get(3);

        // June: 9 days off site, 21 on site
        assertThat(texts(trainee).subList(3, 10)).containsExactly("Anaesthesiology", "Anaesthesiology",
                "Anaesthesiology", "Wang Li", "Wang Li", "Wang Li", "Wang Li");
    }

    @Test
    void aMonthSplitEvenlyShowsTheEarlierBlock() throws IOException {
        var entry = rotation(1).blocks(range("2026-03-16", "2026-06-15"), range("2026-06-16", "2026-09-15")).entry();

        var trainee = rows(write(ENGLISH, List.of(entry)), 0).get(3);

        // June: 15 days each
        assertThat(trainee.getCellText(6)).isEqualTo("Anaesthesiology");
    }

    @Test
    void traineesAreGroupedUnderCohortHeadingsInAlphabeticalOrder() throws IOException {
        var entries = List.of(
                rotation(1).trainee(1, "Pema", "101").cohort(2, "2027 autumn").entry(),
                rotation(2).trainee(2, "Dawa", "102").cohort(1, "2026 spring").entry(),
                rotation(3).trainee(3, "Chime", "103").cohort(2, "2027 autumn").entry());

        var rows = rows(write(ENGLISH, entries, CalendarGrouping.COHORT), 0);

        assertThat(rows.subList(2, rows.size())).extracting(row -> row.getCellText(0))
                .containsExactly("2026 spring", "Dawa", "2027 autumn", "Chime", "Pema");
    }

    @Test
    void traineesAreGroupedUnderHomeDepartmentHeadingsWithTheirHospital() throws IOException {
        var entries = List.of(
                rotation(1).trainee(1, "Pema", "101").home(11, "Surgery", "Shigatse Hospital").entry(),
                rotation(2).trainee(2, "Dawa", "102").home(10, "Anaesthesia", "Lhasa Hospital").entry());

        var rows = rows(write(ENGLISH, entries, CalendarGrouping.HOME_DEPARTMENT), 0);

        assertThat(rows.subList(2, rows.size())).extracting(row -> row.getCellText(0))
                .containsExactly("Anaesthesia, Lhasa Hospital", "Dawa", "Surgery, Shigatse Hospital", "Pema");
    }

    @Test
    void aTraineesRotationsShareOneRow() throws IOException {
        var entries = List.of(
                rotation(1).entry(),
                rotation(2).blocks(range("2026-09-01", "2026-11-30"), range("2026-12-01", "2027-02-28"))
                        .host("Intensive care", "Ruijin Hospital").entry());

        var rows = rows(write(ENGLISH, entries, CalendarGrouping.HOME_DEPARTMENT), 0);

        assertThat(rows).hasSize(4);
        assertThat(rows.get(3).getCellText(9)).isEqualTo("Intensive care");
    }

    @Test
    void aTraineeInConflictCarriesTheConflictMark() throws IOException {
        var entries = List.of(rotation(1).trainee(1, "Pema", "101").inConflict().entry(),
                rotation(2).trainee(2, "Dawa", "102").entry());

        var xlsx = write(ENGLISH, entries);

        var rows = rows(xlsx, 0);
        assertThat(rows.get(3).getCellText(0)).isEqualTo("Dawa");
        assertThat(rows.get(3).getCellText(2)).isEmpty();
        assertThat(rows.get(4).getCellText(2)).isEqualTo("In conflict");
        assertThat(XlsxParts.of(xlsx).fill(1, "C5")).isEqualTo(Ink.CONFLICT.hex());
    }

    @Test
    void aTraineeNotPlannedHasARowWithEmptyMonths() throws IOException {
        var rows = rows(write(ENGLISH, List.of(rotation(1).notPlanned().entry())), 0);

        assertThat(texts(rows.get(3))).containsExactly("Tenzin Dolma", "007");
        assertThat(rows(write(ENGLISH, List.of(rotation(1).notPlanned().entry())), 1)).hasSize(1);
    }

    @Test
    void theLegendRowShowsTheThreeColours() throws IOException {
        var xlsx = write(ENGLISH, List.of(rotation(1).entry()));

        assertThat(texts(rows(xlsx, 0).get(0))).containsExactly("Off site: partner department", "On site: mentor",
                "Breaks a planning rule");
        var parts = XlsxParts.of(xlsx);
        assertThat(List.of(parts.fill(1, "A1"), parts.fill(1, "B1"), parts.fill(1, "C1"))).containsExactly(
                Ink.OFF_SITE.hex(), Ink.ON_SITE.hex(), Ink.CONFLICT.hex());
    }

    @Test
    void theLegendAndHeaderRowsAndTheNameColumnsStayInView() throws IOException {
        var sheet = XlsxParts.of(write(ENGLISH, List.of(rotation(1).entry()))).part("xl/worksheets/sheet1.xml");

        assertThat(sheet).containsPattern("<pane xSplit=\"3\" ySplit=\"2\" topLeftCell=\"D3\"[^>]*state=\"frozen\"");
    }

    @Test
    void theCalendarPrintsOnA4LandscapeWithTheLegendAndHeaderOnEveryPage() throws IOException {
        var parts = XlsxParts.of(write(ENGLISH, List.of(rotation(1).entry())));

        assertThat(parts.part("xl/worksheets/sheet1.xml")).containsPattern("<pageSetup paperSize=\"9\"[^>]*orientation=\"landscape\"");
        assertThat(parts.part("xl/workbook.xml")).contains("name=\"_xlnm.Print_Titles\"", ">'Calendar'!$1:$2<");
    }

    @Test
    void blocksSheetHasOneRowPerBlockWithExcelDates() throws IOException {
        var entries = List.of(rotation(1).entry(), rotation(2).trainee(2, "Dawa", "102").notPlanned().entry());

        var rows = rows(write(ENGLISH, entries), 1);

        assertThat(texts(rows.get(0))).containsExactly("Trainee", "Staff no.", "Cohort", "Home department", "Hospital",
                "Block", "From", "To", "Partner department or mentor");
        assertThat(rows).hasSize(3);
        assertThat(texts(rows.get(1))).startsWith("Tenzin Dolma", "007", "2026 spring", "Anaesthesia",
                "Lhasa People's Hospital", "Off site");
        var onSite = rows.get(2);
        assertThat(onSite.getCellText(5)).isEqualTo("On site");
        assertThat(onSite.getCell(6).getType()).isEqualTo(CellType.NUMBER);
        assertThat(onSite.getCell(6).asDate()).isEqualTo(LocalDateTime.parse("2026-06-01T00:00"));
        assertThat(onSite.getCell(7).asDate()).isEqualTo(LocalDateTime.parse("2026-08-31T00:00"));
        assertThat(onSite.getCell(7).getDataFormatString()).isEqualTo("yyyy-mm-dd");
        assertThat(onSite.getCellText(8)).isEqualTo("Wang Li");
    }

    @Test
    void anOnSiteBlockWithoutAMentorSaysSo() throws IOException {
        var rows = rows(write(ENGLISH, List.of(rotation(1).mentor(null, null).entry())), 1);

        assertThat(rows.get(2).getCellText(8)).isEqualTo("no mentor yet");
    }

    @Test
    void staffNumbersAreTextWithTheirLeadingZeros() throws IOException {
        var xlsx = write(ENGLISH, List.of(rotation(1).trainee(1, "Pema", "000123").entry()));

        var calendarCell = rows(xlsx, 0).get(3).getCell(1);
        var blocksCell = rows(xlsx, 1).get(1).getCell(1);
        assertThat(List.of(calendarCell, blocksCell)).allSatisfy(cell -> {
            assertThat(cell.getType()).isEqualTo(CellType.STRING);
            assertThat(cell.asString()).isEqualTo("000123");
        });
    }

    @Test
    void textThatLooksLikeAFormulaStaysTextAsWritten() throws IOException {
        var names = List.of("=HYPERLINK(\"http://x\",\"y\")", "+86 1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=cmd|' /C calc'!A0");
        var entries = new ArrayList<CalendarEntry>();
        for (var index = 0; index < names.size(); index++) {
            entries.add(rotation(index + 1).trainee(index + 1, names.get(index), "=" + index)
                    .host("=1+" + index, "Ruijin Hospital").entry());
        }

        var xlsx = write(ENGLISH, entries);

        var parts = XlsxParts.of(xlsx);
        assertThat(parts.part("xl/worksheets/sheet1.xml")).doesNotContain("<f>").doesNotContain("<f ");
        assertThat(parts.part("xl/worksheets/sheet2.xml")).doesNotContain("<f>").doesNotContain("<f ");
        var blockRows = rows(xlsx, 1);
        var written = blockRows.subList(1, blockRows.size()).stream().map(row -> row.getCell(0)).toList();
        assertThat(written).allSatisfy(cell -> assertThat(cell.getType()).isEqualTo(CellType.STRING));
        assertThat(written).extracting(cell -> cell.asString()).containsAll(names);
        assertThat(parts.numberFormat(2, "A2")).isEqualTo("@");
        assertThat(blockRows.subList(1, blockRows.size())).extracting(row -> row.getCellText(8)).contains("=1+0");
    }

    @Test
    void theCallersStreamIsLeftOpen() throws IOException {
        var closed = new boolean[1];
        var out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        new XlsxCalendarExport(ENGLISH).write(List.of(rotation(1).entry()), CalendarGrouping.COHORT, MARCH, SEPTEMBER, out);

        assertThat(closed[0]).isFalse();
        assertThat(ReadableWorkbook.isOOXMLZipHeader(out.toByteArray())).isTrue();
    }

    @Test
    void monthsThatEndBeforeTheyStartAreRefused() {
        assertThatThrownBy(() -> new XlsxCalendarExport(ENGLISH).write(List.of(), CalendarGrouping.COHORT, SEPTEMBER,
                MARCH, OutputStream.nullOutputStream())).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] write(Messages messages, List<CalendarEntry> entries) throws IOException {
        return write(messages, entries, CalendarGrouping.COHORT);
    }

    private static byte[] write(Messages messages, List<CalendarEntry> entries, CalendarGrouping grouping)
            throws IOException {
        var out = new ByteArrayOutputStream();
        new XlsxCalendarExport(messages).write(entries, grouping, MARCH, SEPTEMBER, out);
        return out.toByteArray();
    }

    private static List<Row> rows(byte[] xlsx, int sheet) throws IOException {
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            return workbook.getSheet(sheet).orElseThrow().read();
        }
    }

    private static List<String> sheetNames(byte[] xlsx) throws IOException {
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getSheets().map(sheet -> sheet.getName()).toList();
        }
    }

    /** A row's cell texts up to its last cell, "" for a cell not written. */
    private static List<String> texts(Row row) {
        return IntStream.range(0, row.getCellCount()).mapToObj(row::getCellText).toList();
    }
}
