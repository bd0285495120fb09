package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.kora.report.PageItems.HALF_EM;
import static org.kora.report.PageItems.strings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kora.domain.CalendarEntry;
import org.kora.domain.Competency;
import org.kora.domain.DateRange;
import org.kora.domain.Profession;
import org.kora.domain.SignOff;
import org.kora.domain.SignOffLevel;
import org.kora.domain.Trainee;
import org.kora.domain.TraineeProgress;
import org.kora.domain.TraineeRecord;

class CertificateLayoutTest {
    private static final LocalDate ISSUED = LocalDate.of(2027, 9, 15);
    private static final String HEAD = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Trainee DOLMA = new Trainee(1, 1, 1, "00042", SampleEntries.TIBETAN[1], Profession.NURSE, null,
            "13800001234", null, null);
    private static final CalendarEntry FIRST = rotation(1, "2027-03-01", "2027-05-31", "2027-06-01", "2027-08-31",
            "Anaesthesia centre", "周建国");
    private static final CalendarEntry SECOND = rotation(2, "2028-01-01", "2028-03-31", "2028-04-01", "2028-06-30",
            "Pain clinic", "Dr. Lobsang Norbu");

    private final CertificateLayout layout = new CertificateLayout(HALF_EM);

    @Test
    void aTraineeWhoseProgressIsNotCompleteGetsNoCertificate() {
        var incomplete = record(SignOffSamples.partial(), List.of(FIRST));
        var noCurriculum = new TraineeRecord(DOLMA, "Batang", "Anaesthesia", List.of(FIRST), List.of(),
                new TraineeProgress(List.of()), HEAD);

        assertThatThrownBy(() -> layout.layout(incomplete, ISSUED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 of 3");
        assertThatThrownBy(() -> layout.layout(noCurriculum, ISSUED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCompleteTraineesCertificateIsOneA4PortraitPageInChineseAndEnglish() {
        var document = layout.layout(record(SignOffSamples.complete(), List.of(FIRST)), ISSUED);

        assertThat(document.paper()).isEqualTo(Paper.A4_PORTRAIT);
        assertThat(document.pages()).hasSize(1);
        assertThat(document.title()).isEqualTo("结业证书：" + DOLMA.name());
        assertThat(strings(document.pages().get(0))).contains("结业证书", "Certificate of Completion", "工号", "Staff no.",
                "00042", "巴塘县人民医院", "麻醉科", "带教专家签字", "Signature of the mentor", "医院（盖章）",
                "For the hospital (seal)");
    }

    @Test
    void theNameIsLargerThanAllButTheTitleCentredAndInOneRun() {
        var page = layout.layout(record(SignOffSamples.complete(), List.of(FIRST)), ISSUED).pages().get(0);

        var largest = PageItems.texts(page).stream().filter(text -> !text.text().equals("结业证书"))
                .max((a, b) -> Double.compare(a.size(), b.size())).orElseThrow();
        assertThat(largest.text()).isEqualTo(SampleEntries.TIBETAN[1]);
        assertThat(largest.size()).isGreaterThanOrEqualTo(24);
        var centre = largest.x() + HALF_EM.width(largest.text(), largest.size(), largest.bold()) / 2;
        assertThat(centre).isCloseTo(Paper.A4_PORTRAIT.width() / 2, offset(1.0));
    }

    @Test
    void theProgramPeriodRunsFromTheFirstDayOffSiteToTheLastDayOnSiteWithEveryPartnerAndMentor() {
        var unplanned = new CalendarEntry(3, 1, DOLMA.name(), "00042", 3, "2029-1", 1, "麻醉科", "巴塘县人民医院", 12,
                "ICU", "Shuangliu", null, null, null, null, false, false);

        var page = layout.layout(record(SignOffSamples.complete(), List.of(SECOND, unplanned, FIRST)), ISSUED).pages().get(0);

        assertThat(strings(page)).contains("2027年3月1日 至 2028年6月30日", "Mar 1, 2027 – Jun 30, 2028",
                "双流区第一人民医院Anaesthesia centre · 双流区第一人民医院Pain clinic",
                "周建国 · Dr. Lobsang Norbu");
        assertThat(strings(page)).noneMatch(text -> text.contains("ICU"));
    }

    @Test
    void theCompetenciesAchievedAreListedInBothLanguages() {
        var page = layout.layout(record(SignOffSamples.complete(), List.of(FIRST)), ISSUED).pages().get(0);

        assertThat(strings(page)).contains("达标考核项目 · Competencies achieved", "气管插管", "Endotracheal intubation",
                "分娩镇痛硬膜外穿刺", "Labour epidural analgesia", "消化内镜检查镇静", "Sedation for endoscopy");
    }

    @Test
    void aLongCurriculumStaysOnThePageAboveTheSignaturesAndSaysHowManyMore() {
        var curriculum = new ArrayList<Competency>();
        var entries = new ArrayList<SignOff>();
        for (var i = 1; i <= 80; i++) {
            var competency = new Competency(i, 1, "项目" + i, "Item " + i, "A", 1, SignOffLevel.ASSISTED, i);
            curriculum.add(competency);
            entries.add(SignOffSamples.signOff(i, competency, SignOffLevel.ASSISTED, 1));
        }
        var record = new TraineeRecord(DOLMA, "Batang", "Anaesthesia", List.of(FIRST), List.of(),
                TraineeProgress.of(curriculum, entries), HEAD);

        var page = layout.layout(record, ISSUED).pages().get(0);

        var items = PageItems.texts(page).stream().filter(text -> text.text().matches("项目\\d+")).toList();
        var more = PageItems.texts(page).stream().filter(text -> text.text().startsWith("另有")).findFirst().orElseThrow();
        assertThat(more.text()).isEqualTo("另有 " + (80 - items.size()) + " 项 · and " + (80 - items.size()) + " more");
        var signature = PageItems.texts(page).stream().filter(text -> text.text().equals("带教专家签字")).findFirst()
                .orElseThrow();
        var issued = PageItems.texts(page).stream().filter(text -> text.text().startsWith("发证日期")).findFirst().orElseThrow();
        assertThat(items).hasSizeGreaterThan(20).allSatisfy(item -> assertThat(item.y()).isLessThan(issued.y() - 10));
        assertThat(issued.y()).isLessThan(signature.y());
    }

    @Test
    void theDateOfIssueAndTheChainHeadArePrinted() {
        var page = layout.layout(record(SignOffSamples.complete(), List.of(FIRST)), ISSUED).pages().get(0);

        assertThat(strings(page)).contains("发证日期 2027年9月15日 · Date of issue Sep 15, 2027",
                "打印时签字哈希链的链头：" + HEAD, "Sign-off chain head when printed: " + HEAD);
        var head = PageItems.texts(page).stream().filter(text -> text.text().endsWith(HEAD)).toList();
        assertThat(head).allSatisfy(text -> assertThat(text.size()).isLessThan(7));
    }

    @Test
    void withoutAChainHeadNoneIsPrinted() {
        var entries = SignOffSamples.complete();
        var record = new TraineeRecord(DOLMA, "Batang", "Anaesthesia", List.of(FIRST), SignOffSamples.lines(entries),
                SignOffSamples.progress(entries), null);

        var page = layout.layout(record, ISSUED).pages().get(0);

        assertThat(strings(page)).noneMatch(text -> text.contains("链头") || text.contains("chain head"));
    }

    private static TraineeRecord record(List<SignOff> entries, List<CalendarEntry> rotations) {
        return new TraineeRecord(DOLMA, "巴塘县人民医院", "麻醉科", rotations, SignOffSamples.lines(entries),
                SignOffSamples.progress(entries), HEAD);
    }

    private static CalendarEntry rotation(long id, String offFrom, String offTo, String onFrom, String onTo, String host,
                                          String mentor) {
        return new CalendarEntry(id, 1, DOLMA.name(), "00042", id, "2027-" + id, 1, "麻醉科", "巴塘县人民医院", 10 + id, host,
                "双流区第一人民医院", DateRange.of(LocalDate.parse(offFrom), LocalDate.parse(offTo)),
                DateRange.of(LocalDate.parse(onFrom), LocalDate.parse(onTo)), id, mentor, true, false);
    }
}
