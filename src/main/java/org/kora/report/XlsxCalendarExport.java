package org.kora.report;

import static org.kora.report.SpreadsheetCells.date;
import static org.kora.report.SpreadsheetCells.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.text.Collator;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.kora.domain.BlockKind;
import org.kora.domain.CalendarEntry;
import org.kora.domain.Messages;

/**
 * The rotation calendar as an Excel workbook (.xlsx) of two sheets, named and worded in the
 * language of the {@link Messages} given.
 *
 * <ol>
 *   <li><b>Calendar</b>: a legend row, a header row (trainee, staff number, conflict, one column
 *   per month), then one heading row per group ({@link CalendarGrouping}) with one row per trainee
 *   under it. A month's cell is filled in the off-site colour with the partner department, or in
 *   the on-site colour with the mentor. A month that holds both blocks shows the one with more days
 *   in it, and on a tie the earlier one. A trainee in conflict has the conflict mark, in the conflict
 *   colour. The legend and header rows and the first three columns stay in view when scrolling; the
 *   sheet prints on A4 landscape with the legend and header rows on every page.</li>
 *   <li><b>Blocks</b>: a plain table, one row per block of the planned rotations: trainee, staff
 *   number, cohort, home department, hospital, block kind, first and last day (Excel dates) and the
 *   partner department or mentor.</li>
 * </ol>
 *
 * <p>Every text, staff numbers included, is a string cell in the Text format, never a formula
 * ({@link SpreadsheetCells}).
 */
public final class XlsxCalendarExport {
    private static final int LEGEND_ROW = 0;
    private static final int HEADER_ROW = 1;
    private static final int FIRST_MONTH_COLUMN = 3;

    private final Messages messages;

    public XlsxCalendarExport(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /**
     * Writes the workbook for the months {@code first} to {@code last} to {@code out}, which is
     * left open.
     *
     * @throws IOException when {@code out} fails
     */
    public void write(List<CalendarEntry> entries, CalendarGrouping grouping, YearMonth first, YearMonth last,
                      OutputStream out) throws IOException {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the months end " + last + " before they start " + first);
        }
        var workbook = new Workbook(out, "Kora", null);
        writeCalendar(workbook.newWorksheet(messages.get("export.sheet.calendar")), entries, grouping,
                months(first, last));
        writeBlocks(workbook.newWorksheet(messages.get("export.sheet.blocks")), entries);
        workbook.finish();
    }

    /**
     * Writes the workbook to {@code file}, whole or not at all.
     *
     * @throws org.kora.domain.KoraException when the file cannot be written; it is then left as it was
     */
    public void write(List<CalendarEntry> entries, CalendarGrouping grouping, YearMonth first, YearMonth last,
                      Path file) {
        ExportFile.write(file, out -> write(entries, grouping, first, last, out));
    }

    private void writeCalendar(Worksheet sheet, List<CalendarEntry> entries, CalendarGrouping grouping,
                               List<YearMonth> months) {
        text(sheet, LEGEND_ROW, 0, messages.get("export.legend.offSite")).fillColor(Ink.OFF_SITE.hex()).set();
        text(sheet, LEGEND_ROW, 1, messages.get("export.legend.onSite")).fillColor(Ink.ON_SITE.hex()).set();
        text(sheet, LEGEND_ROW, 2, messages.get("export.legend.conflict")).fillColor(Ink.CONFLICT.hex()).set();

        text(sheet, HEADER_ROW, 0, messages.get("export.column.trainee")).bold().set();
        text(sheet, HEADER_ROW, 1, messages.get("export.column.staffNo")).bold().set();
        text(sheet, HEADER_ROW, 2, messages.get("export.column.conflict")).bold().set();
        var monthName = DateTimeFormatter.ofPattern(messages.get("export.monthPattern"), messages.language().locale());
        for (var index = 0; index < months.size(); index++) {
            text(sheet, HEADER_ROW, FIRST_MONTH_COLUMN + index, monthName.format(months.get(index))).bold().set();
        }

        var row = HEADER_ROW + 1;
        for (var group : grouping.groups(entries, messages)) {
            text(sheet, row++, 0, group.heading()).bold().set();
            for (var trainee : CalendarRow.byTrainee(group.entries())) {
                text(sheet, row, 0, trainee.traineeName()).set();
                text(sheet, row, 1, trainee.staffNo()).set();
                if (trainee.inConflict()) {
                    text(sheet, row, 2, messages.get("export.conflict")).fillColor(Ink.CONFLICT.hex()).set();
                }
                for (var index = 0; index < months.size(); index++) {
                    var shown = trainee.blockIn(months.get(index));
                    if (shown.isPresent()) {
                        var block = shown.get();
                        text(sheet, row, FIRST_MONTH_COLUMN + index, block.counterpart(messages))
                                .fillColor(colour(block.kind()).hex()).set();
                    }
                }
                row++;
            }
        }
        sheet.freezePane(FIRST_MONTH_COLUMN, HEADER_ROW + 1);
        sheet.repeatRows(LEGEND_ROW, HEADER_ROW);
        sheet.pageOrientation("landscape");
        sheet.paperSize(PaperSize.A4_PAPER);
        // wide enough for the legend, which shares these columns
        sheet.width(0, 28);
        sheet.width(1, 18);
        sheet.width(2, 22);
        for (var index = 0; index < months.size(); index++) {
            sheet.width(FIRST_MONTH_COLUMN + index, 16);
        }
    }

    private void writeBlocks(Worksheet sheet, List<CalendarEntry> entries) {
        var headers = List.of("export.column.trainee", "export.column.staffNo", "export.column.cohort",
                "export.column.homeDepartment", "export.column.hospital", "export.column.block",
                "export.column.from", "export.column.to", "export.column.partnerOrMentor");
        for (var column = 0; column < headers.size(); column++) {
            text(sheet, 0, column, messages.get(headers.get(column))).bold().set();
            sheet.width(column, column == headers.size() - 1 ? 30 : 18);
        }
        var row = 1;
        for (var block : blocksInOrder(entries)) {
            var entry = block.entry();
            text(sheet, row, 0, entry.traineeName()).set();
            text(sheet, row, 1, entry.staffNo()).set();
            text(sheet, row, 2, entry.cohortName()).set();
            text(sheet, row, 3, entry.homeDepartmentName()).set();
            text(sheet, row, 4, entry.homeHospitalName()).set();
            text(sheet, row, 5, block.kindName(messages)).set();
            date(sheet, row, 6, block.dates().from());
            date(sheet, row, 7, block.dates().to());
            text(sheet, row, 8, block.counterpart(messages)).set();
            row++;
        }
        sheet.freezePane(0, 1);
        sheet.setAutoFilter(0, 0, headers.size() - 1);
    }

    /** Blocks by trainee name, staff number and date, in the alphabetical order of the language. */
    private List<CalendarBlock> blocksInOrder(List<CalendarEntry> entries) {
        var collator = Collator.getInstance(messages.language().locale());
        return entries.stream().flatMap(entry -> CalendarBlock.of(entry).stream())
                .sorted(Comparator.comparing((CalendarBlock block) -> block.entry().traineeName(), collator)
                        .thenComparing(block -> Objects.toString(block.entry().staffNo(), ""), collator)
                        .thenComparing(block -> block.dates().from()))
                .toList();
    }

    private static Ink colour(BlockKind kind) {
        return kind == BlockKind.OFF_SITE ? Ink.OFF_SITE : Ink.ON_SITE;
    }

    private static List<YearMonth> months(YearMonth first, YearMonth last) {
        var months = new ArrayList<YearMonth>();
        for (var month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }
}
