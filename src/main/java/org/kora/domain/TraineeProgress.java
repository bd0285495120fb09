package org.kora.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A trainee's progress through their home department's curriculum, worked out from their
 * sign-offs: an entry that a later entry amends no longer counts, its amendment does.
 */
public record TraineeProgress(List<CompetencyProgress> competencies) {
    public TraineeProgress {
        competencies = List.copyOf(competencies);
    }

    /**
     * The progress through {@code curriculum} (in its order) that {@code signOffs}, the trainee's
     * entries with their amendments, show.
     */
    public static TraineeProgress of(List<Competency> curriculum, List<SignOff> signOffs) {
        var amended = amendedIds(signOffs);
        var done = new HashMap<Long, Integer>();
        var reached = new HashMap<Long, SignOffLevel>();
        var required = new HashMap<Long, SignOffLevel>();
        for (var competency : curriculum) {
            required.put(competency.id(), competency.achievedLevel());
        }
        for (var entry : signOffs) {
            var level = required.get(entry.competencyId());
            if (amended.contains(entry.id()) || level == null) {
                continue;
            }
            reached.merge(entry.competencyId(), entry.level(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            if (entry.level().reaches(level)) {
                done.merge(entry.competencyId(), entry.count(), Integer::sum);
            }
        }
        return new TraineeProgress(curriculum.stream()
                .map(c -> new CompetencyProgress(c, done.getOrDefault(c.id(), 0), reached.get(c.id())))
                .toList());
    }

    /** The ids of the entries that a later entry in {@code signOffs} amends. */
    public static Set<Long> amendedIds(List<SignOff> signOffs) {
        var amended = new HashSet<Long>();
        for (var entry : signOffs) {
            if (entry.amendsId() != null) {
                amended.add(entry.amendsId());
            }
        }
        return amended;
    }

    /** How many competencies are achieved. */
    public long achievedCount() {
        return competencies.stream().filter(CompetencyProgress::achieved).count();
    }

    /** Complete once the curriculum has competencies and every one of them is achieved. */
    public boolean complete() {
        return !competencies.isEmpty() && achievedCount() == competencies.size();
    }
}
