package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kora.domain.CalendarEntry;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.domain.Profession;
import org.kora.domain.Trainee;
import org.kora.domain.TraineeRecord;
import org.kora.domain.TraineeProgress;

/**
 * The PDF painter with the real fonts. These tests need WenQuanYi Micro Hei and Tibetan Machine Uni
 * (CI installs them): without them they fail, naming the missing file, rather than pass unseen.
 */
class PdfPainterTest {
    private static final Messages CHINESE = new Messages(Language.ZH);
    private static final LocalDate PRINTED = LocalDate.of(2026, 11, 23);

    private static PrintFonts fonts;

    @BeforeAll
    static void loadFonts() {
        fonts = PrintFonts.load(FontFiles.find());
    }

    @AfterAll
    static void closeFonts() {
        fonts.close();
    }

    private static CalendarOptions year(String title) {
        return new CalendarOptions(new PageSetup(title, Paper.A4_LANDSCAPE, PRINTED), CalendarGrouping.HOME_DEPARTMENT,
                YearMonth.of(2027, 1), YearMonth.of(2027, 12));
    }

    private static byte[] pdf(PrintDocument document) throws IOException {
        var out = new ByteArrayOutputStream();
        new PdfPainter(fonts).write(document, out);
        return out.toByteArray();
    }

    private static byte[] calendar(List<CalendarEntry> entries, String title) throws IOException {
        return pdf(new RotationCalendarLayout(CHINESE, fonts.measure()).layout(entries, year(title)));
    }

