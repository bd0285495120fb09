package org.kora.ui.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kora.domain.CalendarEntry;
import org.kora.domain.DateRange;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.report.CalendarGrouping;
import org.kora.report.CalendarOptions;
import org.kora.report.FontFiles;
import org.kora.report.PageItem;
import org.kora.report.PageSetup;
import org.kora.report.Paper;
import org.kora.report.PrintDocument;
import org.kora.report.PrintFonts;
import org.kora.report.RotationCalendarLayout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class PagePainterTest {
    private static final String TIBETAN = "ཚེ་རིང་སྒྲོལ་མ";

    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    private static PrintDocument calendar() {
        var start = LocalDate.of(2027, 3, 1);
        var entry = new CalendarEntry(1, 1, "Tsering " + TIBETAN + " 次仁", "00042", 1, "2027年第1批", 1, "麻醉科", "巴塘县人民医院",
                2, "麻醉手术中心", "双流区第一人民医院", DateRange.of(start, start.plusMonths(3).minusDays(1)),
                DateRange.of(start.plusMonths(3), start.plusMonths(6).minusDays(1)), 1L, "周建国", true, true);
        try (var fonts = PrintFonts.load(FontFiles.find())) {
            return new RotationCalendarLayout(new Messages(Language.ZH), fonts.measure()).layout(List.of(entry),
                    new CalendarOptions(new PageSetup("轮训日历", Paper.A4_LANDSCAPE, LocalDate.of(2026, 11, 23)),
                            CalendarGrouping.COHORT, YearMonth.of(2027, 1), YearMonth.of(2027, 12)));
        }
    }

    private static Node paint(PrintDocument document, double scale) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> new PagePainter(FontFiles.find())
                .paint(document.pages().get(0), document.paper(), scale)).get();
    }

    @Test
    void everyItemBecomesANodeOnTheWhiteOfThePaper() throws Exception {
        var document = calendar();

        var page = (Group) paint(document, 1.5);

        assertThat(page.getChildren()).hasSize(document.pages().get(0).items().size() + 1);
        var sheet = (Rectangle) page.getChildren().get(0);
        assertThat(sheet.getWidth()).isEqualTo(Paper.A4_LANDSCAPE.width());
        assertThat(page.getTransforms()).singleElement().isInstanceOfSatisfying(Scale.class,
                scale -> assertThat(scale.getX()).isEqualTo(1.5));
    }

    @Test
    void tibetanIsSetInTheTibetanFontAndTheRestInTheChineseFont() throws Exception {
        var document = calendar();
        var index = document.pages().get(0).items().indexOf(document.pages().get(0).items().stream()
                .filter(item -> item instanceof PageItem.TextRun run && run.text().contains(TIBETAN)).findFirst().orElseThrow());

        var name = (Group) ((Group) paint(document, 1)).getChildren().get(index + 1);

        var parts = name.getChildren().stream().map(Text.class::cast).toList();
        assertThat(parts).extracting(Text::getText).containsExactly("Tsering ", TIBETAN, " 次仁");
        assertThat(parts).extracting(text -> text.getFont().getFamily())
                .containsExactly("WenQuanYi Micro Hei", "Tibetan Machine Uni", "WenQuanYi Micro Hei");
        // the name is in conflict, so bold: drawn with an outline as in the PDF
        assertThat(parts).allSatisfy(text -> assertThat(text.getStrokeWidth()).isPositive());
        assertThat(parts.get(1).getX()).isGreaterThan(parts.get(0).getX());
    }
}
