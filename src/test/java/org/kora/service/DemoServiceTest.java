package org.kora.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.kora.domain.ProgramCalendar;
import org.kora.domain.Role;
import org.kora.domain.Rotation;
import org.kora.domain.SignOff;
import org.kora.domain.SignOffChain;
import org.kora.domain.Trainee;
import org.kora.domain.TraineeProgress;
import org.kora.domain.User;
import org.kora.store.BlackoutDao;
import org.kora.store.CohortDao;
import org.kora.store.CompetencyDao;
import org.kora.store.DatabaseFile;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.MentorDao;
import org.kora.store.SignOffDao;
import org.kora.store.Store;
import org.kora.store.TraineeDao;
import org.kora.store.UserDao;

class DemoServiceTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate LATER = LocalDate.of(2029, 5, 10);

    private final PasswordHasher hasher = new PasswordHasher(1000);

    @TempDir
    Path dir;

    /** Everything the demo wrote, read back through the DAOs. */
    record Demo(LocalDate today, List<Hospital> hospitals, List<Partnership> partnerships,
                List<Department> departments, List<Trainee> trainees, List<Leave> leave, List<Mentor> mentors,
                List<Deployment> deployments, List<Blackout> blackouts, List<Cohort> cohorts,
                List<Rotation> rotations, List<Block> blocks, List<Competency> competencies,
                List<SignOff> signOffs, List<User> users) {
        List<Department> departments(HospitalKind kind) {
            return departments.stream().filter(department -> department.kind() == kind).toList();
        }

        List<Block> blocks(BlockKind kind) {
            return blocks.stream().filter(block -> block.kind() == kind).toList();
        }

        /** The same demo with other blocks, blackouts, deployments or leave, to show the checker a broken rule. */
        Demo with(List<Block> blocks, List<Blackout> blackouts, List<Deployment> deployments, List<Leave> leave) {
            return new Demo(today, hospitals, partnerships, departments, trainees, leave, mentors, deployments,
                    blackouts, cohorts, rotations, blocks, competencies, signOffs, users);
        }

        Mentor mentorAccountsMentor() {
            var account = users.stream().filter(user -> user.username().equals("mentor")).findFirst().orElseThrow();
            return mentors.stream().filter(mentor -> mentor.id() == account.mentorId()).findFirst().orElseThrow();
        }
    }

    @Test
    void demoHasTwoPairingsOfHomeAndPartnerHospitals() {
        var demo = demo(TODAY);

        assertThat(demo.hospitals()).extracting(Hospital::name)
                .contains("巴塘县人民医院", "成都市双流区第一人民医院", "理塘县人民医院", "成都市温江区人民医院");
        assertThat(demo.hospitals()).filteredOn(hospital -> hospital.kind() == HospitalKind.HOME).hasSize(2);
        assertThat(demo.partnerships()).hasSize(2);
    }

    @Test
    void batangAndShuangliuShareTheNineDepartments() {
        var demo = demo(TODAY);
        var batang = hospital(demo, "巴塘县人民医院");
        var shuangliu = hospital(demo, "成都市双流区第一人民医院");
        var nine = List.of("麻醉科", "眼科", "急诊科", "血液透析室", "口腔科", "产科", "内科", "普外科", "健康体检中心");

        assertThat(demo.departments()).filteredOn(d -> d.hospitalId() == batang.id()).extracting(Department::name)
                .containsExactlyInAnyOrderElementsOf(nine);
        assertThat(demo.departments()).filteredOn(d -> d.hospitalId() == shuangliu.id()).extracting(Department::name)
                .containsExactlyInAnyOrderElementsOf(nine);
    }

    @Test
    void homeDepartmentsAreSmallAndCanSpareOneToThree() {
        var demo = demo(TODAY);

        assertThat(demo.departments(HospitalKind.HOME)).allSatisfy(department -> {
            assertThat(department.headcount()).isBetween(4, 14);
            assertThat(department.awayAllowance()).isBetween(1, 3);
        });
        assertThat(demo.departments(HospitalKind.PARTNER)).extracting(Department::capacity).allSatisfy(
                capacity -> assertThat(capacity).isBetween(1, 4));
    }

    @Test
    void aboutFortyTraineesHaveStaffNumbersWithLeadingZeros() {
        var demo = demo(TODAY);

        assertThat(demo.trainees()).hasSizeBetween(35, 50);
        assertThat(demo.trainees()).extracting(Trainee::staffNo).allMatch(number -> number.matches("0\\d{3}"));
        assertThat(demo.trainees()).extracting(Trainee::profession)
                .contains(Profession.DOCTOR, Profession.NURSE, Profession.TECHNICIAN);
        assertThat(demo.trainees()).extracting(Trainee::phone).doesNotContainNull();
    }

    @Test
    void someTraineesAreNamedInTibetanScript() {
        var demo = demo(TODAY);

        assertThat(demo.trainees()).extracting(Trainee::name)
                .filteredOn(name -> name.matches("[\\p{InTibetan}]+"))
                .hasSizeGreaterThanOrEqualTo(3)
                .contains("བཀྲ་ཤིས་ཚེ་རིང", "བདེ་སྐྱིད་སྒྲོལ་མ", "སྐལ་བཟང་ཆོས་སྒྲོན");
    }

    @Test
    void mentorsServeOneHomeDepartmentEachWithRoomForOneToThree() {
        var demo = demo(TODAY);
        var homeDepartments = demo.departments(HospitalKind.HOME).stream().map(Department::id).toList();

        assertThat(demo.mentors()).hasSizeBetween(8, 14).allSatisfy(mentor -> {
            assertThat(mentor.capacity()).isBetween(1, 3);
            assertThat(homeDepartments).contains(mentor.departmentId());
        });
    }

    @Test
    void mentorsAreDeployedSixToTwelveMonthsAtATime() {
        var demo = demo(TODAY);

        assertThat(demo.deployments()).isNotEmpty().allSatisfy(deployment -> {
            var dayAfter = deployment.to().plusDays(1);
            assertThat(dayAfter).isAfterOrEqualTo(deployment.from().plusMonths(6))
                    .isBeforeOrEqualTo(deployment.from().plusMonths(12));
        });
        assertThat(demo.mentors()).allSatisfy(mentor ->
                assertThat(demo.deployments()).anyMatch(deployment -> deployment.mentorId() == mentor.id()));
    }

    @Test
    void someMentorGoesHomeBetweenDeployments() {
        var demo = demo(TODAY);
        var byMentor = demo.deployments().stream().collect(Collectors.groupingBy(Deployment::mentorId));

        assertThat(byMentor.values()).anyMatch(stays -> {
            for (var i = 1; i < stays.size(); i++) {
                if (stays.get(i).from().isAfter(stays.get(i - 1).to().plusDays(1))) {
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    void blackoutsHoldSpringFestivalAndLosarOfEveryYearOfTheDemo() {
        var demo = demo(TODAY);

        for (var year = 2022; year <= 2027; year++) {
            assertThat(demo.blackouts()).extracting(Blackout::label).contains("春节 " + year, "藏历新年 " + year);
        }
    }

    @Test
    void fewTraineesTakeLeave() {
        var demo = demo(TODAY);

        assertThat(demo.leave()).hasSizeBetween(2, 8).allSatisfy(leave -> assertThat(leave.reason()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23", "2029-05-10"})
    void cohortsRunAboutTwiceAYearFromFourYearsAgoToNextYear(LocalDate today) {
        var demo = demo(today);
        var years = demo.cohorts().stream().map(cohort -> Integer.parseInt(cohort.name().substring(0, 4))).toList();

        assertThat(demo.cohorts()).hasSizeBetween(10, 15)
                .extracting(Cohort::name).allMatch(name -> name.matches("\\d{4}年第\\d批"));
        assertThat(years).contains(today.getYear() - 4, today.getYear() + 1)
                .allSatisfy(year -> assertThat(year).isBetween(today.getYear() - 4, today.getYear() + 1));
    }

    @Test
    void everyCohortHasThreeToEightRotations() {
        var demo = demo(TODAY);
        var sizes = demo.rotations().stream().collect(Collectors.groupingBy(Rotation::cohortId, Collectors.counting()));

        assertThat(demo.cohorts()).allSatisfy(cohort -> assertThat(sizes.get(cohort.id())).isBetween(3L, 8L));
    }

    @Test
    void oneCohortWaitsAWeekBetweenItsBlocks() {
        var demo = demo(TODAY);

        assertThat(demo.cohorts()).extracting(Cohort::travelDays).contains(0, 7);
    }

    @Test
    void everyHomeDepartmentHasACurriculumOfFourToSevenItems() {
        var demo = demo(TODAY);
        var byDepartment = demo.competencies().stream()
                .collect(Collectors.groupingBy(Competency::departmentId, Collectors.counting()));

        assertThat(demo.departments(HospitalKind.HOME)).allSatisfy(department ->
                assertThat(byDepartment.get(department.id())).isBetween(4L, 7L));
        assertThat(demo.competencies()).allSatisfy(item -> {
            assertThat(item.requiredCount()).isBetween(1, 20);
            assertThat(item.category()).isNotBlank();
        });
    }

    @Test
    void demoAccountsSignInWithPasswordDemo() {
        var clock = clockOn(TODAY);
        try (var store = Store.create(DatabaseFile.of(dir.resolve("kora")))) {
            new DemoService(store, hasher, clock).populate();
            var auth = new AuthService(store, hasher, clock);

            assertThat(Stream.of("admin", "hr", "manager", "mentor")
                    .map(name -> auth.signIn(name, "demo".toCharArray()).user().role()))
                    .containsExactly(Role.ADMIN, Role.HR, Role.MANAGER, Role.MENTOR);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23", "2029-05-10"})
    void mentorAccountHasAMenteeOnSiteToday(LocalDate today) {
        var demo = demo(today);
        var mentor = demo.mentorAccountsMentor();

        assertThat(demo.users()).filteredOn(user -> user.role() == Role.MENTOR).extracting(User::displayName)
                .containsExactly(mentor.name());
        assertThat(demo.blocks(BlockKind.ON_SITE))
                .anyMatch(block -> block.mentorId() == mentor.id() && block.range().contains(today));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23", "2029-05-10"})
    void someCohortIsOffSiteToday(LocalDate today) {
        var demo = demo(today);

        assertThat(demo.blocks(BlockKind.OFF_SITE)).anyMatch(block -> block.range().contains(today));
    }

    @Test
    void startedCohortsAreConfirmedWithBothBlocks() {
        var demo = demo(TODAY);
        var blocksPerRotation = demo.blocks().stream()
                .collect(Collectors.groupingBy(Block::rotationId, Collectors.counting()));

        assertThat(demo.rotations()).filteredOn(rotation -> !rotation.earliestStart().isAfter(TODAY))
                .isNotEmpty()
                .allSatisfy(rotation -> {
                    assertThat(rotation.confirmed()).isTrue();
                    assertThat(blocksPerRotation.get(rotation.id())).isEqualTo(2L);
                });
    }

    @Test
    void someRotationsAfterTodayArePlannedButNotConfirmed() {
        var demo = demo(TODAY);
        var planned = demo.blocks().stream().map(Block::rotationId).collect(Collectors.toSet());

        assertThat(demo.rotations()).filteredOn(rotation -> rotation.earliestStart().isAfter(TODAY))
                .anyMatch(rotation -> planned.contains(rotation.id()))
                .noneMatch(Rotation::confirmed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23", "2029-05-10"})
    void someRotationsAwaitThePlannerWithNoBlocks(LocalDate today) {
        var demo = demo(today);
        var planned = demo.blocks().stream().map(Block::rotationId).collect(Collectors.toSet());

        assertThat(demo.rotations()).filteredOn(rotation -> !planned.contains(rotation.id()))
                .isNotEmpty()
                .allSatisfy(rotation -> assertThat(rotation.earliestStart()).isAfter(today));
    }

    @Test
    void populateRefusesADatabaseThatHasAnAccount() {
        var clock = clockOn(TODAY);
        try (var store = Store.create(DatabaseFile.of(dir.resolve("kora")))) {
            new AuthService(store, hasher, clock).createFirstAdministrator("root", "信息科", "long enough".toCharArray());
            var demo = new DemoService(store, hasher, clock);

            assertThatThrownBy(demo::populate).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("demo.notEmpty");
            List<Hospital> hospitals = store.inTransaction(tx -> tx.dao(HospitalDao.class).list());
            assertThat(hospitals).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("days")
    void demoBreaksNoPlanningRule(LocalDate today) {
        assertThat(brokenRules(demo(today))).isEmpty();
    }

    /** The two dates of the other tests, and dates near every month's turn and the holidays of a year. */
    static Stream<LocalDate> days() {
        var days = Stream.<LocalDate>builder().add(TODAY).add(LATER);
        for (var month = 1; month <= 12; month++) {
            days.add(LocalDate.of(2027, month, 1)).add(LocalDate.of(2028, month, 16));
        }
        return days.add(LocalDate.of(2030, 12, 31)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23", "2029-05-10"})
    void everyBlockHasTheDatesOfProgramCalendar(LocalDate today) {
        var demo = demo(today);
        var rotations = byId(demo.rotations(), Rotation::id);
        var cohorts = byId(demo.cohorts(), Cohort::id);
        var offSiteStarts = demo.blocks(BlockKind.OFF_SITE).stream()
                .collect(Collectors.toMap(Block::rotationId, Block::from));

        assertThat(demo.blocks()).isNotEmpty().allSatisfy(block -> {
            var template = cohorts.get(rotations.get(block.rotationId()).cohortId()).template();
            var dates = ProgramCalendar.rotation(offSiteStarts.get(block.rotationId()), template);
            assertThat(ProgramCalendar.allowsStart(dates.offSite().from(), template)).isTrue();
            assertThat(block.range()).isEqualTo(block.kind() == BlockKind.OFF_SITE ? dates.offSite() : dates.onSite());
        });
    }

    @Test
    void everySignOffHashVerifiesAlongTheChain() {
        var demo = demo(TODAY);
        var previous = SignOffChain.GENESIS;

        assertThat(demo.signOffs()).hasSizeBetween(100, 3_000);
        for (var entry : demo.signOffs()) {
            assertThat(entry.previousHash()).isEqualTo(previous);
            assertThat(entry.hash()).isEqualTo(SignOffChain.hash(previous, entry));
            previous = entry.hash();
        }
    }

    @Test
    void signOffsAreSignedInOrderByTheOnSiteMentorDuringTheBlock() {
        var demo = demo(TODAY);
        var now = clockOn(TODAY).instant();
        var rotations = demo.rotations();

        assertThat(demo.signOffs()).allSatisfy(entry -> {
            var blocks = demo.blocks(BlockKind.ON_SITE).stream().filter(block -> rotations.stream().anyMatch(
                    rotation -> rotation.id() == block.rotationId() && rotation.traineeId() == entry.traineeId()));
            assertThat(blocks).anyMatch(block -> block.mentorId() == entry.mentorId()
                    && block.range().contains(entry.performedOn()));
            assertThat(entry.signedAt()).isBefore(now);
            assertThat(entry.count()).isBetween(1, 3);
        });
        assertThat(demo.signOffs()).isSortedAccordingTo((a, b) -> a.signedAt().compareTo(b.signedAt()));
        assertThat(demo.signOffs()).anyMatch(entry -> entry.caseReference() != null)
                .allMatch(entry -> entry.caseReference() == null
                        || entry.caseReference().matches("\\S+号 \\d{4}-\\d{4}"));
    }

    @Test
    void someSignOffsBelongToTheCohortOnSiteToday() {
        var demo = demo(TODAY);
        var current = demo.blocks(BlockKind.ON_SITE).stream().filter(block -> block.range().contains(TODAY))
                .map(Block::from).findFirst().orElseThrow();

        assertThat(demo.signOffs()).anyMatch(entry -> !entry.performedOn().isBefore(current));
    }

    @Test
    void oneSignOffAmendsAnEarlierOneWithAReason() {
        var demo = demo(TODAY);
        var amendments = demo.signOffs().stream().filter(entry -> entry.amendsId() != null).toList();

        assertThat(amendments).singleElement().satisfies(amendment -> {
            assertThat(amendment.amendReason()).isNotBlank();
            assertThat(amendment.amendsId()).isLessThan(amendment.id());
            var original = demo.signOffs().stream().filter(entry -> entry.id() == amendment.amendsId()).findFirst()
                    .orElseThrow();
            assertThat(original.traineeId()).isEqualTo(amendment.traineeId());
            assertThat(original.competencyId()).isEqualTo(amendment.competencyId());
            assertThat(original.level()).isNotEqualTo(amendment.level());
        });
    }

    @Test
    void someTraineesHaveCompletedTheirCurriculumSoThatCertificatesCanBePrinted() {
        var demo = demo(TODAY);
        var curricula = demo.competencies().stream().collect(Collectors.groupingBy(Competency::departmentId));
        var signOffs = demo.signOffs().stream().collect(Collectors.groupingBy(SignOff::traineeId));

        var complete = demo.trainees().stream().filter(trainee -> TraineeProgress.of(
                curricula.getOrDefault(trainee.departmentId(), List.of()),
                signOffs.getOrDefault(trainee.id(), List.of())).complete()).count();

        assertThat(complete).isBetween(3L, demo.trainees().size() - 3L);
    }

    @Test
    void theSameDayGivesTheSameDemo() {
        var first = demo(TODAY);
        var second = demo(TODAY);

        assertThat(second.trainees()).isEqualTo(first.trainees());
        assertThat(second.blocks()).isEqualTo(first.blocks());
        assertThat(second.deployments()).isEqualTo(first.deployments());
        assertThat(second.signOffs()).isEqualTo(first.signOffs());
    }

    @Test
    void checkerSeesAnOverfilledHostDepartment() {
        var demo = demo(TODAY);
        var offSite = demo.blocks(BlockKind.OFF_SITE).get(0);
        var blocks = new ArrayList<>(demo.blocks());
        for (var i = 0; i < 4; i++) {
            blocks.add(new Block(-1 - i, offSite.rotationId(), BlockKind.OFF_SITE, offSite.from(), offSite.to(),
                    offSite.departmentId(), null));
        }
        var crowded = demo.with(blocks, demo.blackouts(), demo.deployments(), demo.leave());

        assertThat(brokenRules(crowded)).anyMatch(line -> line.startsWith("host capacity"))
                .anyMatch(line -> line.startsWith("home coverage"));
    }

    @Test
    void checkerSeesABlockStartingInABlackout() {
        var demo = demo(TODAY);
        var start = demo.blocks().get(0).from();
        var blackouts = List.of(new Blackout(-1, start.minusDays(1), start.plusDays(1), "测试"));

        assertThat(brokenRules(demo.with(demo.blocks(), blackouts, demo.deployments(), demo.leave())))
                .anyMatch(line -> line.startsWith("blackout"));
    }

    @Test
    void checkerSeesAMentorWhoIsNotDeployed() {
        var demo = demo(TODAY);

        assertThat(brokenRules(demo.with(demo.blocks(), demo.blackouts(), List.of(), demo.leave())))
                .anyMatch(line -> line.startsWith("mentor match"));
    }

    @Test
    void checkerSeesLeaveDuringABlock() {
        var demo = demo(TODAY);
        var block = demo.blocks().get(0);
        var traineeId = demo.rotations().stream().filter(rotation -> rotation.id() == block.rotationId())
                .findFirst().orElseThrow().traineeId();
        var leave = List.of(new Leave(-1, traineeId, block.to(), block.to().plusDays(3), "病假"));

        assertThat(brokenRules(demo.with(demo.blocks(), demo.blackouts(), demo.deployments(), leave)))
                .anyMatch(line -> line.startsWith("availability"));
    }

    @Test
    void everyDayOfTwentyYearsHasCohortsOnSiteOffSiteAndAheadOutsideBlackouts() {
        var failures = new ArrayList<String>();
        for (var day = LocalDate.of(2025, 1, 1); day.getYear() < 2045; day = day.plusDays(1)) {
            var calendar = new DemoCalendar(day);
            var slots = calendar.cohorts();
            var today = day;
            if (slots.stream().noneMatch(slot -> slot.dates().onSite().contains(today))
                    || slots.stream().noneMatch(slot -> slot.dates().offSite().contains(today))) {
                failures.add(day + ": no cohort on site or none off site");
            }
            if (slots.stream().noneMatch(slot -> slot.stage() == DemoCalendar.Stage.PLANNED)
                    || slots.stream().noneMatch(slot -> slot.stage() == DemoCalendar.Stage.WAITING)) {
                failures.add(day + ": no planned or no waiting cohort");
            }
            for (var i = 0; i < slots.size(); i++) {
                var slot = slots.get(i);
                var dates = slot.dates();
                var year = slot.start().day().getYear();
                if (year < day.getYear() - 4 || year > day.getYear() + 1) {
                    failures.add(day + ": " + slot.name() + " is outside the demo's years");
                }
                if (i > 0 && !slots.get(i - 1).start().precedes(slot.start())) {
                    failures.add(day + ": " + slot.name() + " overlaps the cohort before");
                }
                if (inBlackout(calendar.blackouts(), dates.offSite().from())
                        || inBlackout(calendar.blackouts(), dates.onSite().from())) {
                    failures.add(day + ": " + slot.name() + " starts a block in a blackout");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * The seven hard rules of PRODUCT.md, checked the plain way: every day of every block counted.
     * Returns one line per broken rule, so a failure names what broke.
     */
    static List<String> brokenRules(Demo demo) {
        var broken = new ArrayList<String>();
        var departments = byId(demo.departments(), Department::id);
        var trainees = byId(demo.trainees(), Trainee::id);
        var mentors = byId(demo.mentors(), Mentor::id);
        var rotations = byId(demo.rotations(), Rotation::id);
        var hosted = new HashMap<Day, Integer>();
        var away = new HashMap<Day, Integer>();
        var mentored = new HashMap<Day, Integer>();
        var traineeBusy = new HashMap<Day, Long>();
        for (var block : demo.blocks()) {
            var rotation = rotations.get(block.rotationId());
            var trainee = trainees.get(rotation.traineeId());
            var what = block.kind() + " block " + block.id() + " of trainee " + trainee.name() + " " + block.range();
            if (inBlackout(demo.blackouts(), block.from())) {
                broken.add("blackout: " + what + " starts in a blackout");
            }
            for (var leave : demo.leave()) {
                if (leave.traineeId() == trainee.id() && leave.range().overlaps(block.range())) {
                    broken.add("availability: " + what + " overlaps leave " + leave.range());
                }
            }
            if (block.kind() == BlockKind.OFF_SITE) {
                if (block.departmentId() != rotation.hostDepartmentId()) {
                    broken.add("shape: " + what + " is not at the rotation's host department");
                }
                if (trainee.earliestStart() != null && block.from().isBefore(trainee.earliestStart())
                        || rotation.earliestStart() != null && block.from().isBefore(rotation.earliestStart())) {
                    broken.add("window: " + what + " starts before the earliest start");
                }
            } else {
                if (block.departmentId() != trainee.departmentId()) {
                    broken.add("shape: " + what + " is not at the trainee's home department");
                }
                if (rotation.latestEnd() != null && block.to().isAfter(rotation.latestEnd())) {
                    broken.add("window: " + what + " ends after " + rotation.latestEnd());
                }
                var mentor = block.mentorId() == null ? null : mentors.get(block.mentorId());
                if (mentor == null || mentor.departmentId() != trainee.departmentId()) {
                    broken.add("mentor match: " + what + " has no mentor of the trainee's department");
                }
            }
            var undeployed = false;
            for (var day = block.from(); !day.isAfter(block.to()); day = day.plusDays(1)) {
                var other = traineeBusy.put(new Day(trainee.id(), day), rotation.id());
                if (other != null && other != rotation.id()) {
                    broken.add("availability: " + what + " overlaps rotation " + other + " on " + day);
                }
                if (block.kind() == BlockKind.OFF_SITE) {
                    hosted.merge(new Day(block.departmentId(), day), 1, Integer::sum);
                    away.merge(new Day(trainee.departmentId(), day), 1, Integer::sum);
                } else if (block.mentorId() != null) {
                    mentored.merge(new Day(block.mentorId(), day), 1, Integer::sum);
                    var date = day;
                    undeployed |= demo.deployments().stream().noneMatch(
                            d -> d.mentorId() == block.mentorId() && d.range().contains(date));
                }
            }
            if (undeployed) {
                broken.add("mentor match: " + what + " has days its mentor is not deployed");
            }
        }
        hosted.forEach((day, count) -> {
            if (count > departments.get(day.id()).capacity()) {
                broken.add("host capacity: " + count + " at department " + day.id() + " on " + day.date());
            }
        });
        away.forEach((day, count) -> {
            if (count > departments.get(day.id()).awayAllowance()) {
                broken.add("home coverage: " + count + " away from department " + day.id() + " on " + day.date());
            }
        });
        mentored.forEach((day, count) -> {
            if (count > mentors.get(day.id()).capacity()) {
                broken.add("mentor load: " + count + " mentees of mentor " + day.id() + " on " + day.date());
            }
        });
        return broken;
    }

    /** A department, mentor or trainee on one day. */
    record Day(long id, LocalDate date) {
    }

    private static boolean inBlackout(List<Blackout> blackouts, LocalDate day) {
        return blackouts.stream().anyMatch(blackout -> blackout.range().contains(day));
    }

    private Demo demo(LocalDate today) {
        var file = DatabaseFile.of(dir.resolve("kora-" + today + "-" + System.nanoTime()));
        try (var store = Store.create(file)) {
            new DemoService(store, hasher, clockOn(today)).populate();
            return store.inTransaction(tx -> {
                var hospitals = tx.dao(HospitalDao.class);
                var trainees = tx.dao(TraineeDao.class);
                var mentors = tx.dao(MentorDao.class);
                var cohorts = tx.dao(CohortDao.class);
                return new Demo(today, hospitals.list(), hospitals.partnerships(), tx.dao(DepartmentDao.class).list(),
                        trainees.list(), trainees.leave(), mentors.list(), mentors.deployments(),
                        tx.dao(BlackoutDao.class).list(), cohorts.list(), cohorts.rotations(), cohorts.blocks(),
                        tx.dao(CompetencyDao.class).list(), tx.dao(SignOffDao.class).list(),
                        tx.dao(UserDao.class).list());
            });
        }
    }

    private static Clock clockOn(LocalDate day) {
        return Clock.fixed(day.atTime(10, 30).atZone(BEIJING).toInstant(), BEIJING);
    }

    private static Hospital hospital(Demo demo, String name) {
        return demo.hospitals().stream().filter(hospital -> hospital.name().equals(name)).findFirst().orElseThrow();
    }

    private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
