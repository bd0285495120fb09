package org.kora.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.kora.domain.DateRange;

/**
 * What holds for every re-plan: after a mentor's deployment is cut short, a trainee takes leave or
 * a host department shrinks, the repaired plan has no conflict, and a rotation that had no
 * conflict stays as it was unless it moved to make room for one that had.
 */
class RePlannerPropertiesTest {
    @Property(tries = 60)
    void rePlanNeverMovesAConflictFreeRotationUnlessNeeded(@ForAll @IntRange(min = 2, max = 40) int size,
                                                           @ForAll @IntRange(min = 0, max = 100_000) int seed,
                                                           @ForAll @IntRange(min = 0, max = 2) int change) {
        var problem = ProblemGenerator.generate(size, seed);
        var plan = new AutoPlanner().plan(problem, PlannerOptions.DEFAULT.withTimeLimit(Duration.ofMillis(100)),
                PlannerProgress.NONE);
        if (plan.assignments().isEmpty()) {
            return;
        }
        var victim = plan.assignments().get(seed % plan.assignments().size());
        var changed = perturb(problem, victim, change);
        var troubled = NaiveChecker.troubled(changed, plan);

        var result = new RePlanner().rePlan(changed, plan, PlannerOptions.DEFAULT, PlannerProgress.NONE);

        assertThat(NaiveChecker.conflicts(changed, result.plan())).isEmpty();
        assertThat(NaiveChecker.coverage(changed, result.plan())).isEmpty();
        var after = new HashMap<String, Assignment>();
        result.plan().assignments().forEach(a -> after.put(a.trainee(), a));
        var changes = new HashMap<String, PlanChange>();
        result.changes().forEach(c -> changes.put(c.trainee(), c));
        for (var old : plan.assignments()) {
            if (troubled.contains(old.trainee()) || old.equals(after.get(old.trainee()))) {
                continue;
            }
            var why = changes.get(old.trainee());
            assertThat(why).as("change of %s", old.trainee()).isNotNull();
            assertThat(why.makesRoomFor()).as("%s moved for", old.trainee()).isNotNull();
            assertThat(troubled).contains(why.makesRoomFor());
            assertThat(after).containsKey(why.makesRoomFor());
        }
    }

    @Property(tries = 40)
    void everyChangedRotationIsInTheChangeList(@ForAll @IntRange(min = 2, max = 40) int size,
                                               @ForAll @IntRange(min = 0, max = 100_000) int seed,
                                               @ForAll @IntRange(min = 0, max = 2) int change) {
        var problem = ProblemGenerator.generate(size, seed);
        var plan = new AutoPlanner().plan(problem, PlannerOptions.DEFAULT.firstPlanOnly(), PlannerProgress.NONE);
        if (plan.assignments().isEmpty()) {
            return;
        }
        var changed = perturb(problem, plan.assignments().get(seed % plan.assignments().size()), change);

        var result = new RePlanner().rePlan(changed, plan, PlannerOptions.DEFAULT, PlannerProgress.NONE);

        var differing = new ArrayList<String>();
        var before = new HashMap<String, Assignment>();
        plan.assignments().forEach(a -> before.put(a.trainee(), a));
        var after = new HashMap<String, Assignment>();
        result.plan().assignments().forEach(a -> after.put(a.trainee(), a));
        for (var spec : changed.trainees()) {
            var was = before.get(spec.id());
            var now = after.get(spec.id());
            if (was == null ? now != null : !was.equals(now)) {
                differing.add(spec.id());
            }
        }
        assertThat(result.changes()).extracting(PlanChange::trainee).containsExactlyInAnyOrderElementsOf(differing);
    }

    /** The problem after one change of reality around one rotation. */
    static PlanningProblem perturb(PlanningProblem problem, Assignment victim, int change) {
        var mentors = new ArrayList<>(problem.mentors());
        var trainees = new ArrayList<>(problem.trainees());
        var hosts = new ArrayList<>(problem.hostDepartments());
        switch (change) {
            case 0 -> {
                var cut = victim.onSite().from().plusDays(30);
                mentors.replaceAll(m -> m.id().equals(victim.mentor()) ? new MentorSpec(m.id(), m.department(),
                        m.capacity(), m.deployments().stream().filter(d -> !d.from().isAfter(cut))
                        .map(d -> d.to().isAfter(cut) ? DateRange.of(d.from(), cut) : d).toList()) : m);
            }
            case 1 -> trainees.replaceAll(t -> {
                if (!t.id().equals(victim.trainee())) {
                    return t;
                }
                var leave = new ArrayList<>(t.leave());
                var from = victim.offSite().from().plusDays(40);
                leave.add(DateRange.of(from, from.plusDays(10)));
                return new TraineeSpec(t.id(), t.homeDepartment(), t.hostDepartment(), t.earliestStart(), t.latestEnd(),
                        leave);
            });
            default -> {
                var host = trainees.stream().filter(t -> t.id().equals(victim.trainee())).findFirst().orElseThrow()
                        .hostDepartment();
                hosts.replaceAll(h -> h.id().equals(host) && h.capacity() > 1 ? new HostDepartment(h.id(),
                        h.capacity() - 1) : h);
            }
        }
        return new PlanningProblem(problem.horizon(), problem.program(), problem.blackouts(), hosts,
                problem.homeDepartments(), mentors, trainees, List.of());
    }
}
