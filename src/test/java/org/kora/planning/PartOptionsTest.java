package org.kora.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.kora.domain.ProgramTemplate;
import org.kora.domain.StartRule;

/**
 * The exact search's quick fit checks (one bit per full day) against the loads themselves, day by
 * day, while starts are added and taken away in a random order.
 */
class PartOptionsTest {
    @Property(tries = 30)
    void fitChecksAgreeWithTheLoadsDayByDay(@ForAll @IntRange(min = 4, max = 30) int size,
                                            @ForAll @IntRange(min = 0, max = 100_000) int seed,
                                            @ForAll @IntRange(min = 1, max = 3) int offSiteMonths,
                                            @ForAll @IntRange(min = 1, max = 3) int onSiteMonths,
                                            @ForAll @IntRange(min = 0, max = 20) int travelDays,
                                            @ForAll boolean anyDay) {
        var program = new ProgramTemplate(offSiteMonths, onSiteMonths, travelDays,
                anyDay ? StartRule.ANY_DAY : StartRule.MONTH_START);
        var model = new PlanningModel(withProgram(ProblemGenerator.generate(size, seed, 18), program));
        var state = new PlacementState(model);
        var random = new SplittableRandom(seed);
        for (var trainees : model.components()) {
            var part = new PartOptions(model, trainees);
            part.copyLoads(state);
            var placed = new ArrayDeque<int[]>();
            for (var step = 0; step < 200 && part.size() > 0; step++) {
                if (!placed.isEmpty() && random.nextInt(3) == 0) {
                    var undo = placed.pop();
                    part.load(undo[0], undo[1], undo[2], -1);
                } else {
                    var i = random.nextInt(part.size());
                    var k = random.nextInt(part.offFrom[i].length);
                    var able = part.able[i][k];
                    // loads may go over the limits here: the checks must follow them all the same
                    var m = able[random.nextInt(able.length)];
                    part.load(i, k, m, 1);
                    placed.push(new int[] {i, k, m});
                }
                assertChecksAgree(part);
            }
        }
    }

    static PlanningProblem withProgram(PlanningProblem problem, ProgramTemplate program) {
        return new PlanningProblem(problem.horizon(), program, problem.blackouts(), problem.hostDepartments(),
                problem.homeDepartments(), problem.mentors(), problem.trainees(), problem.fixed());
    }

    private static void assertChecksAgree(PartOptions part) {
        for (var i = 0; i < part.size(); i++) {
            for (var k = 0; k < part.offFrom[i].length; k++) {
                var offSite = room(part.hostLoad[part.host[i]], part.hostLimit[part.host[i]], part.offFrom[i][k],
                        part.offTo[i][k])
                        && room(part.homeLoad[part.home[i]], part.homeLimit[part.home[i]], part.offFrom[i][k],
                        part.offTo[i][k]);
                assertThat(part.offSiteFits(i, k)).isEqualTo(offSite);
                for (var m : part.able[i][k]) {
                    assertThat(part.mentorFits(i, k, m))
                            .isEqualTo(room(part.mentorLoad[m], part.mentorLimit[m], part.onFrom[i][k], part.onTo[i][k]));
                }
            }
        }
    }

    private static boolean room(int[] load, int limit, int from, int to) {
        for (var d = from; d <= to; d++) {
            if (load[d] >= limit) {
                return false;
            }
        }
        return true;
    }
}
