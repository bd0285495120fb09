package org.kora.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kora.domain.CompetencyProgress;
import org.kora.domain.Role;
import org.kora.domain.SignOff;
import org.kora.domain.SignOffChain;
import org.kora.domain.SignOffLevel;
import org.kora.domain.SignOffLine;
import org.kora.domain.TraineeRecord;
import org.kora.store.AuditDao;
import org.kora.store.AuditEntry;
import org.kora.store.CompetencyDao;
import org.kora.store.DatabaseFile;
import org.kora.store.MentorDao;
import org.kora.store.SignOffDao;
import org.kora.store.Store;
import org.kora.store.TraineeDao;
import org.kora.store.UserDao;

class SignOffServiceTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final char[] PASSWORD = "demo".toCharArray();

    private final PasswordHasher hasher = new PasswordHasher(1000);
    private final Clock clock = Clock.fixed(TODAY.atTime(10, 30).atZone(BEIJING).toInstant(), BEIJING);

    @TempDir
    Path dir;

    private Store store;
    private SignOffService service;
    private AuthService auth;

    @BeforeEach
    void openDemo() {
        store = Store.create(DatabaseFile.of(dir.resolve("kora")));
        new DemoService(store, hasher, clock).populate();
        service = new SignOffService(store, hasher, clock);
        auth = new AuthService(store, hasher, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Session signIn(String username) {
        return auth.signIn(username, PASSWORD);
    }

    /** The mentor account's first mentee, on site with them today. */
    private TraineeRecord mentee() {
        return service.mentees(signIn("mentor")).stream()
                .filter(record -> record.rotations().stream().anyMatch(r -> r.onSite().contains(TODAY)))
                .findFirst().orElseThrow();
    }

    private static SignOffRequest request(TraineeRecord mentee, LocalDate on, int count) {
        var competency = mentee.progress().competencies().get(0).competency();
        return new SignOffRequest(mentee.trainee().id(), competency.id(), on, SignOffLevel.INDEPENDENT, count,
                "住院号 2026-0117", "steady hands");
    }

    private List<SignOff> chain() {
        return store.inTransaction(tx -> tx.dao(SignOffDao.class).list());
    }

    private List<AuditEntry> audit(String action) {
        return store.inTransaction(tx -> tx.dao(AuditDao.class).list()).stream()
                .filter(entry -> entry.action().equals(action)).toList();
    }

    @Test
    void aMentorSeesTheirMenteesOnSiteTodayWithTheirCurriculum() {
        var mentees = service.mentees(signIn("mentor"));

        assertThat(mentees).isNotEmpty();
        assertThat(mentees).allSatisfy(record -> {
            assertThat(record.progress().competencies()).isNotEmpty();
            assertThat(record.rotations()).anySatisfy(rotation ->
                    assertThat(rotation.onSite().to()).isAfterOrEqualTo(TODAY.minusDays(SignOffService.RECENT_DAYS)));
        });
    }

    @Test
    void aSignOffJoinsTheChainAndCountsTowardsProgress() {
        var mentor = signIn("mentor");
        var mentee = mentee();
        var before = mentee.progress().competencies().get(0).done();

        var saved = service.signOff(mentor, PASSWORD, request(mentee, TODAY, 2));

        var chain = chain();
        assertThat(chain.get(chain.size() - 1)).isEqualTo(saved);
        assertThat(saved.previousHash()).isEqualTo(chain.get(chain.size() - 2).hash());
        assertThat(saved.hash()).isEqualTo(SignOffChain.hash(saved.previousHash(), saved));
        assertThat(saved.signedAt()).isEqualTo(clock.instant());
        var after = service.trainee(mentor, mentee.trainee().id());
        assertThat(after.progress().competencies().get(0).done()).isEqualTo(before + 2);
        assertThat(after.signOffChainHead()).isEqualTo(saved.hash());
        assertThat(audit("SIGNOFF_SAVED")).hasSize(1);
    }

    @Test
    void aWrongPasswordSignsNothingAndIsAudited() {
        var mentee = mentee();
        var size = chain().size();

        assertThatThrownBy(() -> service.signOff(signIn("mentor"), "guess".toCharArray(), request(mentee, TODAY, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("password");
        assertThat(chain()).hasSize(size);
        assertThat(audit("SIGNOFF_REFUSED")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("signoff.passwordWrong"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hr", "manager", "admin"})
    void onlyAMentorMaySign(String username) {
        var mentee = mentee();
        var size = chain().size();

        assertThatThrownBy(() -> service.signOff(signIn(username), PASSWORD, request(mentee, TODAY, 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(chain()).hasSize(size);
        assertThat(audit("SIGNOFF_REFUSED")).singleElement()
                .satisfies(entry -> assertThat(entry.username()).isEqualTo(username));
    }

    @Test
    void aMentorCannotSignForAnotherMentorsMentee() {
        var mentor = signIn("mentor");
        var mine = service.mentees(mentor).stream().map(record -> record.trainee().id()).toList();
        var other = service.trainees(signIn("hr")).stream()
                .filter(summary -> !mine.contains(summary.traineeId()) && !summary.progress().competencies().isEmpty())
                .findFirst().orElseThrow();
        var competency = other.progress().competencies().get(0).competency();
        var size = chain().size();

        assertThatThrownBy(() -> service.signOff(mentor, PASSWORD, new SignOffRequest(other.traineeId(),
                competency.id(), TODAY, SignOffLevel.OBSERVED, 1, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not your mentee");
        assertThatThrownBy(() -> service.trainee(mentor, other.traineeId()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(chain()).hasSize(size);
        assertThat(audit("SIGNOFF_REFUSED")).hasSize(1);
    }

    @Test
    void aMentorCannotSignForThemselves() {
        var mentor = signIn("mentor");
        var mentee = mentee();
        store.inTransaction(tx -> {
            var me = tx.dao(MentorDao.class).find(mentor.user().mentorId()).orElseThrow();
            var t = mentee.trainee();
            return tx.dao(TraineeDao.class).update(new org.kora.domain.Trainee(t.id(), t.hospitalId(), t.departmentId(),
                    me.staffNo(), me.name(), t.profession(), t.title(), t.phone(), t.earliestStart(), t.notes()));
        });

        assertThatThrownBy(() -> service.signOff(mentor, PASSWORD, request(mentee, TODAY, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("own performance");
    }

    @Test
    void theDateIsNeverInTheFutureNorOutsideTheOnSiteBlock() {
        var mentor = signIn("mentor");
        var mentee = mentee();
        var block = mentee.rotations().stream().filter(r -> r.onSite().contains(TODAY)).findFirst().orElseThrow().onSite();

        assertThatThrownBy(() -> service.signOff(mentor, PASSWORD, request(mentee, TODAY.plusDays(1), 1)))
                .hasMessageContaining("future");
        assertThatThrownBy(() -> service.signOff(mentor, PASSWORD, request(mentee, block.from().minusDays(1), 1)))
                .hasMessageContaining("outside the on-site block");
        assertThat(service.signOff(mentor, PASSWORD, request(mentee, block.from(), 1)).performedOn())
                .isEqualTo(block.from());
    }

    @Test
    void theCompetencyMustBeInTheTraineesCurriculumAndTheCountInRange() {
        var mentor = signIn("mentor");
        var mentee = mentee();
        var foreign = store.inTransaction(tx -> tx.dao(CompetencyDao.class).list()).stream()
                .filter(c -> c.departmentId() != mentee.trainee().departmentId()).findFirst().orElseThrow();

        assertThatThrownBy(() -> service.signOff(mentor, PASSWORD, new SignOffRequest(mentee.trainee().id(),
                foreign.id(), TODAY, SignOffLevel.OBSERVED, 1, null, null))).hasMessageContaining("curriculum");
        assertThatThrownBy(() -> service.signOff(mentor, PASSWORD, request(mentee, TODAY, 0))).hasMessageContaining("count");
        assertThatThrownBy(() -> service.signOff(mentor, PASSWORD, request(mentee, TODAY, SignOffService.MAX_COUNT + 1)))
                .hasMessageContaining("count");
    }

    @Test
    void anAmendmentPointsToTheOriginalWhichStaysAndNoLongerCounts() {
        var mentor = signIn("mentor");
        var mentee = mentee();
        var original = service.signOff(mentor, PASSWORD, request(mentee, TODAY, 5));
        var corrected = request(mentee, TODAY, 1);

        var amendment = service.amend(mentor, PASSWORD, original.id(), corrected, "typed 5 instead of 1");

        assertThat(amendment.amendsId()).isEqualTo(original.id());
        assertThat(amendment.amendReason()).isEqualTo("typed 5 instead of 1");
        var record = service.trainee(mentor, mentee.trainee().id());
        assertThat(record.signOffs()).filteredOn(line -> line.entry().id() == original.id())
                .singleElement().extracting(SignOffLine::amended).isEqualTo(true);
        assertThat(record.signOffs()).filteredOn(line -> line.entry().id() == amendment.id())
                .singleElement().extracting(SignOffLine::amended).isEqualTo(false);
        var before = mentee.progress().competencies().get(0).done();
        assertThat(record.progress().competencies().get(0)).extracting(CompetencyProgress::done).isEqualTo(before + 1);
        assertThat(audit("SIGNOFF_AMENDED")).hasSize(1);
    }

    @Test
    void anAmendmentNeedsAReasonAndAmendsOnlyTheNewestCorrection() {
        var mentor = signIn("mentor");
        var mentee = mentee();
        var original = service.signOff(mentor, PASSWORD, request(mentee, TODAY, 5));

        assertThatThrownBy(() -> service.amend(mentor, PASSWORD, original.id(), request(mentee, TODAY, 1), " "))
                .hasMessageContaining("reason");
        service.amend(mentor, PASSWORD, original.id(), request(mentee, TODAY, 1), "typo");
        assertThatThrownBy(() -> service.amend(mentor, PASSWORD, original.id(), request(mentee, TODAY, 2), "again"))
                .hasMessageContaining("already been amended");
    }

    @Test
    void onlyTheMentorWhoSignedMayAmend() {
        var mentor = signIn("mentor");
        var mentee = mentee();
        var original = service.signOff(mentor, PASSWORD, request(mentee, TODAY, 5));
        var colleague = store.inTransaction(tx -> {
            var other = tx.dao(MentorDao.class).list().stream()
                    .filter(m -> m.id() != mentor.user().mentorId()).findFirst().orElseThrow();
            tx.dao(UserDao.class).insert("colleague", other.name(), hasher.hash(PASSWORD), Role.MENTOR, other.id(),
                    clock.instant());
            return "colleague";
        });

        assertThatThrownBy(() -> service.amend(signIn(colleague), PASSWORD, original.id(), request(mentee, TODAY, 1),
                "mine now")).isInstanceOf(InvalidInputException.class);
        assertThat(audit("AMENDMENT_REFUSED")).hasSize(1);
    }

    @Test
    void readersWithoutThePeopleScreensDoNotSeeThePhoneNumber() {
        var mentee = mentee();

        assertThat(service.trainee(signIn("manager"), mentee.trainee().id()).trainee().phone()).isNotNull();
        assertThat(service.trainee(signIn("mentor"), mentee.trainee().id()).trainee().phone()).isNull();
    }

    @Test
    void theListOfTraineesIsEveryoneForManagersAndTheirOwnForMentors() {
        var all = service.trainees(signIn("manager"));
        var mine = service.trainees(signIn("mentor"));

        assertThat(all).hasSizeGreaterThan(mine.size());
        assertThat(mine).extracting(TraineeSummary::traineeId)
                .containsAll(service.mentees(signIn("mentor")).stream().map(r -> r.trainee().id()).toList());
    }

    @Test
    void theRecordsForReportsFollowTheListAndHideThePhoneFromMentors() {
        var manager = signIn("manager");
        var mentor = signIn("mentor");

        assertThat(service.records(manager)).extracting(record -> record.trainee().id())
                .containsExactlyElementsOf(service.trainees(manager).stream().map(TraineeSummary::traineeId).toList());
        assertThat(service.records(manager)).anySatisfy(record -> assertThat(record.trainee().phone()).isNotNull());
        assertThat(service.records(mentor)).isNotEmpty()
                .allSatisfy(record -> assertThat(record.trainee().phone()).isNull());
        assertThat(service.records(manager)).flatExtracting(TraineeRecord::signOffs).hasSize(chain().size());
    }
}
