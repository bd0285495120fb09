package org.kora.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kora.domain.DateRange;
import org.kora.domain.ProgramTemplate;
import org.kora.domain.StartRule;

/** The auto-planner on scenarios from the program's reality. */
class AutoPlannerTest {
    private static final DateRange HORIZON = range("2026-01-01", "2028-12-31");
    private static final HostDepartment SL_ANES = new HostDepartment("SL-ANES", 5);
    private static final HomeDepartment BT_ANES = new HomeDepartment("BT-ANES", 6, 4);
    private static final MentorSpec ALWAYS_THERE = new MentorSpec("M01", "BT-ANES", 5, List.of(HORIZON));

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static DateRange range(String from, String to) {
        return DateRange.of(date(from), date(to));
    }

    private static TraineeSpec anaesthetist(String id, String earliest) {
        return new TraineeSpec(id, "BT-ANES", "SL-ANES", date(earliest), null, List.of());
    }

    private static PlanningProblem problem(ProgramTemplate program, List<BlackoutPeriod> blackouts,
                                           List<MentorSpec> mentors, List<TraineeSpec> trainees, List<Assignment> fixed) {
        return new PlanningProblem(HORIZON, program, blackouts, List.of(SL_ANES), List.of(BT_ANES), mentors, trainees,
                fixed);
    }

    private static PlanningProblem problem(List<TraineeSpec> trainees) {
        return problem(ProgramTemplate.DEFAULT, List.of(), List.of(ALWAYS_THERE), trainees, List.of());
    }