    private static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf);
    }

    @Test
    void chineseTextCanBeSearchedAndCopied() throws IOException {
        var entries = SampleEntries.of(60, 2027, 1);
        var chineseName = entries.stream().map(CalendarEntry::traineeName).filter(name -> name.matches("\\p{IsHan}+"))
                .findFirst().orElseThrow();

        try (var pdf = Loader.loadPDF(calendar(entries, "2027年轮训日历"))) {
            assertThat(text(pdf)).contains("2027年轮训日历", chineseName, "麻醉科，巴塘县人民医院", "第 1 页，共 " + pdf.getNumberOfPages() + " 页");
        }
    }

    @Test
    void fontsAreEmbeddedAsSubsets() throws IOException {
        try (var pdf = Loader.loadPDF(calendar(SampleEntries.of(60, 2027, 1), "2027年轮训日历"))) {
            var names = new ArrayList<String>();
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    names.add(font.getName());
                }
            }
            assertThat(names).isNotEmpty().allMatch(name -> name.matches("[A-Z]{6}\\+WenQuanYiMicroHei"));
        }
    }

    @Test
    void tibetanIsDrawnAsShapedOutlinesNotAsText() throws IOException {
        var tibetan = SampleEntries.TIBETAN[1];
        var entries = SampleEntries.of(1, 2027, 1).stream()
                .map(entry -> new CalendarEntry(1, 1, "Tsering " + tibetan + " 次仁", "1", 1, "2027年第1批", 1, "麻醉科",
                        "巴塘县人民医院", 2, "麻醉手术中心", "双流区第一人民医院", entry.offSite(), entry.onSite(), 1L, "周建国",
                        true, false))
                .toList();

        try (var pdf = Loader.loadPDF(calendar(entries, "轮训日历"))) {
            var text = text(pdf);
            assertThat(text).contains("Tsering", "次仁").doesNotContainPattern("\\p{InTibetan}");
            var page = pdf.getPage(0);
            var forms = new ArrayList<PDFormXObject>();
            for (var name : page.getResources().getXObjectNames()) {
                forms.add((PDFormXObject) page.getResources().getXObject(name));
            }
            assertThat(forms).hasSize(1);
            var glyphs = new ArrayList<String>();
            var run = forms.get(0);
            for (var name : run.getResources().getXObjectNames()) {
                try (var in = ((PDFormXObject) run.getResources().getXObject(name)).getContentStream().createInputStream()) {
                    glyphs.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
            // ཚེ་རིང་སྒྲོལ་མ: stacks such as སྒྲོ are one or more glyphs placed by the shaper; every glyph is a filled path
            assertThat(glyphs).hasSizeGreaterThanOrEqualTo(6)
                    .allSatisfy(ops -> assertThat(ops).contains(" m\n").containsPattern(" [lc]\n").endsWith("f\n"));
        }
    }

    @Test
    void aPageOfAThousandTraineeCalendarTakesAtMostThreeKilobytes() throws IOException {
        var bytes = calendar(SampleEntries.of(1000, 2027, 7), "2027年轮训日历");

        try (var pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isBetween(20, 30);
            for (var page : pdf.getPages()) {
                assertThat(((COSStream) page.getCOSObject().getDictionaryObject(COSName.CONTENTS)).getLength())
                        .isLessThanOrEqualTo(3 * 1024);
            }
        }
        // the fonts and Tibetan outlines are written once for the whole file
        assertThat(bytes.length).isLessThanOrEqualTo(3 * 1024 * 25 + 64 * 1024);
    }

    @Test
    void theAwayListAndTheTraineeRecordArePaintedToo() throws IOException {
        var entries = SampleEntries.of(200, 2027, 3);
        var departments = new ArrayList<org.kora.domain.Department>();
        for (var i = 1; i <= 6; i++) {
            departments.add(org.kora.domain.Department.home(i, 1, entries.stream()
                    .filter(entry -> entry.homeDepartmentId() == departments.size() + 1).findFirst().orElseThrow()
                    .homeDepartmentName(), 40, 34));
        }
        var away = org.kora.domain.AwayMonth.of(entries, departments, department -> "巴塘县人民医院",
                YearMonth.of(2027, 1), YearMonth.of(2027, 12));
        var awayList = new AwayListLayout(CHINESE, fonts.measure())
                .layout(away, new PageSetup("2027年外出人员", Paper.A4_PORTRAIT, PRINTED));
        var trainee = new Trainee(1, 1, 1, "00042", SampleEntries.TIBETAN[2], Profession.NURSE, "护师", null, null, null);
        var record = new TraineeRecordLayout(CHINESE, fonts.measure()).layout(
                new TraineeRecord(trainee, "巴塘县人民医院", "麻醉科", entries.subList(0, 2), List.of(), new TraineeProgress(List.of()), "9f86d081884c7d659a2feaa0c55ad015"),
                new PageSetup("学员档案", Paper.A4_PORTRAIT, PRINTED));

        try (var awayPdf = Loader.loadPDF(pdf(awayList)); var recordPdf = Loader.loadPDF(pdf(record))) {
            assertThat(awayPdf.getNumberOfPages()).isEqualTo(awayList.pages().size());
            assertThat(text(awayPdf)).contains("2027年1月", "低于最低要求");
            assertThat(text(recordPdf)).contains("学员档案", "00042", "9f86d081884c7d659a2feaa0c55ad015");
        }
    }

    @Test
    void theCertificateShapesATibetanNameAndKeepsChineseAndEnglishSearchable() throws IOException {
        var trainee = new Trainee(1, 1, 1, "00042", SampleEntries.TIBETAN[1], Profession.NURSE, null, null, null, null);
        var entries = SignOffSamples.complete();
        var certificate = new CertificateLayout(fonts.measure()).layout(new TraineeRecord(trainee, "巴塘县人民医院", "麻醉科",
                SampleEntries.of(1, 2027, 1), SignOffSamples.lines(entries), SignOffSamples.progress(entries),
                "9f86d081884c7d659a2feaa0c55ad015"), PRINTED);

        try (var pdf = Loader.loadPDF(pdf(certificate))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(text(pdf)).contains("结业证书", "Certificate of Completion", "Endotracheal intubation", "气管插管",
                    "9f86d081884c7d659a2feaa0c55ad015").doesNotContainPattern("\\p{InTibetan}");
            // the name is one shaped run, drawn from the glyph outlines
            assertThat(pdf.getPage(0).getResources().getXObjectNames()).hasSize(1);
        }
    }

    @Test
    void aRecordWithSignOffsIsPaintedWithTheAmendmentsAndTheirReasons() throws IOException {
        var trainee = new Trainee(1, 1, 1, "00042", "泽仁拉姆", Profession.NURSE, null, null, null, null);
        var entries = SignOffSamples.many(60);
        var record = new TraineeRecordLayout(CHINESE, fonts.measure()).layout(new TraineeRecord(trainee, "巴塘县人民医院",
                "麻醉科", SampleEntries.of(1, 2027, 1), SignOffSamples.lines(entries), SignOffSamples.progress(entries), null),
                new PageSetup("学员档案", Paper.A4_PORTRAIT, PRINTED));

        try (var pdf = Loader.loadPDF(pdf(record))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(record.pages().size()).isGreaterThan(1);
            assertThat(text(pdf)).contains("考核进度", "带教签字（续）", "更正第 5 号：wrong day", "已由第 6 号更正", "指导下操作");
        }
    }
}
