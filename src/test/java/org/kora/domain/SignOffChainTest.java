package org.kora.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SignOffChainTest {
    private static final String PREVIOUS = "ab".repeat(32);

    private static final SignOff ENTRY = new SignOff(0, 11, 22, LocalDate.parse("2026-06-15"), SignOffLevel.SUPERVISED,
            2, "CASE-17", "steady hands", 33, Instant.parse("2026-06-15T09:30:00.123Z"), 44L, "wrong count",
            null, null);

    private static SignOff with(long traineeId, long competencyId, LocalDate performedOn, SignOffLevel level, int count,
                                String caseReference, String comment, long mentorId, Instant signedAt, Long amendsId,
                                String amendReason) {
        return new SignOff(0, traineeId, competencyId, performedOn, level, count, caseReference, comment, mentorId,
                signedAt, amendsId, amendReason, null, null);
    }

    static Stream<Named<UnaryOperator<SignOff>>> contentChanges() {
        return Stream.of(
                Named.of("trainee", e -> with(12, e.competencyId(), e.performedOn(), e.level(), e.count(),
                        e.caseReference(), e.comment(), e.mentorId(), e.signedAt(), e.amendsId(), e.amendReason())),
                Named.of("competency", e -> with(e.traineeId(), 23, e.performedOn(), e.level(), e.count(),
                        e.caseReference(), e.comment(), e.mentorId(), e.signedAt(), e.amendsId(), e.amendReason())),
                Named.of("date performed", e -> with(e.traineeId(), e.competencyId(), e.performedOn().plusDays(1),
                        e.level(), e.count(), e.caseReference(), e.comment(), e.mentorId(), e.signedAt(),
                        e.amendsId(), e.amendReason())),
                Named.of("level", e -> with(e.traineeId(), e.competencyId(), e.performedOn(), SignOffLevel.INDEPENDENT,
                        e.count(), e.caseReference(), e.comment(), e.mentorId(), e.signedAt(), e.amendsId(),
                        e.amendReason())),
                Named.of("count", e -> with(e.traineeId(), e.competencyId(), e.performedOn(), e.level(), 3,
                        e.caseReference(), e.comment(), e.mentorId(), e.signedAt(), e.amendsId(), e.amendReason())),
                Named.of("case reference", e -> with(e.traineeId(), e.competencyId(), e.performedOn(), e.level(),
                        e.count(), "CASE-18", e.comment(), e.mentorId(), e.signedAt(), e.amendsId(), e.amendReason())),
                Named.of("comment", e -> with(e.traineeId(), e.competencyId(), e.performedOn(), e.level(), e.count(),
                        e.caseReference(), "steady hand", e.mentorId(), e.signedAt(), e.amendsId(), e.amendReason())),
                Named.of("mentor", e -> with(e.traineeId(), e.competencyId(), e.performedOn(), e.level(), e.count(),
                        e.caseReference(), e.comment(), 34, e.signedAt(), e.amendsId(), e.amendReason())),
                Named.of("moment signed", e -> with(e.traineeId(), e.competencyId(), e.performedOn(), e.level(),
                        e.count(), e.caseReference(), e.comment(), e.mentorId(), e.signedAt().plusMillis(1),
                        e.amendsId(), e.amendReason())),
                Named.of("amended entry", e -> with(e.traineeId(), e.competencyId(), e.performedOn(), e.level(),
                        e.count(), e.caseReference(), e.comment(), e.mentorId(), e.signedAt(), 45L, e.amendReason())),
                Named.of("amend reason", e -> with(e.traineeId(), e.competencyId(), e.performedOn(), e.level(),
                        e.count(), e.caseReference(), e.comment(), e.mentorId(), e.signedAt(), e.amendsId(),
                        "wrong date")));
    }

    @Test
    void sameEntryAndPreviousHashGiveTheSameHash() {
        assertThat(SignOffChain.hash(PREVIOUS, ENTRY)).isEqualTo(SignOffChain.hash(PREVIOUS, ENTRY));
    }

    @Test
    void hashIsSixtyFourHexDigits() {
        assertThat(SignOffChain.hash(SignOffChain.GENESIS, ENTRY)).matches("[0-9a-f]{64}");
    }

    @Test
    void genesisIsSixtyFourZeros() {
        assertThat(SignOffChain.GENESIS).matches("0{64}");
    }

    @Test
    void changedPreviousHashChangesTheHash() {
        assertThat(SignOffChain.hash(SignOffChain.GENESIS, ENTRY)).isNotEqualTo(SignOffChain.hash(PREVIOUS, ENTRY));
    }

    @ParameterizedTest
    @MethodSource("contentChanges")
    void changedContentChangesTheHash(UnaryOperator<SignOff> change) {
        var changed = change.apply(ENTRY);
        assertThat(changed).isNotEqualTo(ENTRY);
        assertThat(SignOffChain.hash(PREVIOUS, changed)).isNotEqualTo(SignOffChain.hash(PREVIOUS, ENTRY));
    }

    @Test
    void entrysOwnIdAndHashesAreIgnored() {
        var stored = new SignOff(99, ENTRY.traineeId(), ENTRY.competencyId(), ENTRY.performedOn(), ENTRY.level(),
                ENTRY.count(), ENTRY.caseReference(), ENTRY.comment(), ENTRY.mentorId(), ENTRY.signedAt(),
                ENTRY.amendsId(), ENTRY.amendReason(), SignOffChain.GENESIS, "f".repeat(64));
        assertThat(SignOffChain.hash(PREVIOUS, stored)).isEqualTo(SignOffChain.hash(PREVIOUS, ENTRY));
    }

    @Test
    void missingCaseReferenceDiffersFromEmpty() {
        var missing = with(1, 2, ENTRY.performedOn(), ENTRY.level(), 1, null, "x", 3, ENTRY.signedAt(), null, null);
        var empty = with(1, 2, ENTRY.performedOn(), ENTRY.level(), 1, "", "x", 3, ENTRY.signedAt(), null, null);
        assertThat(SignOffChain.hash(PREVIOUS, missing)).isNotEqualTo(SignOffChain.hash(PREVIOUS, empty));
    }

    @Test
    void missingCommentDiffersFromEmpty() {
        var missing = with(1, 2, ENTRY.performedOn(), ENTRY.level(), 1, "x", null, 3, ENTRY.signedAt(), null, null);
        var empty = with(1, 2, ENTRY.performedOn(), ENTRY.level(), 1, "x", "", 3, ENTRY.signedAt(), null, null);
        assertThat(SignOffChain.hash(PREVIOUS, missing)).isNotEqualTo(SignOffChain.hash(PREVIOUS, empty));
    }

    @Test
    void textMovedFromOneFieldToTheNextChangesTheHash() {
        var first = with(1, 2, ENTRY.performedOn(), ENTRY.level(), 1, "ab", "c", 3, ENTRY.signedAt(), null, null);
        var second = with(1, 2, ENTRY.performedOn(), ENTRY.level(), 1, "a", "bc", 3, ENTRY.signedAt(), null, null);
        assertThat(SignOffChain.hash(PREVIOUS, first)).isNotEqualTo(SignOffChain.hash(PREVIOUS, second));
    }

    @Test
    void separatorInsideATextFieldCannotForgeAnotherEntry() {
        var first = with(1, 2, ENTRY.performedOn(), ENTRY.level(), 1, "a;b", "c", 3, ENTRY.signedAt(), null, null);
        var second = with(1, 2, ENTRY.performedOn(), ENTRY.level(), 1, "a", "b;c", 3, ENTRY.signedAt(), null, null);
        assertThat(SignOffChain.hash(PREVIOUS, first)).isNotEqualTo(SignOffChain.hash(PREVIOUS, second));
    }
}
