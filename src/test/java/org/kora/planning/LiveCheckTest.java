package org.kora.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.kora.planning.ProblemBuilder.HORIZON;
import static org.kora.planning.ProblemBuilder.date;
import static org.kora.planning.ProblemBuilder.plan;
import static org.kora.planning.ProblemBuilder.rotation;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class LiveCheckTest {
    /** What the full checker finds for the departments, mentors and trainee a move touched. */
    private static List<Conflict> touchedBy(PlanningProblem problem, Plan plan, String trainee, String oldMentor,
                                            String newMentor) {
        var spec = problem.trainees().stream().filter(candidate -> candidate.id().equals(trainee)).findFirst()
                .orElse(null);
        return ConflictFinder.find(problem, plan).stream().filter(conflict -> switch (conflict.rule()) {
            case HOST_CAPACITY -> spec != null && conflict.resource().equals(spec.hostDepartment());
            case HOME_COVERAGE -> spec != null && conflict.resource().equals(spec.homeDepartment());
            case MENTOR_LOAD -> conflict.resource().equals(oldMentor) || conflict.resource().equals(newMentor);
            default -> conflict.trainees().contains(trainee);
        }).toList();
    }

    private static void movesAgreeWithTheFullCheck(long seed, int trainees, int moves) {
        var random = new RandomPlans(seed, trainees);
        var live = new LiveCheck(random.problem, random.plan);
        var expected = new ArrayList<>(random.plan.assignments());
        for (var i = 0; i < moves; i++) {
            var move = random.move();
            var index = indexOf(expected, move.trainee());
            var oldMentor = expected.get(index).mentor();

            var found = live.move(move.trainee(), move.start(), move.mentor());

            var moved = rotation(move.trainee(), move.start().toString(), move.mentor());
            expected.set(index, moved);
            var plan = new Plan(expected, List.of());
            assertThat(live.plan()).isEqualTo(plan);
            assertThat(found).as("move %d of seed %d: %s", i, seed, move)
                    .isEqualTo(touchedBy(random.problem, plan, move.trainee(), oldMentor, move.mentor()));
        }
    }

    private static int indexOf(List<Assignment> assignments, String trainee) {
        for (var i = 0; i < assignments.size(); i++) {
            if (assignments.get(i).trainee().equals(trainee)) {
                return i;
            }
        }
        throw new AssertionError("no rotation of " + trainee);
    }

    @Property(tries = 60)
    void theWholeListKeptThroughMovesIsWhatTheFullCheckFinds(@ForAll long seed) {
        var random = new RandomPlans(seed, 40);
        var live = new LiveCheck(random.problem, random.plan);
        assertThat(live.conflicts()).isEqualTo(ConflictFinder.find(random.problem, random.plan));
        for (var i = 0; i < 25; i++) {
            var move = random.move();
            live.move(move.trainee(), move.start(), move.mentor());

            assertThat(live.conflicts()).as("move %d of seed %d", i, seed)
                    .isEqualTo(ConflictFinder.find(random.problem, live.plan()));
        }
    }

    @Property(tries = 60)
    void movesFindWhatTheFullCheckFindsForTheTouchedResources(@ForAll long seed) {
        movesAgreeWithTheFullCheck(seed, 40, 25);
    }

    @Test
    void movesOnAThousandTraineePlanAgreeWithTheFullCheck() {
        movesAgreeWithTheFullCheck(2027L, 1000, 5);
    }

    @Test
    void thousandMovesOnAThousandTraineePlanRunIncrementally() {
        var random = new RandomPlans(7L, 1000);
        var live = new LiveCheck(random.problem, random.plan);
        var last = List.<Conflict>of();
        RandomPlans.Move move = null;
        for (var i = 0; i < 1000; i++) {
            move = random.move();
            last = live.move(move.trainee(), move.start(), move.mentor());
        }
        var moved = move.trainee();
        assertThat(last).allSatisfy(conflict -> assertThat(conflict.rule().counts()
                || conflict.trainees().contains(moved)).isTrue());
        assertThat(live.conflicts()).isEqualTo(ConflictFinder.find(random.problem, live.plan()));
    }

    @Test
    void movingAwayFromACrowdedMonthClearsHomeCoverage() {
        var problem = new ProblemBuilder().home("BT-ANES", 6, 4).host("SL-ANES", 5)
                .mentor("M01", "BT-ANES", 5, HORIZON).trainee("T1", "BT-ANES", "SL-ANES")
                .trainee("T2", "BT-ANES", "SL-ANES").trainee("T3", "BT-ANES", "SL-ANES").build();
        var live = new LiveCheck(problem, plan(rotation("T1", "2027-03-01", "M01"),
                rotation("T2", "2027-03-01", "M01"), rotation("T3", "2027-03-01", "M01")));

        assertThat(live.move("T3", date("2027-06-01"))).isEmpty();
    }

    @Test
    void movingIntoACrowdedMonthReportsHomeCoverage() {
        var problem = new ProblemBuilder().home("BT-ANES", 6, 4).host("SL-ANES", 5)
                .mentor("M01", "BT-ANES", 5, HORIZON).trainee("T1", "BT-ANES", "SL-ANES")
                .trainee("T2", "BT-ANES", "SL-ANES").trainee("T3", "BT-ANES", "SL-ANES").build();
        var live = new LiveCheck(problem, plan(rotation("T1", "2027-03-01", "M01"),
                rotation("T2", "2027-03-01", "M01"), rotation("T3", "2027-09-01", "M01")));

        assertThat(live.move("T3", date("2027-04-01"))).extracting(Conflict::rule, Conflict::dates)
                .containsExactly(tuple(Rule.HOME_COVERAGE,
                        ProblemBuilder.range("2027-04-01", "2027-05-31")));
    }

    @Test
    void movingATraineeWithoutARotationIsRefused() {
        var problem = new ProblemBuilder().home("BT-ANES", 6, 4).host("SL-ANES", 5)
                .trainee("T1", "BT-ANES", "SL-ANES").build();
        var live = new LiveCheck(problem, plan());

        assertThatIllegalArgumentException().isThrownBy(() -> live.move("T1", date("2027-01-01")));
    }
}
