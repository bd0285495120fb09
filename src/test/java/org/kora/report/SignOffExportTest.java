package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.KoraException;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.domain.Profession;
import org.kora.domain.SignOff;
import org.kora.domain.Trainee;

class SignOffExportTest {
    private static final Messages ENGLISH = new Messages(Language.EN);
    private static final ZoneId CHENGDU = ZoneId.of("Asia/Shanghai");
    private static final Trainee DOLMA = new Trainee(1, 1, 1, "00042", "ཚེ་རིང་སྒྲོལ་མ 次仁卓玛", Profession.NURSE, null,
            "+86 138 0000 1234", null, null);

    @TempDir
    Path folder;

    @Test
    void theWorkbookHasOneRowPerEntryWithItsCompetencyInBothLanguagesAndTypedCells() throws IOException {
        var rows = rows(xlsx(SignOffExport.Numbers.SHOWN, SignOffSamples.complete()));

        assertThat(texts(rows.get(0))).containsExactly("Trainee", "Staff no.", "Phone", "Hospital", "Home department",
                "Competency (Chinese)", "Competency (English)", "Category", "Date performed", "Level", "Count",
                "Case reference", "Comment", "Mentor", "Signed at", "Entry no.", "Amends no.", "Reason for the amendment",
                "Status");
        assertThat(rows).hasSize(5);
        var first = rows.get(1);
        assertThat(texts(first).subList(0, 8)).containsExactly(DOLMA.name(), "00042", "+86 138 0000 1234",
                "巴塘县人民医院", "麻醉科", "气管插管", "Endotracheal intubation", "气道管理");
        assertThat(first.getCell(1).getType()).isEqualTo(CellType.STRING);
        assertThat(first.getCell(8).asDate()).isEqualTo(LocalDateTime.of(2027, 6, 2, 0, 0));
        assertThat(first.getCellText(9)).isEqualTo("Performed under supervision");
        assertThat(first.getCell(10).getType()).isEqualTo(CellType.NUMBER);
        assertThat(first.getCell(10).asNumber()).isEqualByComparingTo("3");
        // 08:30 UTC is 16:30 in Chengdu
        assertThat(first.getCell(14).asDate()).isEqualTo(LocalDateTime.of(2027, 6, 3, 16, 30));
        assertThat(first.getCell(15).getType()).isEqualTo(CellType.STRING);
        assertThat(first.getCellText(15)).isEqualTo("1");
    }

    @Test
    void anAmendedEntryIsWrittenAndMarkedAndItsAmendmentSaysWhatItCorrectsAndWhy() throws IOException {
        var rows = rows(xlsx(SignOffExport.Numbers.SHOWN, SignOffSamples.complete()));

        var amended = rows.get(2);
        var amendment = rows.get(4);
        assertThat(amended.getCellText(15)).isEqualTo("2");
        assertThat(amended.getCellText(18)).isEqualTo("Amended by a later entry");
        assertThat(amendment.getCellText(15)).isEqualTo("4");
        assertThat(amendment.getCellText(16)).isEqualTo("2");
        assertThat(amendment.getCellText(17)).isEqualTo("level entered wrongly");
        assertThat(amendment.getCellText(18)).isEqualTo("Current");
        assertThat(rows.get(1).getCellText(18)).isEqualTo("Current");
    }

    @Test
    void staffAndPhoneNumbersAreMaskedButForTheLastTwoCharacters() throws IOException {
        var masked = rows(xlsx(SignOffExport.Numbers.MASKED, SignOffSamples.complete()));
        var csv = csv(SignOffExport.Numbers.MASKED, SignOffSamples.complete());

        assertThat(texts(masked.get(1)).subList(0, 3)).containsExactly(DOLMA.name(), "***42", "***************34");
        assertThat(csv.get(1).get(1)).isEqualTo("***42");
        assertThat(csv.get(1).get(2)).isEqualTo("***************34");
        assertThat(String.join(",", csv.get(1).values())).doesNotContain("00042", "1234");
    }

    @Test
    void aShortNumberIsMaskedWhole() {
        assertThat(SignOffExport.Numbers.MASKED.apply("0042")).isEqualTo("****");
        assertThat(SignOffExport.Numbers.MASKED.apply("00042")).isEqualTo("***42");
        assertThat(SignOffExport.Numbers.MASKED.apply(null)).isNull();
        assertThat(SignOffExport.Numbers.SHOWN.apply("0042")).isEqualTo("0042");
    }

    @Test
    void workbookTextThatLooksLikeAFormulaStaysTextAsWritten() throws IOException {
        var dangerous = List.of("=HYPERLINK(\"http://x\",\"y\")", "+86 1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=cmd|' /C calc'!A0");
        var xlsx = xlsxOf(SignOffExport.Numbers.SHOWN, formulaRows(dangerous));

        var parts = XlsxParts.of(xlsx);
        assertThat(parts.part("xl/worksheets/sheet1.xml")).doesNotContain("<f>").doesNotContain("<f ");
        var rows = rows(xlsx);
        for (var i = 0; i < dangerous.size(); i++) {
            var row = rows.get(i + 1);
            assertThat(List.of(row.getCell(0), row.getCell(12), row.getCell(11)))
                    .allSatisfy(cell -> assertThat(cell.getType()).isEqualTo(CellType.STRING));
            assertThat(row.getCellText(0)).isEqualTo(dangerous.get(i));
            assertThat(row.getCellText(12)).isEqualTo(dangerous.get(i));
        }
        assertThat(parts.numberFormat(1, "A2")).isEqualTo("@");
        assertThat(parts.numberFormat(1, "M2")).isEqualTo("@");
    }

