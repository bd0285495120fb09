package org.kora.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.kora.domain.ChainCheck.Broken;
import org.kora.domain.ChainCheck.Fault;
import org.kora.domain.ChainCheck.Intact;
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

    // Verifying a chain

    /** Entries 1 … n as the ledger appends them, each chained to the one before. */
    private static List<SignOff> chain(int n) {
        var entries = new ArrayList<SignOff>();
        var previous = SignOffChain.GENESIS;
        for (var id = 1; id <= n; id++) {
            var entry = with(11, 22, ENTRY.performedOn().plusDays(id), SignOffLevel.ASSISTED, 1, "CASE-" + id, null, 33,
                    ENTRY.signedAt().plusSeconds(id), null, null);
            entries.add(stored(id, entry, previous));
            previous = entries.get(id - 1).hash();
        }
        return entries;
    }

    private static SignOff stored(long id, SignOff entry, String previous) {
        return new SignOff(id, entry.traineeId(), entry.competencyId(), entry.performedOn(), entry.level(), entry.count(),
                entry.caseReference(), entry.comment(), entry.mentorId(), entry.signedAt(), entry.amendsId(),
                entry.amendReason(), previous, SignOffChain.hash(previous, entry));
    }

    private static ChainAnchor anchorOf(List<SignOff> entries) {
        var head = entries.get(entries.size() - 1);
        return new ChainAnchor(head.id(), head.hash(), entries.size());
    }

    private static ChainCheck verify(List<SignOff> entries, ChainAnchor anchor) {
        return SignOffChain.verify(entries, anchor);
    }

    private static SignOff withComment(SignOff e, String comment) {
        return new SignOff(e.id(), e.traineeId(), e.competencyId(), e.performedOn(), e.level(), e.count(),
                e.caseReference(), comment, e.mentorId(), e.signedAt(), e.amendsId(), e.amendReason(), e.previousHash(),
                e.hash());
    }

    private static SignOff withId(SignOff e, long id) {
        return new SignOff(id, e.traineeId(), e.competencyId(), e.performedOn(), e.level(), e.count(),
                e.caseReference(), e.comment(), e.mentorId(), e.signedAt(), e.amendsId(), e.amendReason(),
                e.previousHash(), e.hash());
    }

    @Test
    void untouchedChainIsIntactWithItsCountAndHead() {
        var entries = chain(5);
        assertThat(verify(entries, anchorOf(entries))).isEqualTo(new Intact(5, entries.get(4).hash()));
    }

    @Test
    void emptyLogWithTheEmptyAnchorIsIntact() {
        assertThat(verify(List.of(), ChainAnchor.EMPTY)).isEqualTo(new Intact(0, SignOffChain.GENESIS));
    }

    @Test
    void changedContentNamesThatEntry() {
        var entries = chain(5);
        var anchor = anchorOf(entries);
        entries.set(2, withComment(entries.get(2), "edited"));
        assertThat(verify(entries, anchor)).isEqualTo(new Broken(5, 3, Fault.CONTENT_CHANGED, 0));
    }

    @Test
    void signedMomentGivenAFinerPartThanKoraKeepsIsAChange() {
        var entries = chain(3);
        var anchor = anchorOf(entries);
        var e = entries.get(1);
        entries.set(1, new SignOff(e.id(), e.traineeId(), e.competencyId(), e.performedOn(), e.level(), e.count(),
                e.caseReference(), e.comment(), e.mentorId(), e.signedAt().plusNanos(1000), e.amendsId(),
                e.amendReason(), e.previousHash(), e.hash()));
        assertThat(verify(entries, anchor)).isEqualTo(new Broken(3, 2, Fault.CONTENT_CHANGED, 0));
    }

    @Test
    void entryChangedAndResealedBreaksTheLinkOfTheNextOne() {
        var entries = chain(5);
        var anchor = anchorOf(entries);
        var changed = withComment(entries.get(1), "edited");
        entries.set(1, stored(2, changed, changed.previousHash()));
        assertThat(verify(entries, anchor)).isEqualTo(new Broken(5, 3, Fault.PREDECESSOR_GONE, 2));
    }

    @Test
    void lastEntryChangedAndResealedDiffersFromTheAnchor() {
        var entries = chain(5);
        var anchor = anchorOf(entries);
        var changed = withComment(entries.get(4), "edited");
        entries.set(4, stored(5, changed, changed.previousHash()));
        assertThat(verify(entries, anchor)).isEqualTo(new Broken(5, 5, Fault.HEAD_CHANGED, 0));
    }

    @Test
    void removedMiddleEntryIsNamedByTheOneAfterIt() {
        var entries = chain(5);
        var anchor = anchorOf(entries);
        entries.remove(2);
        assertThat(verify(entries, anchor)).isEqualTo(new Broken(4, 4, Fault.PREDECESSOR_GONE, 2));
    }

    @Test
    void removedFirstEntryLeavesAChainWithoutItsStart() {
        var entries = chain(5);
        var anchor = anchorOf(entries);
        entries.remove(0);
        assertThat(verify(entries, anchor)).isEqualTo(new Broken(4, 2, Fault.START_GONE, 0));
    }

    @Test
    void removedNewestEntriesAreFoundByTheAnchor() {
        var entries = chain(5);
        var anchor = anchorOf(entries);
        entries.subList(3, 5).clear();
        assertThat(verify(entries, anchor)).isEqualTo(new Broken(3, 4, Fault.REMOVED_AT_END, 5));
    }

    @Test
    void everyEntryRemovedIsFoundByTheAnchor() {
        var entries = chain(5);
        assertThat(verify(List.of(), anchorOf(entries))).isEqualTo(new Broken(0, 1, Fault.REMOVED_AT_END, 5));
    }

    @Test
    void swappedContentsAreOutOfOrder() {
        var entries = chain(5);
        var anchor = anchorOf(entries);
        var second = entries.get(1);
        entries.set(1, withId(entries.get(3), 2));
        entries.set(3, withId(second, 4));
        assertThat(verify(entries, anchor)).isEqualTo(new Broken(5, 2, Fault.OUT_OF_ORDER, 3));
    }

    @Test
    void entryAddedAfterTheHeadIsNamed() {
        var entries = chain(6);
        var anchor = anchorOf(entries.subList(0, 5));
        assertThat(verify(entries, anchor)).isEqualTo(new Broken(6, 6, Fault.ADDED, 0));
    }

    @Test
    void entrySlippedInBetweenTwoIsNamed() {
        var entries = chain(5);
        var anchor = anchorOf(entries);
        // a forged entry chained to entry 2, the later ones numbered on
        var forged = stored(3, with(11, 22, ENTRY.performedOn(), SignOffLevel.INDEPENDENT, 9, null, "forged", 33,
                ENTRY.signedAt(), null, null), entries.get(1).hash());
        entries.add(2, forged);
        for (var i = 3; i < entries.size(); i++) {
            entries.set(i, withId(entries.get(i), i + 1));
        }
        assertThat(verify(entries, anchor)).extracting(check -> ((Broken) check).entryId(), check -> ((Broken) check).fault())
                .containsExactly(3L, Fault.ADDED);
    }

    @Test
    void secondBeginningIsAnAddedEntry() {
        var entries = chain(3);
        var anchor = anchorOf(entries);
        entries.add(1, stored(2, ENTRY, SignOffChain.GENESIS));
        entries.set(2, withId(entries.get(2), 3));
        entries.set(3, withId(entries.get(3), 4));
        assertThat(verify(entries, anchor)).isEqualTo(new Broken(4, 2, Fault.ADDED, 0));
    }

    @Test
    void renumberedEntryIsNamedWithTheNumberItShouldHave() {
        var entries = chain(3);
        var anchor = anchorOf(entries);
        entries.set(0, withId(entries.get(0), 0));
        assertThat(verify(entries, anchor)).isEqualTo(new Broken(3, 0, Fault.RENUMBERED, 1));
    }

    @Test
    void missingOrDamagedAnchorIsReportedAfterAnIntactWalk() {
        var entries = chain(3);
        var head = entries.get(2);
        assertThat(List.of(verify(entries, null), verify(entries, new ChainAnchor(3, head.hash(), 4)),
                verify(List.of(), new ChainAnchor(0, head.hash(), 0))))
                .extracting(check -> ((Broken) check).fault(), check -> ((Broken) check).entryId())
                .containsOnly(tuple(Fault.ANCHOR_DAMAGED, 0L));
    }

    @Test
    void brokenEntryIsToldInWordsWithItsNumberUngrouped() {
        var broken = new Broken(2000, 1234, Fault.PREDECESSOR_GONE, 1233);
        assertThat(new Messages(Language.EN).format(broken)).isEqualTo("Sign-off 1234: the entry it was chained to is "
                + "gone: sign-off 1233 was changed after it was signed, or entries after it were removed.");
        assertThat(new Messages(Language.ZH).format(broken)).startsWith("签字 1234：");
    }

    @Test
    void anchorReadsBackWhatItWrote() {
        var anchor = new ChainAnchor(1234, "3f".repeat(32), 1234);
        assertThat(ChainAnchor.parse(anchor.text())).contains(anchor);
        assertThat(ChainAnchor.parse("1234 nothex 1234")).isEmpty();
        assertThat(ChainAnchor.parse(null)).isEmpty();
    }
}
