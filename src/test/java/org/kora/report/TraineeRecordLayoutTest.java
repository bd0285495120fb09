package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kora.report.PageItems.HALF_EM;
import static org.kora.report.PageItems.strings;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kora.domain.CalendarEntry;
import org.kora.domain.DateRange;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.domain.Profession;
import org.kora.domain.SignOff;
import org.kora.domain.SignOffLevel;
import org.kora.domain.Trainee;
import org.kora.domain.TraineeRecord;
import org.kora.domain.TraineeProgress;

class TraineeRecordLayoutTest {
    private static final Messages ENGLISH = new Messages(Language.EN);
    private static final TraineeProgress NO_PROGRESS = new TraineeProgress(List.of());
    private static final PageSetup SETUP = new PageSetup("Trainee record", Paper.A4_PORTRAIT, LocalDate.of(2026, 11, 23));
    private static final Trainee DOLMA = new Trainee(1, 1, 1, "00042", "Tsering Dolma", Profession.NURSE, "Nurse in charge",
            "+86 836 123", null, null);
    private static final LocalDate START = LocalDate.of(2027, 3, 1);
    private static final CalendarEntry ROTATION = new CalendarEntry(1, 1, "Tsering Dolma", "00042", 1, "2027-1",
            1, "Anaesthesia", "Batang", 10, "Anaesthesia centre", "Shuangliu",
            DateRange.of(START, LocalDate.of(2027, 5, 31)), DateRange.of(LocalDate.of(2027, 6, 1), LocalDate.of(2027, 8, 31)),
            7L, "Zhou Jianguo", true, false);

    private static final Messages CHINESE = new Messages(Language.ZH);

    private final TraineeRecordLayout layout = new TraineeRecordLayout(ENGLISH, HALF_EM, ZoneOffset.UTC);

    @Test
    void theRecordShowsTheParticularsAndEachRotationsBlocks() {
        var record = new TraineeRecord(DOLMA, "Batang County People's Hospital", "Anaesthesia", List.of(ROTATION), List.of(), NO_PROGRESS, null);

        var page = layout.layout(record, SETUP).pages().get(0);

        assertThat(strings(page)).contains("Tsering Dolma", "00042", "Batang County People's Hospital", "Nurse",
                "Nurse in charge", "+86 836 123", "2027-1", "Anaesthesia centre", "Zhou Jianguo", "Confirmed",
                ENGLISH.date(START) + " – " + ENGLISH.date(LocalDate.of(2027, 5, 31)));
    }

    @Test
    void theSignOffChainHeadIsPrintedAtTheFootWhenGiven() {
        var head = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        var record = new TraineeRecord(DOLMA, "Batang", "Anaesthesia", List.of(ROTATION), List.of(), NO_PROGRESS, head);

        var page = layout.layout(record, SETUP).pages().get(0);

        var line = PageItems.texts(page).stream().filter(run -> run.text().contains(head)).findFirst().orElseThrow();
        assertThat(line.text()).isEqualTo("Sign-off chain head when printed: " + head);
        assertThat(line.y()).isGreaterThan(SETUP.paper().height() - 80);
        assertThat(page.items()).anyMatch(item -> item instanceof PageItem.Line rule && rule.dashed());
    }

    @Test
    void withoutAChainHeadTheFootStaysEmpty() {
        var record = new TraineeRecord(DOLMA, "Batang", "Anaesthesia", List.of(), List.of(), NO_PROGRESS, null);

        var page = layout.layout(record, SETUP).pages().get(0);

        assertThat(strings(page)).contains("No rotations yet").noneMatch(text -> text.startsWith("Sign-off chain head"));
        assertThat(page.items()).noneMatch(item -> item instanceof PageItem.Line rule && rule.dashed());
    }

    @Test
    void theProgressTableListsTheCurriculumInItsOrderInThePrintsLanguage() {
        var entries = SignOffSamples.partial();
        var english = layout.layout(record(entries), SETUP).pages().get(0);
        var chinese = new TraineeRecordLayout(CHINESE, HALF_EM, ZoneOffset.UTC).layout(record(entries), SETUP).pages().get(0);

        assertThat(inOrder(english, "Endotracheal intubation", "Labour epidural analgesia", "Sedation for endoscopy")).isTrue();
        assertThat(strings(english)).contains("Progress", "Done / required", "3 / 3", "0 / 2", "0 / 1", "Achieved",
                "Performed under supervision", "气道管理").doesNotContain("气管插管");
        assertThat(inOrder(chinese, "考核进度", "气管插管", "分娩镇痛硬膜外穿刺", "消化内镜检查镇静")).isTrue();
        assertThat(strings(chinese)).contains("指导下操作", "已达标").doesNotContain("Endotracheal intubation");
    }

    @Test
    void anIncompleteRecordSaysHowManyCompetenciesAreAchieved() {
        var page = layout.layout(record(SignOffSamples.partial()), SETUP).pages().get(0);

        assertThat(strings(page)).contains("1 of 3 competencies achieved").noneMatch(text -> text.startsWith("Complete"));
    }