    @Test
    void csvCellsThatLookLikeFormulasGetALeadingApostrophe() throws IOException {
        var dangerous = List.of("=HYPERLINK(\"http://x\",\"y\")", "+86 1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=cmd|' /C calc'!A0");

        var records = csvOf(SignOffExport.Numbers.SHOWN, formulaRows(dangerous));

        for (var i = 0; i < dangerous.size(); i++) {
            var record = records.get(i + 1);
            assertThat(record.get(0)).isEqualTo("'" + dangerous.get(i));
            assertThat(record.get(11)).isEqualTo("'" + dangerous.get(i));
            assertThat(record.get(12)).isEqualTo("'" + dangerous.get(i));
        }
        assertThat(records.get(1).get(8)).isEqualTo("2027-06-02");
    }

    @Test
    void theCsvFileIsUtf8WithABomAndCrlfLinesAndKeepsChineseAndTibetan() throws IOException {
        var bytes = csvBytes(SignOffExport.Numbers.SHOWN, SignOffSamples.complete(), new Messages(Language.ZH));

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xef, 0xbb, 0xbf);
        var text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        assertThat(text.split("\r\n", -1)).hasSize(6);
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        assertThat(text).startsWith("学员,工号,电话,医院,本院科室,考核项目（中文）").contains(DOLMA.name(), "分娩镇痛硬膜外穿刺",
                "指导下操作", "2027-06-03 16:30", "已被更正");
    }

    @Test
    void bothFormatsAreWrittenToAFileWholeOrNotAtAll() throws IOException {
        var export = new SignOffExport(ENGLISH, SignOffExport.Numbers.SHOWN, CHENGDU);
        var rows = reportRows(SignOffSamples.complete());
        var csv = folder.resolve("signoffs.csv");
        var xlsx = folder.resolve("signoffs.xlsx");

        export.writeCsv(rows, csv);
        export.writeXlsx(rows, xlsx);

        assertThat(Files.readAllBytes(csv)).isEqualTo(csvBytes(SignOffExport.Numbers.SHOWN, SignOffSamples.complete(), ENGLISH));
        assertThat(ReadableWorkbook.isOOXMLZipHeader(Files.readAllBytes(xlsx))).isTrue();
        assertThatThrownBy(() -> export.writeCsv(rows, folder.resolve("missing").resolve("signoffs.csv")))
                .isInstanceOf(KoraException.class);
        try (var files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("signoffs.csv",
                    "signoffs.xlsx");
        }
    }

    /** One row per text, with the text as the trainee's name, the case reference and the comment. */
    private static List<SignOffReportRow> formulaRows(List<String> texts) {
        var rows = new ArrayList<SignOffReportRow>();
        for (var i = 0; i < texts.size(); i++) {
            var trainee = new Trainee(i + 1, 1, 1, "=" + i, texts.get(i), Profession.DOCTOR, null, null, null, null);
            var entry = SignOffSamples.withComment(SignOffSamples.signOff(i + 1, SignOffSamples.INTUBATION,
                    org.kora.domain.SignOffLevel.ASSISTED, 1), texts.get(i), texts.get(i));
            rows.add(new SignOffReportRow(trainee, "巴塘县人民医院", "麻醉科", SignOffSamples.lines(List.of(entry)).get(0)));
        }
        return rows;
    }

    private static List<SignOffReportRow> reportRows(List<SignOff> entries) {
        return SignOffSamples.lines(entries).stream().map(line -> new SignOffReportRow(DOLMA, "巴塘县人民医院", "麻醉科", line))
                .toList();
    }

    private static byte[] xlsx(SignOffExport.Numbers numbers, List<SignOff> entries) throws IOException {
        return xlsxOf(numbers, reportRows(entries));
    }

    private static byte[] xlsxOf(SignOffExport.Numbers numbers, List<SignOffReportRow> rows) throws IOException {
        var out = new ByteArrayOutputStream();
        new SignOffExport(ENGLISH, numbers, CHENGDU).writeXlsx(rows, out);
        return out.toByteArray();
    }

    private static byte[] csvBytes(SignOffExport.Numbers numbers, List<SignOff> entries, Messages messages) throws IOException {
        var out = new ByteArrayOutputStream();
        new SignOffExport(messages, numbers, CHENGDU).writeCsv(reportRows(entries), out);
        return out.toByteArray();
    }

    private static List<CSVRecord> csv(SignOffExport.Numbers numbers, List<SignOff> entries) throws IOException {
        return csvOf(numbers, reportRows(entries));
    }

    private static List<CSVRecord> csvOf(SignOffExport.Numbers numbers, List<SignOffReportRow> rows) throws IOException {
        var out = new ByteArrayOutputStream();
        new SignOffExport(ENGLISH, numbers, CHENGDU).writeCsv(rows, out);
        var bytes = out.toByteArray();
        var text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    private static List<Row> rows(byte[] xlsx) throws IOException {
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            return workbook.getFirstSheet().read();
        }
    }

    private static List<String> texts(Row row) {
        var texts = new ArrayList<String>();
        for (var i = 0; i < row.getCellCount(); i++) {
            texts.add(row.getCellText(i));
        }
        return texts;
    }
}