    private static Plan plan(PlanningProblem problem) {
        var plan = new AutoPlanner().plan(problem, PlannerOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1)),
                PlannerProgress.NONE);
        assertThat(NaiveChecker.conflicts(problem, plan)).isEmpty();
        return plan;
    }

    private static Assignment assignmentOf(Plan plan, String trainee) {
        return plan.assignments().stream().filter(a -> a.trainee().equals(trainee)).findFirst().orElseThrow();
    }

    @Test
    void plannerKeepsTwoAnaesthetistsOnDuty() {
        var plan = plan(problem(List.of(anaesthetist("T1", "2026-03-01"), anaesthetist("T2", "2026-03-01"),
                anaesthetist("T3", "2026-03-01"))));

        assertThat(plan.assignments()).extracting(a -> a.offSite().from())
                .containsExactlyInAnyOrder(date("2026-03-01"), date("2026-03-01"), date("2026-06-01"));
    }

    @Test
    void traineeWithNoMentorDeployedIsUnplannedWithTheReason() {
        var elsewhere = new MentorSpec("M02", "BT-OPHT", 2, List.of(HORIZON));
        var plan = plan(problem(ProgramTemplate.DEFAULT, List.of(), List.of(elsewhere),
                List.of(anaesthetist("T1", "2026-03-01")), List.of()));

        assertThat(plan.assignments()).isEmpty();
        assertThat(plan.unplanned()).singleElement().satisfies(unplanned -> {
            assertThat(unplanned.trainee()).isEqualTo("T1");
            assertThat(unplanned.reason().messageKey()).isEqualTo("unplanned.noMentor");
            assertThat(unplanned.reason().messageArgs()).containsExactly("BT-ANES");
        });
    }

    @Test
    void losarBlackoutPushesTheStartToMarch() {
        var losar = new BlackoutPeriod(range("2027-01-28", "2027-02-14"), "Losar");
        var plan = plan(problem(ProgramTemplate.DEFAULT, List.of(losar), List.of(ALWAYS_THERE),
                List.of(anaesthetist("T1", "2027-01-15")), List.of()));

        assertThat(assignmentOf(plan, "T1").offSite().from()).isEqualTo(date("2027-03-01"));
    }

    @Test
    void blackoutOnTheOnSiteStartAlsoPushesTheStart() {
        var festival = new BlackoutPeriod(range("2027-05-25", "2027-06-05"), "Spring Festival");
        var plan = plan(problem(ProgramTemplate.DEFAULT, List.of(festival), List.of(ALWAYS_THERE),
                List.of(anaesthetist("T1", "2027-03-01")), List.of()));

        assertThat(assignmentOf(plan, "T1").offSite().from()).isEqualTo(date("2027-04-01"));
    }

    @Test
    void thirtyNovemberStartEndsTwentyEighthFebruaryInALeapYear() {
        var anyDay = new ProgramTemplate(3, 3, 0, StartRule.ANY_DAY);
        var plan = plan(problem(anyDay, List.of(), List.of(ALWAYS_THERE), List.of(anaesthetist("T1", "2027-11-30")),
                List.of()));

        var assignment = assignmentOf(plan, "T1");
        assertThat(assignment.offSite()).isEqualTo(range("2027-11-30", "2028-02-28"));
        assertThat(assignment.onSite()).isEqualTo(range("2028-02-29", "2028-05-28"));
    }

    @Test
    void leaveDuringTheRotationPushesTheStartPastIt() {
        var onLeave = new TraineeSpec("T1", "BT-ANES", "SL-ANES", date("2026-03-01"), null,
                List.of(range("2026-07-01", "2026-07-14")));
        var plan = plan(problem(List.of(onLeave)));

        assertThat(assignmentOf(plan, "T1").offSite().from()).isEqualTo(date("2026-07-15").withDayOfMonth(1).plusMonths(1));
    }

    @Test
    void latestEndTooEarlyLeavesTheTraineeUnplannedForItsWindow() {
        var hurried = new TraineeSpec("T1", "BT-ANES", "SL-ANES", date("2026-03-01"), date("2026-07-31"), List.of());
        var plan = plan(problem(List.of(hurried)));

        assertThat(plan.unplanned()).singleElement()
                .satisfies(unplanned -> assertThat(unplanned.reason().messageKey()).isEqualTo("unplanned.window"));
    }

    @Test
    void fullHostDepartmentLeavesTheTraineeUnplannedForCapacity() {
        var small = new HostDepartment("SL-ANES", 1);
        var wide = new HomeDepartment("BT-ANES", 10, 1);
        var horizon = range("2026-01-01", "2026-09-30");
        var trainees = new ArrayList<TraineeSpec>();
        for (var i = 1; i <= 3; i++) {
            trainees.add(anaesthetist("T" + i, "2026-01-01"));
        }
        var problem = new PlanningProblem(horizon, ProgramTemplate.DEFAULT, List.of(), List.of(small), List.of(wide),
                List.of(new MentorSpec("M01", "BT-ANES", 5, List.of(horizon))), trainees, List.of());

        var plan = plan(problem);

        assertThat(plan.assignments()).hasSize(2);
        assertThat(plan.unplanned()).singleElement()
                .satisfies(unplanned -> assertThat(unplanned.reason().messageKey()).isEqualTo("unplanned.noCapacity"));
    }

    @Test
    void fixedRotationTakesItsPlaceAndTheTraineeWaits() {
        var busy = new HostDepartment("SL-ANES", 1);
        var rotation = org.kora.domain.ProgramCalendar.rotation(date("2026-03-01"), ProgramTemplate.DEFAULT);
        var fixed = new Assignment("T0", rotation.offSite(), rotation.onSite(), "M01");
        var problem = new PlanningProblem(HORIZON, ProgramTemplate.DEFAULT, List.of(), List.of(busy), List.of(BT_ANES),
                List.of(ALWAYS_THERE), List.of(anaesthetist("T0", "2026-03-01"), anaesthetist("T1", "2026-03-01")),
                List.of(fixed));

        var plan = plan(problem);

        assertThat(plan.assignments()).extracting(Assignment::trainee).containsExactly("T1");
        assertThat(assignmentOf(plan, "T1").offSite().from()).isEqualTo(date("2026-06-01"));
    }

    @Test
    void mentorLoadIsSpreadOverTheMentorsOnSite() {
        var second = new MentorSpec("M02", "BT-ANES", 5, List.of(HORIZON));
        var plan = plan(problem(ProgramTemplate.DEFAULT, List.of(), List.of(ALWAYS_THERE, second),
                List.of(anaesthetist("T1", "2026-03-01"), anaesthetist("T2", "2026-03-01")), List.of()));

        assertThat(plan.assignments()).extracting(Assignment::mentor).containsExactlyInAnyOrder("M01", "M02");
    }

    @Test
    void cancelledRunStillAccountsForEveryTrainee() {
        var problem = ProblemGenerator.generate(200, 3);
        var cancelled = new PlannerProgress() {
            @Override
            public void report(double fraction, PlannerPhase phase) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };

        var plan = new AutoPlanner().plan(problem, PlannerOptions.DEFAULT, cancelled);

        assertThat(NaiveChecker.coverage(problem, plan)).isEmpty();
        assertThat(plan.unplanned()).extracting(u -> u.reason().messageKey()).contains("unplanned.cancelled");
    }

    @Test
    void progressEndsDoneAtOne() {
        var phases = new ArrayList<PlannerPhase>();
        var fractions = new ArrayList<Double>();
        new AutoPlanner().plan(ProblemGenerator.generate(50, 3), PlannerOptions.DEFAULT.withTimeLimit(Duration.ofMillis(200)),
                (fraction, phase) -> {
                    phases.add(phase);
                    fractions.add(fraction);
                });

        assertThat(phases).startsWith(PlannerPhase.PREPARING).endsWith(PlannerPhase.DONE);
        assertThat(fractions).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void sameSeedGivesTheSameFirstPlan() {
        var problem = ProblemGenerator.generate(300, 11);
        var options = PlannerOptions.DEFAULT.firstPlanOnly();

        var first = new AutoPlanner().plan(problem, options, PlannerProgress.NONE);
        var second = new AutoPlanner().plan(problem, options, PlannerProgress.NONE);

        assertThat(second.assignments()).isEqualTo(first.assignments());
        assertThat(second.unplanned()).extracting(Unplanned::trainee)
                .isEqualTo(first.unplanned().stream().map(Unplanned::trainee).toList());
    }

    @Test
    void improvementNeverMakesTheFirstPlanWorse() {
        var problem = ProblemGenerator.generate(300, 5);
        var first = PlanObjective.of(problem, new AutoPlanner().plan(problem, PlannerOptions.DEFAULT.firstPlanOnly(),
                PlannerProgress.NONE));
        var improved = PlanObjective.of(problem, new AutoPlanner().plan(problem,
                PlannerOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1)), PlannerProgress.NONE));

        assertThat(improved.planned()).isGreaterThanOrEqualTo(first.planned());
        if (improved.planned() == first.planned()) {
            assertThat(improved.totalDelayDays()).isLessThanOrEqualTo(first.totalDelayDays());
        }
    }
}
