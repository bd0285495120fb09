package org.kora.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kora.planning.ProblemBuilder.HORIZON;
import static org.kora.planning.ProblemBuilder.date;
import static org.kora.planning.ProblemBuilder.plan;
import static org.kora.planning.ProblemBuilder.range;
import static org.kora.planning.ProblemBuilder.rotation;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kora.domain.DateRange;
import org.kora.domain.Language;
import org.kora.domain.Messages;

class ConflictFinderTest {
    /** Batang anaesthesia: six staff, four must stay; Shuangliu hosts plenty; M01 on site all along. */
    private static ProblemBuilder anaesthesia() {
        return new ProblemBuilder().home("BT-ANES", 6, 4).host("SL-ANES", 5)
                .mentor("M01", "BT-ANES", 5, HORIZON);
    }

    @Test
    void cleanPlanHasNoConflicts() {
        var problem = anaesthesia().trainee("T1", "BT-ANES", "SL-ANES").trainee("T2", "BT-ANES", "SL-ANES").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-03-01", "M01"),
                rotation("T2", "2027-03-01", "M01")));

        assertThat(conflicts).isEmpty();
    }

    @Test
    void thirdAnaesthetistAwayLeavesTooFewOnDuty() {
        var problem = anaesthesia().trainee("T1", "BT-ANES", "SL-ANES").trainee("T2", "BT-ANES", "SL-ANES")
                .trainee("T3", "BT-ANES", "SL-ANES").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-03-01", "M01"),
                rotation("T2", "2027-03-01", "M01"), rotation("T3", "2027-03-01", "M01")));

        assertThat(conflicts).containsExactly(new Conflict(Rule.HOME_COVERAGE, List.of("T1", "T2", "T3"), "BT-ANES",
                range("2027-03-01", "2027-05-31"), "conflict.homeCoverage",
                List.of("BT-ANES", 3, "2027-03-01", "2027-05-31", 4, "T1, T2, T3")));
    }

    @Test
    void homeCoverageNamesOnlyTheDaysAllThreeAreAway() {
        var problem = anaesthesia().trainee("T1", "BT-ANES", "SL-ANES").trainee("T2", "BT-ANES", "SL-ANES")
                .trainee("T3", "BT-ANES", "SL-ANES").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-01-01", "M01"),
                rotation("T2", "2027-02-01", "M01"), rotation("T3", "2027-03-01", "M01")));

        assertThat(conflicts).extracting(Conflict::dates).containsExactly(range("2027-03-01", "2027-03-31"));
    }

    @Test
    void thirdTraineeAtAPartnerDepartmentForTwoBreaksHostCapacity() {
        var problem = new ProblemBuilder().home("BT-OPH", 10, 2).host("SL-OPH", 2)
                .mentor("M02", "BT-OPH", 5, HORIZON).trainee("T1", "BT-OPH", "SL-OPH")
                .trainee("T2", "BT-OPH", "SL-OPH").trainee("T3", "BT-OPH", "SL-OPH").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-01-01", "M02"),
                rotation("T2", "2027-02-01", "M02"), rotation("T3", "2027-03-01", "M02")));

        assertThat(conflicts).containsExactly(new Conflict(Rule.HOST_CAPACITY, List.of("T1", "T2", "T3"), "SL-OPH",
                range("2027-03-01", "2027-03-31"), "conflict.hostCapacity",
                List.of("SL-OPH", 3, "2027-03-01", "2027-03-31", 2, "T1, T2, T3")));
    }

    @Test
    void noMentorDeployedBreaksMentorMatch() {
        var problem = new ProblemBuilder().home("BT-ANES", 6, 4).host("SL-ANES", 5)
                .mentor("M01", "BT-ANES", 2, range("2026-01-01", "2026-12-31"))
                .trainee("T1", "BT-ANES", "SL-ANES").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-01-01", "M01")));

        assertThat(conflicts).singleElement().satisfies(conflict -> {
            assertThat(conflict.rule()).isEqualTo(Rule.MENTOR_MATCH);
            assertThat(conflict.resource()).isEqualTo("M01");
            assertThat(conflict.dates()).isEqualTo(range("2027-04-01", "2027-06-30"));
        });
    }

    @Test
    void backToBackDeploymentsCoverABlockSpanningBoth() {
        var problem = new ProblemBuilder().home("BT-ANES", 6, 4).host("SL-ANES", 5)
                .mentor("M01", "BT-ANES", 2, range("2027-05-01", "2027-12-31"), range("2027-01-01", "2027-04-30"))
                .trainee("T1", "BT-ANES", "SL-ANES").build();

        assertThat(ConflictFinder.find(problem, plan(rotation("T1", "2027-01-01", "M01")))).isEmpty();
    }

    @Test
    void oneDayGapBetweenDeploymentsLeavesThatDayWithoutMentor() {
        var problem = new ProblemBuilder().home("BT-ANES", 6, 4).host("SL-ANES", 5)
                .mentor("M01", "BT-ANES", 2, range("2027-01-01", "2027-04-30"), range("2027-05-02", "2027-12-31"))
                .trainee("T1", "BT-ANES", "SL-ANES").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-01-01", "M01")));

        assertThat(conflicts).extracting(Conflict::rule, Conflict::dates)
                .containsExactly(tuple(Rule.MENTOR_MATCH, range("2027-05-01", "2027-05-01")));
    }

    @Test
    void mentorOfAnotherDepartmentBreaksMentorMatch() {
        var problem = anaesthesia().home("BT-OPH", 4, 2).mentor("M02", "BT-OPH", 2, HORIZON)
                .trainee("T1", "BT-ANES", "SL-ANES").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-01-01", "M02")));

        assertThat(conflicts).extracting(Conflict::rule, Conflict::messageKey)
                .containsExactly(tuple(Rule.MENTOR_MATCH, "conflict.mentorDepartment"));
    }

    @Test
    void secondMenteeOfAMentorForOneBreaksMentorLoad() {
        var problem = new ProblemBuilder().home("BT-ANES", 6, 2).host("SL-ANES", 5)
                .mentor("M01", "BT-ANES", 1, HORIZON).trainee("T1", "BT-ANES", "SL-ANES")
                .trainee("T2", "BT-ANES", "SL-ANES").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-01-01", "M01"),
                rotation("T2", "2027-02-01", "M01")));

        assertThat(conflicts).containsExactly(new Conflict(Rule.MENTOR_LOAD, List.of("T1", "T2"), "M01",
                range("2027-05-01", "2027-06-30"), "conflict.mentorLoad",
                List.of("M01", 2, "2027-05-01", "2027-06-30", 1, "T1, T2")));
    }

    @Test
    void offSiteBlockStartingInLosarBreaksTheBlackout() {
        var problem = anaesthesia().blackout(range("2027-02-01", "2027-02-20"), "Losar")
                .trainee("T1", "BT-ANES", "SL-ANES").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-02-01", "M01")));

        assertThat(conflicts).extracting(Conflict::rule, Conflict::resource, Conflict::dates)
                .containsExactly(tuple(Rule.BLACKOUT, "Losar",
                        range("2027-02-01", "2027-04-30")));
    }

    @Test
    void onSiteBlockStartingInLosarBreaksTheBlackout() {
        var problem = anaesthesia().blackout(range("2027-02-01", "2027-02-20"), "Losar")
                .trainee("T1", "BT-ANES", "SL-ANES").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2026-11-01", "M01")));

        assertThat(conflicts).extracting(Conflict::rule, Conflict::dates)
                .containsExactly(tuple(Rule.BLACKOUT, range("2027-02-01", "2027-04-30")));
    }

    @Test
    void blockRunningThroughLosarWithoutStartingInItIsAllowed() {
        var problem = anaesthesia().blackout(range("2027-02-01", "2027-02-20"), "Losar")
                .trainee("T1", "BT-ANES", "SL-ANES").build();

        assertThat(ConflictFinder.find(problem, plan(rotation("T1", "2027-01-01", "M01")))).isEmpty();
    }

    @Test
    void leaveDuringABlockBreaksAvailabilityOnTheDaysOfLeave() {
        var problem = anaesthesia().trainee(new TraineeSpec("T1", "BT-ANES", "SL-ANES", date("2026-01-01"), null,
                List.of(range("2027-03-10", "2027-03-20")))).build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-03-01", "M01")));

        assertThat(conflicts).extracting(Conflict::rule, Conflict::messageKey, Conflict::dates)
                .containsExactly(tuple(Rule.AVAILABILITY, "conflict.leave",
                        range("2027-03-10", "2027-03-20")));
    }

    @Test
    void twoOverlappingRotationsOfOneTraineeAreOneConflict() {
        var problem = anaesthesia().trainee("T1", "BT-ANES", "SL-ANES").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-01-01", "M01"),
                rotation("T1", "2027-04-01", "M01")));

        assertThat(conflicts).containsExactly(new Conflict(Rule.AVAILABILITY, List.of("T1"), "T1",
                range("2027-04-01", "2027-06-30"), "conflict.twoRotations",
                List.of("T1", "2027-01-01", "2027-06-30", "2027-04-01", "2027-09-30")));
    }

    @Test
    void planRotationOverlappingAFixedOneOfTheSameTraineeBreaksAvailability() {
        var problem = anaesthesia().trainee("T1", "BT-ANES", "SL-ANES")
                .fixed(rotation("T1", "2026-06-01", "M01")).build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2026-09-01", "M01")));

        assertThat(conflicts).extracting(Conflict::messageKey).containsExactly("conflict.twoRotations");
    }

    @Test
    void startBeforeTheEarliestStartBreaksTheWindow() {
        var problem = anaesthesia().trainee(new TraineeSpec("T1", "BT-ANES", "SL-ANES", date("2027-03-01"), null,
                List.of())).build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-02-01", "M01")));

        assertThat(conflicts).extracting(Conflict::rule, Conflict::messageKey)
                .containsExactly(tuple(Rule.WINDOW, "conflict.tooEarly"));
    }

    @Test
    void onSiteEndAfterTheLatestEndBreaksTheWindow() {
        var problem = anaesthesia().trainee(new TraineeSpec("T1", "BT-ANES", "SL-ANES", date("2026-01-01"),
                date("2027-06-29"), List.of())).build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-01-01", "M01")));

        assertThat(conflicts).extracting(Conflict::rule, Conflict::messageKey)
                .containsExactly(tuple(Rule.WINDOW, "conflict.tooLate"));
    }

    @Test
    void rotationEndingAfterTheHorizonBreaksTheHorizon() {
        var problem = new ProblemBuilder().home("BT-ANES", 6, 4).host("SL-ANES", 5)
                .mentor("M01", "BT-ANES", 5, range("2026-01-01", "2029-12-31"))
                .trainee("T1", "BT-ANES", "SL-ANES").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2028-09-01", "M01")));

        assertThat(conflicts).extracting(Conflict::rule).containsExactly(Rule.HORIZON);
    }

    @Test
    void blocksOfTheWrongLengthBreakTheCalendar() {
        var problem = anaesthesia().trainee("T1", "BT-ANES", "SL-ANES").build();
        var shortBlock = new Assignment("T1", range("2027-01-01", "2027-03-15"), range("2027-03-16", "2027-06-15"),
                "M01");

        var conflicts = ConflictFinder.find(problem, plan(shortBlock));

        assertThat(conflicts).extracting(Conflict::messageKey).containsExactly("conflict.blockLengths");
    }

    @Test
    void startOnTheFifteenthBreaksTheMonthStartRule() {
        var problem = anaesthesia().trainee("T1", "BT-ANES", "SL-ANES").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-01-15", "M01")));

        assertThat(conflicts).extracting(Conflict::messageKey).containsExactly("conflict.startDay");
    }

    @Test
    void unknownTraineeAndMentorAreReported() {
        var problem = anaesthesia().trainee("T1", "BT-ANES", "SL-ANES").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-01-01", "M99"),
                rotation("T99", "2027-01-01", "M01")));

        assertThat(conflicts).extracting(Conflict::rule, Conflict::messageKey).containsExactly(
                tuple(Rule.UNKNOWN_REFERENCE, "conflict.unknownTrainee"),
                tuple(Rule.UNKNOWN_REFERENCE, "conflict.unknownMentor"));
    }

    @Test
    void capacityBrokenByFixedRotationsAloneIsNotThePlansConflict() {
        var problem = new ProblemBuilder().home("BT-ANES", 10, 2).host("SL-ANES", 1)
                .mentor("M01", "BT-ANES", 5, HORIZON).trainee("T1", "BT-ANES", "SL-ANES")
                .trainee("T2", "BT-ANES", "SL-ANES").trainee("T3", "BT-ANES", "SL-ANES")
                .fixed(rotation("T1", "2026-03-01", "M01")).fixed(rotation("T2", "2026-03-01", "M01")).build();

        assertThat(ConflictFinder.find(problem, plan(rotation("T3", "2027-03-01", "M01")))).isEmpty();
    }

    @Test
    void conflictsComeInRuleOrder() {
        var problem = anaesthesia().blackout(range("2027-02-01", "2027-02-20"), "Losar")
                .trainee(new TraineeSpec("T1", "BT-ANES", "SL-ANES", date("2027-03-01"), null, List.of()))
                .trainee("T2", "BT-ANES", "SL-ANES").trainee("T3", "BT-ANES", "SL-ANES").build();

        var conflicts = ConflictFinder.find(problem, plan(rotation("T1", "2027-02-01", "M01"),
                rotation("T2", "2027-02-01", "M01"), rotation("T3", "2027-02-01", "M01")));

        assertThat(conflicts).extracting(Conflict::rule).containsExactly(Rule.HOME_COVERAGE, Rule.BLACKOUT,
                Rule.BLACKOUT, Rule.BLACKOUT, Rule.WINDOW);
    }

    @Test
    void homeCoverageReadsWellInEnglish() {
        var conflict = new Conflict(Rule.HOME_COVERAGE, List.of("T1", "T2", "T3"), "BT-ANES",
                range("2027-03-01", "2027-05-31"), "conflict.homeCoverage",
                List.of("BT-ANES", 3, "2027-03-01", "2027-05-31", 4, "T1, T2, T3"));

        assertThat(new Messages(Language.EN).format(conflict)).isEqualTo(
                "BT-ANES would have 3 on duty from 2027-03-01 to 2027-05-31; the minimum is 4. Away: T1, T2, T3");
    }

    @Test
    void homeCoverageReadsWellInChinese() {
        var conflict = new Conflict(Rule.HOME_COVERAGE, List.of("T1", "T2", "T3"), "眼科 (Batang)",
                range("2027-03-01", "2027-05-31"), "conflict.homeCoverage",
                List.of("眼科 (Batang)", 2, "2027-03-01", "2027-05-31", 3, "T1, T2, T3"));

        assertThat(new Messages(Language.ZH).format(conflict)).isEqualTo(
                "眼科 (Batang) 在 2027-03-01 至 2027-05-31 期间在岗人数将降至 2 人，少于最少在岗人数 3。外出学员：T1, T2, T3");
    }

    @Test
    void blackoutReadsWellInBothLanguages() {
        var problem = anaesthesia().blackout(range("2027-02-01", "2027-02-20"), "Losar")
                .trainee("T1", "BT-ANES", "SL-ANES").build();
        var conflict = ConflictFinder.find(problem, plan(rotation("T1", "2027-02-01", "M01"))).get(0);

        assertThat(new Messages(Language.EN).format(conflict)).isEqualTo(
                "T1's block 2027-02-01 to 2027-04-30 would start during Losar (2027-02-01 to 2027-02-20),"
                        + " when no block may start");
        assertThat(new Messages(Language.ZH).format(conflict)).isEqualTo(
                "T1 的阶段 2027-02-01 至 2027-04-30 将在禁排期“Losar”（2027-02-01 至 2027-02-20）内开始");
    }

    @Test
    void mentorAbsenceReadsWellInBothLanguages() {
        var conflict = new Conflict(Rule.MENTOR_MATCH, List.of("T1"), "M01", DateRange.of(date("2027-05-01"),
                date("2027-05-01")), "conflict.mentorAbsent",
                List.of("M01", "2027-05-01", "2027-05-01", "T1", "2027-04-01", "2027-06-30"));

        assertThat(new Messages(Language.EN).format(conflict)).isEqualTo(
                "Mentor M01 is not on site from 2027-05-01 to 2027-05-01, during T1's on-site block"
                        + " (2027-04-01 to 2027-06-30)");
        assertThat(new Messages(Language.ZH).format(conflict)).isEqualTo(
                "带教专家 M01 在 2027-05-01 至 2027-05-01 期间不在派驻期内，而这正是 T1 的本院带教阶段（2027-04-01 至 2027-06-30）");
    }
}
