package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kora.report.PageItems.HALF_EM;
import static org.kora.report.PageItems.strings;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kora.domain.CalendarEntry;
import org.kora.domain.DateRange;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.domain.Profession;
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

    private final TraineeRecordLayout layout = new TraineeRecordLayout(ENGLISH, HALF_EM);

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
}
