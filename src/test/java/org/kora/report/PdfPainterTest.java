package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
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
    void bothFontsAreEmbeddedAsSubsetsWithoutHints() throws IOException {
        try (var pdf = Loader.loadPDF(calendar(SampleEntries.of(60, 2027, 1), "2027年轮训日历"))) {
            var names = new HashSet<String>();
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    var font = (PDType0Font) page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+.+");
                    names.add(font.getName().substring(7));
                    var file = ((PDCIDFontType2) font.getDescendantFont()).getTrueTypeFont();
                    assertThat(file.getTableMap()).as(font.getName()).doesNotContainKeys("fpgm", "prep", "cvt ");
                    assertThat(file.getMaximumProfile().getMaxSizeOfInstructions()).isZero();
                }
            }
            assertThat(names).containsExactlyInAnyOrder("WenQuanYiMicroHei", "Tibetan_Machine_Uni");
        }
    }

    /** A glyph shown in the PDF: its font, its code, where it was drawn and in what size. */
    private record Shown(PDFont font, int code, double x, double size) {
    }

    private static List<Shown> shownGlyphs(PDDocument pdf) throws IOException {
        var shown = new ArrayList<Shown>();
        var stripper = new PDFTextStripper() {
            @Override
            protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                    throws IOException {
                shown.add(new Shown(font, code, textRenderingMatrix.getTranslateX(),
                        textRenderingMatrix.getScalingFactorX()));
                super.showGlyph(textRenderingMatrix, font, code, displacement);
            }
        };
        stripper.getText(pdf);
        return shown;
    }

    @Test
    void tibetanIsShownAsTheGlyphsJava2DShapedWhereItPlacedThem() throws IOException {
        var tibetan = SampleEntries.TIBETAN[1];
        var entries = SampleEntries.of(1, 2027, 1).stream()
                .map(entry -> new CalendarEntry(1, 1, "Tsering " + tibetan + " 次仁", "1", 1, "2027年第1批", 1, "麻醉科",
                        "巴塘县人民医院", 2, "麻醉手术中心", "双流区第一人民医院", entry.offSite(), entry.onSite(), 1L, "周建国",
                        true, false))
                .toList();
        var shaped = fonts.shape(tibetan);

        try (var pdf = Loader.loadPDF(calendar(entries, "轮训日历"))) {
            var glyphs = shownGlyphs(pdf).stream()
                    .filter(glyph -> glyph.font().getName().endsWith("+Tibetan_Machine_Uni")).toList();
            // ཚེ་རིང་སྒྲོལ་མ: stacks such as སྒྲོ are glyphs Java2D chose and placed, which PDFBox alone cannot do
            assertThat(glyphs).hasSize(shaped.getNumGlyphs());
            for (var i = 0; i < glyphs.size(); i++) {
                var glyph = glyphs.get(i);
                var cidFont = (PDCIDFontType2) ((PDType0Font) glyph.font()).getDescendantFont();
                // the code names the shaped glyph: the subset's glyph it maps to has that glyph's outline
                var original = fonts.tibetan().getGlyph().getGlyph(shaped.getGlyphCode(i));
                var embedded = cidFont.getTrueTypeFont().getGlyph().getGlyph(cidFont.codeToGID(glyph.code()));
                assertThat(Outlines.of(embedded.getPath())).as("glyph %d", i).isEqualTo(Outlines.of(original.getPath()));
                var placed = glyphs.get(0).x() + shaped.getGlyphPosition(i).getX() / PrintFonts.SHAPE_SIZE * glyph.size();
                assertThat(glyph.x()).as("glyph %d", i).isCloseTo(placed, within(0.01));
            }
            // each glyph stands for the letters it was shaped from, so the name can be searched and copied
            assertThat(text(pdf)).contains("Tsering " + tibetan + " 次仁");
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
            // the whole file too, with the two font subsets it holds once for all its pages
            assertThat(bytes.length).isLessThanOrEqualTo(3000 * pdf.getNumberOfPages());
        }
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
                new TraineeRecord(trainee, "巴塘县人民医院", "麻醉科", entries.subList(0, 2), List.of(),
                        new TraineeProgress(List.of()), "9f86d081884c7d659a2feaa0c55ad015"),
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
            // the name is shaped from the embedded Tibetan subset, and reads back as the letters it was shaped from
            assertThat(text(pdf)).contains("结业证书", "Certificate of Completion", "Endotracheal intubation", "气管插管",
                    "9f86d081884c7d659a2feaa0c55ad015", SampleEntries.TIBETAN[1]);
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
