package org.kora.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.kora.domain.Competency;
import org.kora.domain.SignOff;
import org.kora.domain.SignOffLevel;
import org.kora.domain.SignOffLine;
import org.kora.domain.TraineeProgress;

/** A small anaesthesia curriculum and sign-offs against it, for the record, certificate and export tests. */
final class SignOffSamples {
    static final Competency INTUBATION = new Competency(1, 1, "气管插管", "Endotracheal intubation", "气道管理", 3,
            SignOffLevel.SUPERVISED, 1);
    static final Competency EPIDURAL = new Competency(2, 1, "分娩镇痛硬膜外穿刺", "Labour epidural analgesia", "区域麻醉", 2,
            SignOffLevel.INDEPENDENT, 2);
    static final Competency SEDATION = new Competency(3, 1, "消化内镜检查镇静", "Sedation for endoscopy", "镇静", 1,
            SignOffLevel.SUPERVISED, 3);
    static final List<Competency> CURRICULUM = List.of(INTUBATION, EPIDURAL, SEDATION);
    static final String MENTOR = "周建国";
    /** 08:30 UTC on 2 June 2027, plus a day for each entry id. */
    static final Instant FIRST_SIGNED = Instant.parse("2027-06-02T08:30:00Z");

    private SignOffSamples() {
    }

    static SignOff signOff(long id, Competency competency, SignOffLevel level, int count) {
        return new SignOff(id, 1, competency.id(), LocalDate.of(2027, 6, 1).plusDays(id), level, count, "Z-" + id,
                "", 7, FIRST_SIGNED.plusSeconds(86_400 * id), null, null, "prev" + id, "hash" + id);
    }

    /** An entry that corrects entry {@code amends}. */
    static SignOff amendment(long id, long amends, Competency competency, SignOffLevel level, int count, String reason) {
        return new SignOff(id, 1, competency.id(), LocalDate.of(2027, 6, 1).plusDays(id), level, count, "Z-" + id,
                "", 7, FIRST_SIGNED.plusSeconds(86_400 * id), amends, reason, "prev" + id, "hash" + id);
    }

    static SignOff withComment(SignOff entry, String caseReference, String comment) {
        return new SignOff(entry.id(), entry.traineeId(), entry.competencyId(), entry.performedOn(), entry.level(),
                entry.count(), caseReference, comment, entry.mentorId(), entry.signedAt(), entry.amendsId(),
                entry.amendReason(), entry.previousHash(), entry.hash());
    }

    /** Every competency achieved; entry 2 signed the epidural at the wrong level and entry 4 corrects it. */
    static List<SignOff> complete() {
        return List.of(
                signOff(1, INTUBATION, SignOffLevel.SUPERVISED, 3),
                signOff(2, EPIDURAL, SignOffLevel.SUPERVISED, 2),
                signOff(3, SEDATION, SignOffLevel.INDEPENDENT, 1),
                amendment(4, 2, EPIDURAL, SignOffLevel.INDEPENDENT, 2, "level entered wrongly"));
    }

    /** The intubations only, one of them corrected. */
    static List<SignOff> partial() {
        return List.of(
                signOff(1, INTUBATION, SignOffLevel.ASSISTED, 2),
                signOff(2, INTUBATION, SignOffLevel.SUPERVISED, 3),
                amendment(3, 1, INTUBATION, SignOffLevel.OBSERVED, 2, "the trainee only watched"));
    }

    /** {@code count} entries, every fifth corrected by the next. */
    static List<SignOff> many(int count) {
        var entries = new ArrayList<SignOff>();
        for (var id = 1; id <= count; id++) {
            var competency = CURRICULUM.get(id % CURRICULUM.size());
            entries.add(id % 5 == 1 && id > 1 ? amendment(id, id - 1, competency, SignOffLevel.SUPERVISED, 1, "wrong day")
                    : signOff(id, competency, SignOffLevel.values()[id % 4], 1));
        }
        return entries;
    }

    static TraineeProgress progress(List<SignOff> entries) {
        return TraineeProgress.of(CURRICULUM, entries);
    }

    /** The entries as the record shows them, those a later entry amends marked. */
    static List<SignOffLine> lines(List<SignOff> entries) {
        var amended = TraineeProgress.amendedIds(entries);
        return entries.stream().map(entry -> new SignOffLine(entry,
                CURRICULUM.stream().filter(c -> c.id() == entry.competencyId()).findFirst().orElseThrow(), MENTOR,
                amended.contains(entry.id()))).toList();
    }
}