    @Test
    void aCompleteRecordSaysSo() {
        var page = layout.layout(record(SignOffSamples.complete()), SETUP).pages().get(0);

        assertThat(strings(page)).contains("Complete: all 3 competencies achieved");
    }

    @Test
    void signOffsAreListedInTheOrderSignedWithLevelsInWordsAndTheMomentSigned() {
        var entries = SignOffSamples.complete();
        var shuffled = List.of(entries.get(3), entries.get(0), entries.get(2), entries.get(1));

        var page = layout.layout(record(shuffled), SETUP).pages().get(0);

        assertThat(strings(page)).contains("Sign-offs", "Signed at", "Z-1", "Z-4", "Independent", "周建国",
                ENGLISH.date(LocalDate.of(2027, 6, 3)), "8:30 AM", "Amends no. 2: level entered wrongly",
                "Corrected by no. 4");
        assertThat(inOrder(page, "Z-1", "Z-2", "Z-3", "Z-4")).isTrue();
    }

    @Test
    void anAmendedEntryStaysVisibleStruckThroughAndMuted() {
        var page = layout.layout(record(SignOffSamples.complete()), SETUP).pages().get(0);

        var amended = run(page, "Z-2");
        var current = run(page, "Z-4");
        assertThat(amended.ink()).isEqualTo(Ink.MUTED);
        assertThat(current.ink()).isEqualTo(Ink.TEXT);
        assertThat(strikes(page, amended)).hasSize(1);
        assertThat(strikes(page, current)).isEmpty();
        var competency = PageItems.texts(page).stream()
                .filter(text -> text.y() == amended.y() && text.text().startsWith("Labour")).findFirst()
                .orElseThrow();
        assertThat(strikes(page, competency)).hasSize(1);
        assertThat(strings(page)).contains("An entry struck through was corrected by a later entry: it stays on the record "
                + "but no longer counts.");
    }

    @Test
    void longTextIsWrappedWithinItsColumnAndCutAfterThreeLines() {
        var comment = "Difficult airway in a patient with a short neck and limited mouth opening, managed with video "
                + "laryngoscope after two attempts; no desaturation; extubated awake in theatre without problems at all";
        var entries = List.of(SignOffSamples.withComment(SignOffSamples.signOff(1, SignOffSamples.INTUBATION,
                SignOffLevel.SUPERVISED, 1), "Z-1", comment));

        var page = layout.layout(record(entries), SETUP).pages().get(0);

        var lines = PageItems.texts(page).stream().filter(text -> comment.contains(text.text().replace("…", "").strip())
                && text.text().length() > 4).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2).text()).endsWith("…");
        assertThat(lines).allSatisfy(line -> assertThat(HALF_EM.width(line.text(), line.size(), false))
                .isLessThanOrEqualTo(line.clipWidth()));
        assertThat(lines.get(0).text()).startsWith("Difficult airway");
    }

    @Test
    void manySignOffsGoOnToFurtherPagesWithTheHeadingAndHeaderRepeated() {
        var document = layout.layout(record(SignOffSamples.many(120)), SETUP);

        assertThat(document.pages()).hasSizeGreaterThan(2);
        var last = document.pages().get(document.pages().size() - 1);
        assertThat(strings(last)).contains("Sign-offs (continued)", "No.", "Signed at", "Z-120");
        var all = document.pages().stream().flatMap(page -> strings(page).stream()).toList();
        assertThat(all).filteredOn(text -> text.matches("Z-\\d+")).hasSize(120);
        // every row ends with a rule, and none runs into the page number
        var bottom = SETUP.paper().height() - PageSequence.MARGIN - 14;
        assertThat(document.pages()).allSatisfy(page -> assertThat(page.items()).filteredOn(PageItem.Line.class::isInstance)
                .allSatisfy(line -> assertThat(((PageItem.Line) line).y1()).isLessThanOrEqualTo(bottom)));
    }

    private static TraineeRecord record(List<SignOff> entries) {
        return new TraineeRecord(DOLMA, "Batang", "Anaesthesia", List.of(ROTATION), SignOffSamples.lines(entries),
                SignOffSamples.progress(entries), null);
    }

    private static PageItem.TextRun run(Page page, String text) {
        return PageItems.texts(page).stream().filter(run -> run.text().equals(text)).findFirst().orElseThrow();
    }

    /** The rules that run through the middle of {@code text}, from its start to its end. */
    private static List<PageItem.Line> strikes(Page page, PageItem.TextRun text) {
        var width = HALF_EM.width(text.text(), text.size(), text.bold());
        return page.items().stream().filter(PageItem.Line.class::isInstance).map(PageItem.Line.class::cast)
                .filter(line -> line.y1() == line.y2() && line.y1() < text.y() && line.y1() > text.y() - text.size() * 0.6
                        && line.x1() <= text.x() && line.x2() >= text.x() + width - 0.5)
                .toList();
    }

    /** Whether the texts appear on the page from top to bottom in this order. */
    private static boolean inOrder(Page page, String... texts) {
        var last = -1.0;
        for (var text : texts) {
            var y = run(page, text).y();
            if (y <= last) {
                return false;
            }
            last = y;
        }
        return true;
    }
}
