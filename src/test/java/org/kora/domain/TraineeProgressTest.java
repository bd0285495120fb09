package org.kora.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class TraineeProgressTest {
    private static final Competency EPIDURAL = new Competency(1, 7, "分娩镇痛硬膜外穿刺", "Labour epidural analgesia", "区域麻醉",
            3, SignOffLevel.SUPERVISED, 1);
    private static final Competency AIRWAY = new Competency(2, 7, "困难气道管理", "Difficult airway management", "气道管理", 1,
            SignOffLevel.INDEPENDENT, 2);
    private static final List<Competency> CURRICULUM = List.of(EPIDURAL, AIRWAY);

    private static SignOff entry(long id, Competency competency, SignOffLevel level, int count, Long amends) {
        return new SignOff(id, 5, competency.id(), LocalDate.of(2027, 6, 1), level, count, null, null, 9,
                Instant.parse("2027-06-01T08:00:00Z"), amends, amends == null ? null : "wrong count", "0", "1");
    }

    @Test
    void countsOnlyPerformancesAtTheAchievedLevelAndKeepsTheHighestLevelReached() {
        var progress = TraineeProgress.of(CURRICULUM, List.of(
                entry(1, EPIDURAL, SignOffLevel.OBSERVED, 2, null),
                entry(2, EPIDURAL, SignOffLevel.SUPERVISED, 1, null),
                entry(3, EPIDURAL, SignOffLevel.INDEPENDENT, 1, null)));

        var epidural = progress.competencies().get(0);
        assertThat(epidural.done()).isEqualTo(2);
        assertThat(epidural.reached()).isEqualTo(SignOffLevel.INDEPENDENT);
        assertThat(epidural.achieved()).isFalse();
        assertThat(progress.competencies().get(1).reached()).isNull();
        assertThat(progress.complete()).isFalse();
    }

    @Test
    void anAmendedEntryNoLongerCountsItsAmendmentDoes() {
        var original = entry(1, EPIDURAL, SignOffLevel.SUPERVISED, 3, null);
        var amendment = entry(2, EPIDURAL, SignOffLevel.SUPERVISED, 1, 1L);

        var progress = TraineeProgress.of(CURRICULUM, List.of(original, amendment));

        assertThat(progress.competencies().get(0).done()).isEqualTo(1);
        assertThat(TraineeProgress.amendedIds(List.of(original, amendment))).containsExactly(1L);
    }

    @Test
    void anAmendmentOfAnAmendmentLeavesOnlyTheLastCounting() {
        var progress = TraineeProgress.of(CURRICULUM, List.of(
                entry(1, EPIDURAL, SignOffLevel.SUPERVISED, 3, null),
                entry(2, EPIDURAL, SignOffLevel.SUPERVISED, 2, 1L),
                entry(3, AIRWAY, SignOffLevel.INDEPENDENT, 1, 2L)));

        assertThat(progress.competencies().get(0).done()).isZero();
        assertThat(progress.competencies().get(1).done()).isEqualTo(1);
    }

    @Test
    void completeOnceEveryCompetencyIsAchieved() {
        var progress = TraineeProgress.of(CURRICULUM, List.of(
                entry(1, EPIDURAL, SignOffLevel.INDEPENDENT, 3, null),
                entry(2, AIRWAY, SignOffLevel.INDEPENDENT, 1, null)));

        assertThat(progress.achievedCount()).isEqualTo(2);
        assertThat(progress.complete()).isTrue();
        assertThat(new TraineeProgress(List.of()).complete()).as("no curriculum is never complete").isFalse();
    }

    @Test
    void entriesForCompetenciesOutsideTheCurriculumAreIgnored() {
        var other = new Competency(99, 8, "牙拔除术", "Tooth extraction", null, 1, SignOffLevel.OBSERVED, 1);
        var progress = TraineeProgress.of(CURRICULUM, List.of(entry(1, other, SignOffLevel.INDEPENDENT, 5, null)));

        assertThat(progress.competencies()).extracting(CompetencyProgress::done).containsExactly(0, 0);
    }
}
