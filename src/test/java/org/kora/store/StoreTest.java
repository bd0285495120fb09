package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.function.Function;

import org.h2.util.DateTimeUtils;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Blackout;
import org.kora.domain.Block;
import org.kora.domain.BlockKind;
import org.kora.domain.Cohort;
import org.kora.domain.Competency;
import org.kora.domain.Department;
import org.kora.domain.Deployment;
import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;
import org.kora.domain.Leave;
import org.kora.domain.Mentor;
import org.kora.domain.Partnership;
import org.kora.domain.Profession;
import org.kora.domain.Role;
import org.kora.domain.Rotation;
import org.kora.domain.SignOff;
import org.kora.domain.SignOffChain;
import org.kora.domain.SignOffLevel;
import org.kora.domain.StartRule;
import org.kora.domain.Trainee;
import org.kora.domain.User;

class StoreTest {
    private static final String TIBETAN_NAME = "བཀྲ་ཤིས་ཚེ་རིང";
    private static final String RARE_CJK_NAME = "王䶮𠈌";
    private static final Blackout MARKER = new Blackout(0, LocalDate.parse("2027-02-06"), LocalDate.parse("2027-02-20"),
            "Losar");

    /** Raw SQL that Kora's own DAOs would never send: for reading settings and getting past the records' checks. */
    interface RawSql {
        @SqlQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
        List<String> writeDelay();

        @SqlUpdate("INSERT INTO department (hospital_id, kind, name, headcount, min_on_duty, capacity) "
                + "VALUES (:hospitalId, :kind, :name, :headcount, :minOnDuty, :capacity)")
        void insertDepartment(@Bind("hospitalId") long hospitalId, @Bind("kind") String kind, @Bind("name") String name,
                              @Bind("headcount") Integer headcount, @Bind("minOnDuty") Integer minOnDuty,
                              @Bind("capacity") Integer capacity);

        @SqlUpdate("INSERT INTO block (rotation_id, kind, start_date, end_date, department_id, mentor_id) "
                + "VALUES (:rotationId, :kind, :from, :to, :departmentId, :mentorId)")
        void insertBlock(@Bind("rotationId") long rotationId, @Bind("kind") String kind, @Bind("from") LocalDate from,
                         @Bind("to") LocalDate to, @Bind("departmentId") long departmentId, @Bind("mentorId") Long mentorId);
    }

    /** A home and a partner hospital in partnership, a department of each, a mentor, a trainee in a cohort. */
    private record Seed(long home, long partner, long homeDepartment, long partnerDepartment, long mentor,
                        long trainee, long cohort, long rotation) {
    }

    @TempDir
    Path dir;

    private Store store;

