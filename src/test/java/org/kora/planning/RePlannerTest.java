package org.kora.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kora.domain.DateRange;
import org.kora.domain.ProgramCalendar;
import org.kora.domain.ProgramTemplate;

/** Minimal-change re-planning on small scenarios. */
class RePlannerTest {
    private static final DateRange HORIZON = DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    private static final HomeDepartment BT_ANES = new HomeDepartment("BT-ANES", 10, 2);
    private static final MentorSpec M01 = new MentorSpec("M01", "BT-ANES", 5, List.of(HORIZON));

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static TraineeSpec trainee(String id, String earliest, String latestEnd, List<DateRange> leave) {
        return new TraineeSpec(id, "BT-ANES", "SL-ANES", date(earliest), latestEnd == null ? null : date(latestEnd), leave);
    }

    private static Assignment at(String trainee, String start, String mentor) {
        var rotation = ProgramCalendar.rotation(date(start), ProgramTemplate.DEFAULT);
        return new Assignment(trainee, rotation.offSite(), rotation.onSite(), mentor);
    }

    private static PlanningProblem problem(int hostCapacity, List<MentorSpec> mentors, List<TraineeSpec> trainees) {
        return new PlanningProblem(HORIZON, ProgramTemplate.DEFAULT, List.of(), List.of(new HostDepartment("SL-ANES",
                hostCapacity)), List.of(BT_ANES), mentors, trainees, List.of());
    }

    private static RePlan rePlan(PlanningProblem problem, Plan current) {
        var result = new RePlanner().rePlan(problem, current, PlannerOptions.DEFAULT, PlannerProgress.NONE);
        assertThat(NaiveChecker.conflicts(problem, result.plan())).isEmpty();
        assertThat(NaiveChecker.coverage(problem, result.plan())).isEmpty();
        return result;
    }

    @Test
    void planWithoutConflictComesBackUnchanged() {
        var problem = ProblemGenerator.generate(60, 4);
        var plan = new AutoPlanner().plan(problem, PlannerOptions.DEFAULT.firstPlanOnly(), PlannerProgress.NONE);

        var result = rePlan(problem, plan);

        assertThat(result.changes()).isEmpty();
        assertThat(result.plan().assignments()).containsExactlyInAnyOrderElementsOf(plan.assignments());
    }

    @Test
    void shortenedDeploymentGivesTheTraineeAnotherMentorOnTheSameDates() {
        var shortened = new MentorSpec("M01", "BT-ANES", 5, List.of(DateRange.of(date("2026-01-01"), date("2026-06-30"))));
        var m02 = new MentorSpec("M02", "BT-ANES", 5, List.of(HORIZON));
        var before = at("T1", "2026-03-01", "M01");

        var result = rePlan(problem(2, List.of(shortened, m02), List.of(trainee("T1", "2026-03-01", null, List.of()))),
                new Plan(List.of(before), List.of()));

        assertThat(result.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(PlanChange.Kind.NEW_MENTOR);
            assertThat(change.after()).isEqualTo(at("T1", "2026-03-01", "M02"));
        });
    }

    @Test
    void leaveMovesOnlyTheTraineeOnLeave() {
        var leave = List.of(DateRange.of(date("2026-04-10"), date("2026-04-20")));
        var current = new Plan(List.of(at("T1", "2026-03-01", "M01"), at("T2", "2026-03-01", "M01")), List.of());

        var result = rePlan(problem(2, List.of(M01), List.of(trainee("T1", "2026-03-01", null, List.of()),
                trainee("T2", "2026-03-01", null, leave))), current);

        assertThat(result.plan().assignments()).contains(at("T1", "2026-03-01", "M01"));
        assertThat(result.changes()).singleElement().satisfies(change -> {
            assertThat(change.trainee()).isEqualTo("T2");
            assertThat(change.kind()).isEqualTo(PlanChange.Kind.MOVED);
            assertThat(change.after().offSite().from()).isEqualTo(date("2026-05-01"));
        });
    }

    @Test
    void rotationWithoutConflictMovesOnlyToMakeRoomForABrokenOne() {
        var current = new Plan(List.of(at("A", "2026-01-01", "M01"), at("B", "2026-04-01", "M01")), List.of());
        var hurried = trainee("B", "2026-01-01", "2026-06-30", List.of());

        var result = rePlan(problem(1, List.of(M01), List.of(trainee("A", "2026-01-01", null, List.of()), hurried)),
                current);

        assertThat(result.plan().assignments()).containsExactlyInAnyOrder(at("B", "2026-01-01", "M01"),
                at("A", "2026-04-01", "M01"));
        assertThat(result.changes()).filteredOn(change -> change.trainee().equals("A")).singleElement()
                .satisfies(change -> assertThat(change.makesRoomFor()).isEqualTo("B"));
    }

    @Test
    void traineeWhoseMentorLeftForGoodIsUnplannedWithTheReason() {
        var gone = new MentorSpec("M01", "BT-ANES", 5, List.of(DateRange.of(date("2026-01-01"), date("2026-02-28"))));

        var result = rePlan(problem(2, List.of(gone), List.of(trainee("T1", "2026-03-01", null, List.of()))),
                new Plan(List.of(at("T1", "2026-03-01", "M01")), List.of()));

        assertThat(result.plan().unplanned()).singleElement()
                .satisfies(unplanned -> assertThat(unplanned.reason().messageKey()).isEqualTo("unplanned.noMentor"));
        assertThat(result.changes()).singleElement()
                .satisfies(change -> assertThat(change.kind()).isEqualTo(PlanChange.Kind.UNPLANNED));
    }

    @Test
    void newTraineeIsPlacedAroundTheKeptRotations() {
        var current = new Plan(List.of(at("T1", "2026-03-01", "M01")), List.of());

        var result = rePlan(problem(1, List.of(M01), List.of(trainee("T1", "2026-03-01", null, List.of()),
                trainee("T2", "2026-03-01", null, List.of()))), current);

        assertThat(result.plan().assignments()).containsExactlyInAnyOrder(at("T1", "2026-03-01", "M01"),
                at("T2", "2026-06-01", "M01"));
        assertThat(result.changes()).singleElement()
                .satisfies(change -> assertThat(change.kind()).isEqualTo(PlanChange.Kind.PLACED));
    }
}