    @BeforeEach
    void createStore() {
        store = Store.create(DatabaseFile.of(dir.resolve("kora")));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Seed seed() {
        return store.inTransaction(tx -> {
            var hospitals = tx.dao(HospitalDao.class);
            var home = hospitals.insert("Lhünzhub County People's Hospital", HospitalKind.HOME);
            var partner = hospitals.insert("Beijing Friendship Hospital", HospitalKind.PARTNER);
            hospitals.insertPartnership(home, partner);
            var departments = tx.dao(DepartmentDao.class);
            var homeDepartment = departments.insert(Department.home(0, home, "Anaesthesia", 6, 4));
            var partnerDepartment = departments.insert(Department.partner(0, partner, "Anaesthesiology", 3));
            var mentor = tx.dao(MentorDao.class).insert(new Mentor(0, partner, homeDepartment, "M-001", "Wang Li", 2));
            var trainee = tx.dao(TraineeDao.class).insert(new Trainee(0, home, homeDepartment, "0042", "Tashi",
                    Profession.DOCTOR, null, null, null, null));
            var cohorts = tx.dao(CohortDao.class);
            var cohort = cohorts.insert(new Cohort(0, "2026 spring", 3, 3, 0, StartRule.MONTH_START));
            var rotation = cohorts.insertRotation(new Rotation(0, cohort, trainee, partnerDepartment, null, null, false));
            return new Seed(home, partner, homeDepartment, partnerDepartment, mentor, trainee, cohort, rotation);
        });
    }

    private <T> List<T> read(Function<Tx, List<T>> query) {
        return store.inTransaction(query);
    }

    /**
     * Runs {@code violation} in a transaction after a harmless insert and expects the database to refuse it by
     * {@code constraint}, the whole transaction to be rolled back and {@code table} to be unchanged.
     */
    private void assertRefused(String constraint, Function<Tx, List<?>> table, Consumer<Tx> violation) {
        var before = store.inTransaction(table);
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.dao(BlackoutDao.class).insert(MARKER);
            violation.accept(tx);
            return null;
        }))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("store.writeFailed"))
                .rootCause().hasMessageContaining(constraint.toUpperCase(Locale.ROOT));
        assertThat(read(tx -> tx.dao(BlackoutDao.class).list())).as("rolled back").isEmpty();
        assertThat(store.inTransaction(table)).as("unchanged").isEqualTo(before);
    }

    private static Trainee trainee(long hospital, long department, String staffNo, String name) {
        return new Trainee(0, hospital, department, staffNo, name, Profession.NURSE, null, null, null, null);
    }

    // Opening and creating

    @Test
    void createdDatabaseKeepsItsDataAfterReopening() {
        var id = store.inTransaction(tx -> tx.dao(HospitalDao.class).insert("Nyingchi People's Hospital",
                HospitalKind.HOME));
        store.close();
        store = Store.open(DatabaseFile.of(dir.resolve("kora.mv.db")));
        assertThat(read(tx -> tx.dao(HospitalDao.class).list()))
                .containsExactly(new Hospital(id, "Nyingchi People's Hospital", HospitalKind.HOME));
    }

    @Test
    void writeDelayIsOff() {
        assertThat(read(tx -> tx.dao(RawSql.class).writeDelay())).isNotEmpty().containsOnly("0");
    }

    @Test
    void openingWhereNoDatabaseIsRefused(@TempDir Path empty) {
        assertThatThrownBy(() -> Store.open(DatabaseFile.of(empty.resolve("kora"))))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("store.notFound"));
    }

    @Test
    void openingWhereNoDatabaseIsCreatesNoFile(@TempDir Path empty) throws IOException {
        assertThatThrownBy(() -> Store.open(DatabaseFile.of(empty.resolve("kora")))).isInstanceOf(StoreException.class);
        try (var files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void openingInAMissingFolderCreatesNoFolder(@TempDir Path empty) {
        var missing = empty.resolve("unmounted");
        assertThatThrownBy(() -> Store.open(DatabaseFile.of(missing.resolve("kora")))).isInstanceOf(StoreException.class);
        assertThat(missing).doesNotExist();
    }

    @Test
    void creatingOverAnExistingDatabaseIsRefused() {
        store.close();
        assertThatThrownBy(() -> Store.create(DatabaseFile.of(dir.resolve("kora.mv.db"))))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.messageKey()).isEqualTo("store.exists"));
    }

    @Test
    void creatingOverAnExistingDatabaseKeepsItsData() {
        store.inTransaction(tx -> tx.dao(HospitalDao.class).insert("Nyingchi People's Hospital", HospitalKind.HOME));
        store.close();
        assertThatThrownBy(() -> Store.create(DatabaseFile.of(dir.resolve("kora")))).isInstanceOf(StoreException.class);
        store = Store.open(DatabaseFile.of(dir.resolve("kora")));
        assertThat(read(tx -> tx.dao(HospitalDao.class).list())).hasSize(1);
    }

    @Test
    void creatingMakesTheMissingFolders(@TempDir Path empty) {
        var file = DatabaseFile.of(empty.resolve("a").resolve("b").resolve("kora"));
        Store.create(file).close();
        assertThat(file.exists()).isTrue();
    }

    // Constraints: the database refuses bad data even if the code lets it through

    @Test
    void departmentOfTheOtherKindThanItsHospitalIsRefused() {
        var seed = seed();
        assertRefused("department_hospital_fk", tx -> tx.dao(DepartmentDao.class).list(),
                tx -> tx.dao(DepartmentDao.class).insert(Department.home(0, seed.partner(), "Surgery", 5, 2)));
    }

    @Test
    void homeDepartmentWithMinimumOnDutyAtHeadcountIsRefused() {
        var seed = seed();
        assertRefused("department_shape_ck", tx -> tx.dao(DepartmentDao.class).list(),
                tx -> tx.dao(RawSql.class).insertDepartment(seed.home(), "HOME", "Surgery", 5, 5, null));
    }

    @Test
    void partnerDepartmentWithAHeadcountIsRefused() {
        var seed = seed();
        assertRefused("department_shape_ck", tx -> tx.dao(DepartmentDao.class).list(),
                tx -> tx.dao(RawSql.class).insertDepartment(seed.partner(), "PARTNER", "Surgery", 5, null, 2));
    }

    @Test
    void duplicateStaffNumberInOneHospitalIsRefused() {
        var seed = seed();
        assertRefused("trainee_staff_no_uq", tx -> tx.dao(TraineeDao.class).list(),
                tx -> tx.dao(TraineeDao.class).insert(trainee(seed.home(), seed.homeDepartment(), "0042", "Dawa")));
    }

    @Test
    void sameStaffNumberInAnotherHospitalIsAccepted() {
        var seed = seed();
        var other = store.inTransaction(tx -> {
            var hospital = tx.dao(HospitalDao.class).insert("Mainling County Hospital", HospitalKind.HOME);
            var department = tx.dao(DepartmentDao.class).insert(Department.home(0, hospital, "Anaesthesia", 4, 2));
            return tx.dao(TraineeDao.class).insert(trainee(hospital, department, "0042", "Dawa"));
        });
        assertThat(read(tx -> tx.dao(TraineeDao.class).list())).extracting(Trainee::id, Trainee::staffNo)
                .containsExactly(tuple(seed.trainee(), "0042"),
                        tuple(other, "0042"));
    }

    @Test
    void traineeInAPartnerDepartmentIsRefused() {
        var seed = seed();
        assertRefused("trainee_department_kind_fk", tx -> tx.dao(TraineeDao.class).list(),
                tx -> tx.dao(TraineeDao.class).insert(trainee(seed.partner(), seed.partnerDepartment(), "P-7", "Li")));
    }

    @Test
    void traineeInADepartmentOfAnotherHospitalIsRefused() {
        var seed = seed();
        var otherHospital = store.inTransaction(tx -> tx.dao(HospitalDao.class).insert("Mainling County Hospital",
                HospitalKind.HOME));
        assertRefused("trainee_department_fk", tx -> tx.dao(TraineeDao.class).list(),
                tx -> tx.dao(TraineeDao.class).insert(trainee(otherHospital, seed.homeDepartment(), "0043", "Dawa")));
    }

    @Test
    void blockEndingBeforeItStartsIsRefused() {
        var seed = seed();
        assertRefused("block_dates_ck", tx -> tx.dao(CohortDao.class).blocks(),
                tx -> tx.dao(RawSql.class).insertBlock(seed.rotation(), "OFF_SITE", LocalDate.parse("2026-05-31"),
                        LocalDate.parse("2026-03-01"), seed.partnerDepartment(), null));
    }

    @Test
    void offSiteBlockWithAMentorIsRefused() {
        var seed = seed();
        assertRefused("block_mentor_ck", tx -> tx.dao(CohortDao.class).blocks(),
                tx -> tx.dao(RawSql.class).insertBlock(seed.rotation(), "OFF_SITE", LocalDate.parse("2026-03-01"),
                        LocalDate.parse("2026-05-31"), seed.partnerDepartment(), seed.mentor()));
    }

    @Test
    void mentorAccountWithoutMentorIsRefused() {
        assertRefused("app_user_mentor_ck", tx -> tx.dao(UserDao.class).list(),
                tx -> tx.dao(UserDao.class).insert("tenzin", "Tenzin", "x", Role.MENTOR, null,
                        Instant.parse("2026-03-01T08:00:00Z")));
    }

    @Test
    void rotationHostedByAHomeDepartmentIsRefused() {
        var seed = seed();
        var secondCohort = store.inTransaction(tx -> tx.dao(CohortDao.class).insert(
                new Cohort(0, "2026 autumn", 3, 3, 0, StartRule.MONTH_START)));
        assertRefused("rotation_host_fk", tx -> tx.dao(CohortDao.class).rotations(),
                tx -> tx.dao(CohortDao.class).insertRotation(
                        new Rotation(0, secondCohort, seed.trainee(), seed.homeDepartment(), null, null, false)));
    }

    // Names in any script

    @Test
    void tibetanNameReadsBackUnchanged() {
        var seed = seed();
        assertThat(TIBETAN_NAME.codePoints()).allMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.TIBETAN);
        var id = store.inTransaction(tx -> tx.dao(TraineeDao.class).insert(
                trainee(seed.home(), seed.homeDepartment(), "0101", TIBETAN_NAME)));
        assertThat(read(tx -> tx.dao(TraineeDao.class).list())).filteredOn(t -> t.id() == id)
                .singleElement().extracting(Trainee::name).isEqualTo(TIBETAN_NAME);
    }

    @Test
    void rareChineseNameOutsideTheBasicPlaneReadsBackUnchanged() {
        var seed = seed();
        assertThat(RARE_CJK_NAME.codePoints().toArray()).containsExactly(0x738B, 0x4DAE, 0x2020C);
        var id = store.inTransaction(tx -> tx.dao(TraineeDao.class).insert(
                trainee(seed.home(), seed.homeDepartment(), "0102", RARE_CJK_NAME)));
        assertThat(read(tx -> tx.dao(TraineeDao.class).list())).filteredOn(t -> t.id() == id)
                .singleElement().extracting(Trainee::name).isEqualTo(RARE_CJK_NAME);
    }

    // Every DAO gives back what it was given

    @Test
    void hospitalRoundTrips() {
        var id = store.inTransaction(tx -> tx.dao(HospitalDao.class).insert("Nyingchi People's Hospital",
                HospitalKind.PARTNER));
        assertThat(read(tx -> tx.dao(HospitalDao.class).list()))
                .containsExactly(new Hospital(id, "Nyingchi People's Hospital", HospitalKind.PARTNER));
    }

    @Test
    void partnershipRoundTrips() {
        var seed = seed();
        assertThat(read(tx -> tx.dao(HospitalDao.class).partnerships()))
                .singleElement().usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(new Partnership(0, seed.home(), seed.partner()));
    }

    @Test
    void homeAndPartnerDepartmentsRoundTrip() {
        var seed = seed();
        assertThat(read(tx -> tx.dao(DepartmentDao.class).list())).containsExactly(
                Department.home(seed.homeDepartment(), seed.home(), "Anaesthesia", 6, 4),
                Department.partner(seed.partnerDepartment(), seed.partner(), "Anaesthesiology", 3));
    }

    @Test
    void traineeRoundTrips() {
        var seed = seed();
        var trainee = new Trainee(0, seed.home(), seed.homeDepartment(), "00317", "Pema Yangzom", Profession.NURSE,
                "Nurse-in-charge", "+86 891 555 0101", LocalDate.parse("2026-09-01"), "prefers autumn");
        var id = store.inTransaction(tx -> tx.dao(TraineeDao.class).insert(trainee));
        assertThat(read(tx -> tx.dao(TraineeDao.class).list())).filteredOn(t -> t.id() == id).containsExactly(
                new Trainee(id, seed.home(), seed.homeDepartment(), "00317", "Pema Yangzom", Profession.NURSE,
                        "Nurse-in-charge", "+86 891 555 0101", LocalDate.parse("2026-09-01"), "prefers autumn"));
    }

    @Test
    void traineeLeaveRoundTrips() {
        var seed = seed();
        var id = store.inTransaction(tx -> tx.dao(TraineeDao.class).insertLeave(new Leave(0, seed.trainee(),
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-14"), "maternity check-up")));
        assertThat(read(tx -> tx.dao(TraineeDao.class).leave())).containsExactly(new Leave(id, seed.trainee(),
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-14"), "maternity check-up"));
    }

    @Test
    void mentorRoundTrips() {
        var seed = seed();
        assertThat(read(tx -> tx.dao(MentorDao.class).list()))
                .containsExactly(new Mentor(seed.mentor(), seed.partner(), seed.homeDepartment(), "M-001", "Wang Li", 2));
    }

    @Test
    void mentorDeploymentsRoundTrip() {
        var seed = seed();
        var ids = store.inTransaction(tx -> {
            var mentors = tx.dao(MentorDao.class);
            return List.of(
                    mentors.insertDeployment(new Deployment(0, seed.mentor(), LocalDate.parse("2026-09-01"),
                            LocalDate.parse("2026-12-31"))),
                    mentors.insertDeployment(new Deployment(0, seed.mentor(), LocalDate.parse("2026-03-01"),
                            LocalDate.parse("2026-08-31"))));
        });
        assertThat(read(tx -> tx.dao(MentorDao.class).deployments())).containsExactly(
                new Deployment(ids.get(1), seed.mentor(), LocalDate.parse("2026-03-01"), LocalDate.parse("2026-08-31")),
                new Deployment(ids.get(0), seed.mentor(), LocalDate.parse("2026-09-01"), LocalDate.parse("2026-12-31")));
    }

    @Test
    void cohortRoundTrips() {
        var id = store.inTransaction(tx -> tx.dao(CohortDao.class).insert(
                new Cohort(0, "2027 spring", 6, 2, 7, StartRule.ANY_DAY)));
        assertThat(read(tx -> tx.dao(CohortDao.class).list()))
                .containsExactly(new Cohort(id, "2027 spring", 6, 2, 7, StartRule.ANY_DAY));
    }

    @Test
    void rotationWithWindowRoundTrips() {
        var seed = seed();
        var ids = store.inTransaction(tx -> {
            var cohorts = tx.dao(CohortDao.class);
            var cohort = cohorts.insert(new Cohort(0, "2026 autumn", 3, 3, 0, StartRule.MONTH_START));
            var rotation = cohorts.insertRotation(new Rotation(0, cohort, seed.trainee(), seed.partnerDepartment(),
                    LocalDate.parse("2026-09-01"), LocalDate.parse("2027-06-30"), true));
            return List.of(cohort, rotation);
        });
        assertThat(read(tx -> tx.dao(CohortDao.class).rotations())).filteredOn(r -> r.id() == ids.get(1))
                .containsExactly(new Rotation(ids.get(1), ids.get(0), seed.trainee(), seed.partnerDepartment(),
                        LocalDate.parse("2026-09-01"), LocalDate.parse("2027-06-30"), true));
    }

    @Test
    void seededRotationRoundTrips() {
        var seed = seed();
        assertThat(read(tx -> tx.dao(CohortDao.class).rotations())).containsExactly(
                new Rotation(seed.rotation(), seed.cohort(), seed.trainee(), seed.partnerDepartment(), null, null, false));
    }

    @Test
    void blocksOfBothKindsRoundTrip() {
        var seed = seed();
        var onSite = new Block(0, seed.rotation(), BlockKind.ON_SITE, LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-08-31"), seed.homeDepartment(), seed.mentor());
        var offSite = new Block(0, seed.rotation(), BlockKind.OFF_SITE, LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-05-31"), seed.partnerDepartment(), null);
        var ids = store.inTransaction(tx -> List.of(tx.dao(CohortDao.class).insertBlock(onSite),
                tx.dao(CohortDao.class).insertBlock(offSite)));
        assertThat(read(tx -> tx.dao(CohortDao.class).blocks())).containsExactly(
                new Block(ids.get(1), seed.rotation(), BlockKind.OFF_SITE, LocalDate.parse("2026-03-01"),
                        LocalDate.parse("2026-05-31"), seed.partnerDepartment(), null),
                new Block(ids.get(0), seed.rotation(), BlockKind.ON_SITE, LocalDate.parse("2026-06-01"),
                        LocalDate.parse("2026-08-31"), seed.homeDepartment(), seed.mentor()));
    }

    @Test
    void competencyRoundTrips() {
        var seed = seed();
        var id = store.inTransaction(tx -> tx.dao(CompetencyDao.class).insert(new Competency(0, seed.homeDepartment(),
                "气管插管", "Tracheal intubation", "Airway", 10, SignOffLevel.SUPERVISED, 3)));
        assertThat(read(tx -> tx.dao(CompetencyDao.class).list())).containsExactly(new Competency(id,
                seed.homeDepartment(), "气管插管", "Tracheal intubation", "Airway", 10, SignOffLevel.SUPERVISED, 3));
    }

    @Test
    void signOffsRoundTripWithTheirAmendment() {
        var seed = seed();
        var chain = signTwice(seed, Instant.parse("2026-06-15T09:30:00.123456Z"));
        assertThat(read(tx -> tx.dao(SignOffDao.class).list())).containsExactlyElementsOf(chain);
    }

    @Test
    void signOffHeadIsTheNewestEntry() {
        var chain = signTwice(seed(), Instant.parse("2026-06-15T09:30:00Z"));
        Optional<SignOff> head = store.inTransaction(tx -> tx.dao(SignOffDao.class).head());
        assertThat(head).contains(chain.get(1));
    }

    @Test
    void emptySignOffLogHasNoHead() {
        Optional<SignOff> head = store.inTransaction(tx -> tx.dao(SignOffDao.class).head());
        assertThat(head).isEmpty();
    }

    @Test
    void signOffReadBackStillMatchesItsHash() {
        // the clock gives nanoseconds; the column keeps microseconds
        var stored = signTwice(seed(), Instant.parse("2026-06-15T09:30:00.123999999Z"));
        var readBack = read(tx -> tx.dao(SignOffDao.class).list());
        assertThat(SignOffChain.hash(SignOffChain.GENESIS, readBack.get(0))).isEqualTo(stored.get(0).hash());
    }

    @Test
    void blackoutRoundTrips() {
        var id = store.inTransaction(tx -> tx.dao(BlackoutDao.class).insert(new Blackout(0,
                LocalDate.parse("2027-02-06"), LocalDate.parse("2027-02-20"), "Losar 藏历新年")));
        assertThat(read(tx -> tx.dao(BlackoutDao.class).list())).containsExactly(new Blackout(id,
                LocalDate.parse("2027-02-06"), LocalDate.parse("2027-02-20"), "Losar 藏历新年"));
    }

    @Test
    void auditEntryRoundTrips() {
        var at = Instant.parse("2026-03-01T08:15:30.250001Z");
        store.inTransaction(tx -> {
            tx.dao(AuditDao.class).record(at, "admin", "ACCOUNT_CREATED", "username=dolma role=HR");
            return null;
        });
        assertThat(read(tx -> tx.dao(AuditDao.class).list())).singleElement()
                .usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(new AuditEntry(0, at, "admin", "ACCOUNT_CREATED", "username=dolma role=HR"));
    }

    @Test
    void instantsInTheHourTheClocksGoBackReadBackUnchanged() {
        var saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        // H2 caches the JVM's zone; make it look again
        DateTimeUtils.resetCalendar();
        try (var berlin = Store.create(DatabaseFile.of(dir.resolve("berlin")))) {
            var summerTime = Instant.parse("2026-10-25T00:30:00Z");
            var winterTime = Instant.parse("2026-10-25T01:30:00Z");
            berlin.inTransaction(tx -> {
                tx.dao(AuditDao.class).record(summerTime, "admin", "LOGIN", null);
                tx.dao(AuditDao.class).record(winterTime, "admin", "LOGIN", null);
                return null;
            });
            List<AuditEntry> entries = berlin.inTransaction(tx -> tx.dao(AuditDao.class).list());
            assertThat(entries).extracting(AuditEntry::happenedAt).containsExactly(summerTime, winterTime);
        } finally {
            TimeZone.setDefault(saved);
            DateTimeUtils.resetCalendar();
        }
    }

    @Test
    void userRoundTrips() {
        var seed = seed();
        var id = store.inTransaction(tx -> tx.dao(UserDao.class).insert("tenzin", "Tenzin Norbu", "hash", Role.MENTOR,
                seed.mentor(), Instant.parse("2026-03-01T08:00:00Z")));
        Optional<User> user = store.inTransaction(tx -> tx.dao(UserDao.class).findByUsername("tenzin"));
        assertThat(user).contains(new User(id, "tenzin", "Tenzin Norbu", Role.MENTOR, seed.mentor(), true));
    }

    @Test
    void userPasswordHashRoundTrips() {
        store.inTransaction(tx -> tx.dao(UserDao.class).insert("dolma", "Dolma", "pbkdf2-sha256$1000$c2FsdA$aGFzaA",
                Role.HR, null, Instant.parse("2026-03-01T08:00:00Z")));
        Optional<String> hash = store.inTransaction(tx -> tx.dao(UserDao.class).passwordHash("dolma"));
        assertThat(hash).contains("pbkdf2-sha256$1000$c2FsdA$aGFzaA");
    }

    /** A sign-off and an amendment of it, chained and stored; returned as stored, with their ids. */
    private List<SignOff> signTwice(Seed seed, Instant signedAt) {
        return store.inTransaction(tx -> {
            var competency = tx.dao(CompetencyDao.class).insert(new Competency(0, seed.homeDepartment(), "气管插管",
                    "Tracheal intubation", "Airway", 10, SignOffLevel.SUPERVISED, 1));
            var signOffs = tx.dao(SignOffDao.class);
            var draft = new SignOff(0, seed.trainee(), competency, LocalDate.parse("2026-06-15"),
                    SignOffLevel.SUPERVISED, 2, "CASE-17", "steady hands", seed.mentor(), signedAt, null, null,
                    null, null);
            var firstHash = SignOffChain.hash(SignOffChain.GENESIS, draft);
            var first = new SignOff(0, seed.trainee(), competency, LocalDate.parse("2026-06-15"),
                    SignOffLevel.SUPERVISED, 2, "CASE-17", "steady hands", seed.mentor(), signedAt, null, null,
                    SignOffChain.GENESIS, firstHash);
            var firstId = 1L;
            signOffs.insert(withId(first, firstId));
            var amendDraft = new SignOff(0, seed.trainee(), competency, LocalDate.parse("2026-06-15"),
                    SignOffLevel.SUPERVISED, 3, null, null, seed.mentor(), signedAt.plusSeconds(60), firstId,
                    "count was 3", null, null);
            var secondHash = SignOffChain.hash(firstHash, amendDraft);
            var second = new SignOff(0, seed.trainee(), competency, LocalDate.parse("2026-06-15"),
                    SignOffLevel.SUPERVISED, 3, null, null, seed.mentor(), signedAt.plusSeconds(60), firstId,
                    "count was 3", firstHash, secondHash);
            var secondId = 2L;
            signOffs.insert(withId(second, secondId));
            return List.of(withId(first, firstId), withId(second, secondId));
        });
    }

    private static SignOff withId(SignOff s, long id) {
        return new SignOff(id, s.traineeId(), s.competencyId(), s.performedOn(), s.level(), s.count(),
                s.caseReference(), s.comment(), s.mentorId(), s.signedAt(), s.amendsId(), s.amendReason(),
                s.previousHash(), s.hash());
    }
}
