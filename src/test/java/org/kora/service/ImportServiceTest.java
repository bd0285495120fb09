package org.kora.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Department;
import org.kora.domain.Deployment;
import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;
import org.kora.domain.Mentor;
import org.kora.domain.Messages;
import org.kora.domain.Profession;
import org.kora.domain.Role;
import org.kora.domain.Trainee;
import org.kora.io.ImportFiles;
import org.kora.store.AuditDao;
import org.kora.store.AuditEntry;
import org.kora.store.DatabaseFile;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.MentorDao;
import org.kora.store.Store;
import org.kora.store.TraineeDao;

class ImportServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final char[] PASSWORD = "yak-butter-tea".toCharArray();
    private static final String HOME = "隆子县人民医院";
    private static final String PARTNER = "北京友谊医院";
    private static final String TIBETAN = "བསྟན་འཛིན་རྒྱ་མཚོ";

    @TempDir
    Path dir;

    private Store store;
    private AuthService auth;
    private UserService users;
    private ImportService imports;
    private Session admin;
    private long anaesthesia;

    @BeforeEach
    void createStoreWithHospitalsAndDepartments() {
        store = Store.create(DatabaseFile.of(dir.resolve("kora")));
        var hasher = new PasswordHasher(1000);
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        auth = new AuthService(store, hasher, clock);
        users = new UserService(store, hasher, clock);
        imports = new ImportService(store, new ImportFiles(), clock);
        admin = auth.createFirstAdministrator("admin", "Administrator", PASSWORD);
        anaesthesia = store.inTransaction(tx -> {
            var hospitals = tx.dao(HospitalDao.class);
            var home = hospitals.insert(HOME, HospitalKind.HOME);
            var partner = hospitals.insert(PARTNER, HospitalKind.PARTNER);
            hospitals.insertPartnership(home, partner);
            var departments = tx.dao(DepartmentDao.class);
            departments.insert(Department.partner(0, partner, "麻醉科", 2));
            departments.insert(Department.home(0, home, "内科", 8, 5));
            return departments.insert(Department.home(0, home, "麻醉科", 6, 4));
        });
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Session signedInAs(Role role) {
        var name = role.name().toLowerCase(Locale.ROOT);
        Long mentor = null;
        if (role == Role.MENTOR) {
            mentor = store.inTransaction(tx -> {
                var partner = tx.dao(HospitalDao.class).list().stream().filter(h -> h.kind() == HospitalKind.PARTNER)
                        .findFirst().orElseThrow().id();
                return tx.dao(MentorDao.class).insert(new Mentor(0, partner, anaesthesia, "M-900", "Wang Li", 2));
            });
        }
        users.createAccount(admin, name, "A " + name, role, mentor, PASSWORD);
        return auth.signIn(name, PASSWORD);
    }

    private Path csv(String name, Charset charset, boolean bom, String... lines) throws IOException {
        var file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write((String.join("\r\n", lines) + "\r\n").getBytes(charset));
        }
        return file;
    }

    private Path utf8(String name, String... lines) throws IOException {
        return csv(name, StandardCharsets.UTF_8, false, lines);
    }

    private List<Trainee> trainees() {
        return store.inTransaction(tx -> tx.dao(TraineeDao.class).list());
    }

    private List<Mentor> mentors() {
        return store.inTransaction(tx -> tx.dao(MentorDao.class).list());
    }

    private List<Deployment> deployments() {
        return store.inTransaction(tx -> tx.dao(MentorDao.class).deployments());
    }

    private static String english(ImportIssue issue) {
        return Messages.english().format(issue.reason());
    }

    @Test
    void utf8FileWithChineseHeadersInAnyOrderKeepsRareAndTibetanNames() throws IOException {
        var file = utf8("trainees.csv",
                "姓名,科室,工号,医院,类别",
                "䶮,麻醉科,T001," + HOME + ",医师",
                "𠈌丽,麻醉科,T002," + HOME + ",护士",
                TIBETAN + ",内科,T003," + HOME + ",技师");
        var report = imports.apply(admin, ImportKind.TRAINEES, file, ImportProgress.NONE);
        assertThat(report.encoding()).isEqualTo("UTF-8");
        assertThat(report.applied()).isTrue();
        assertThat(report.newRows()).isEqualTo(3);
        assertThat(trainees()).extracting(Trainee::staffNo, Trainee::name, Trainee::profession).containsExactly(
                tuple("T001", "䶮", Profession.DOCTOR), tuple("T002", "𠈌丽", Profession.NURSE),
                tuple("T003", TIBETAN, Profession.TECHNICIAN));
    }

    @Test
    void utf8FileWithByteOrderMarkHasItsFirstHeaderRead() throws IOException {
        var file = csv("bom.csv", StandardCharsets.UTF_8, true,
                "工号,姓名,医院,科室",
                "T001,卓玛," + HOME + ",麻醉科");
        var report = imports.preview(admin, ImportKind.TRAINEES, file, ImportProgress.NONE);
        assertThat(report.encoding()).isEqualTo("UTF-8 BOM");
        assertThat(report.warnings()).isEmpty();
        assertThat(report.newRows()).isEqualTo(1);
    }

    @Test
    void gb18030FileIsDetectedAndKeepsRareCharacters() throws IOException {
        var file = csv("gbk.csv", Charset.forName("GB18030"), false,
                "工号,姓名,医院,科室,备注",
                "T001,䶮,"  + HOME + ",麻醉科,𠈌",
                "T002,次仁央宗," + HOME + ",内科,骨干");
        var report = imports.apply(admin, ImportKind.TRAINEES, file, ImportProgress.NONE);
        assertThat(report.encoding()).isEqualTo("GB18030");
        assertThat(trainees()).extracting(Trainee::name, Trainee::notes)
                .containsExactly(tuple("䶮", "𠈌"), tuple("次仁央宗", "骨干"));
    }

    @Test
    void englishHeadersMatchWhateverTheirCaseSpacesAndOrder() throws IOException {
        var file = utf8("english.csv",
                " Department , NAME,hospital,  staff_no,Phone,Earliest Start",
                "麻醉科,Dolma," + HOME + ",T001,+86 891-1234567,2026-03-01");
        var report = imports.apply(admin, ImportKind.TRAINEES, file, ImportProgress.NONE);
        assertThat(report.badRowCount()).isZero();
        assertThat(trainees()).singleElement().satisfies(trainee -> {
            assertThat(trainee.phone()).isEqualTo("+86 891-1234567");
            assertThat(trainee.earliestStart()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(trainee.profession()).isEqualTo(Profession.OTHER);
        });
    }

    @Test
    void everyDateFormReadsAsTheSameDay() throws IOException {
        var file = utf8("dates.csv",
                "staff_no,name,hospital,department,earliest_start",
                "T1,A," + HOME + ",麻醉科,2026-03-01",
                "T2,B," + HOME + ",麻醉科,2026/3/1",
                "T3,C," + HOME + ",麻醉科,2026.3.1",
                "T4,D," + HOME + ",麻醉科,2026年3月1日",
                "T5,E," + HOME + ",麻醉科,46082");
        imports.apply(admin, ImportKind.TRAINEES, file, ImportProgress.NONE);
        assertThat(trainees()).extracting(Trainee::earliestStart).containsOnly(LocalDate.of(2026, 3, 1)).hasSize(5);
    }

    @Test
    void staffNumbersKeepTheirLeadingZeros() throws IOException {
        var file = utf8("zeros.csv", "工号,姓名,医院,科室", "007,Pema," + HOME + ",麻醉科");
        imports.apply(admin, ImportKind.TRAINEES, file, ImportProgress.NONE);
        assertThat(trainees()).extracting(Trainee::staffNo).containsExactly("007");
    }

    @Test
    void fileWithOneBadRowImportsNothingAndSaysWhereAndWhy() throws IOException {
        var file = utf8("bad.csv",
                "工号,姓名,医院,科室,最早开始",
                "T001,卓玛," + HOME + ",麻醉科,2026-03-01",
                "T002,次仁," + HOME + ",麻醉科,2026-02-30",
                "T003,拉姆," + HOME + ",麻醉科,");
        var report = imports.apply(admin, ImportKind.TRAINEES, file, ImportProgress.NONE);
        assertThat(report.applied()).isFalse();
        assertThat(report.badRowCount()).isEqualTo(1);
        assertThat(report.badRows()).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isEqualTo(3);
            assertThat(issue.column()).isEqualTo("最早开始");
            assertThat(english(issue)).startsWith("Not a date: 2026-02-30.");
        });
        assertThat(trainees()).isEmpty();
    }

    @Test
    void badRowsAreReportedInTheUsersLanguage() throws IOException {
        var file = utf8("bad.csv", "工号,姓名,医院,科室", "T001,卓玛,不存在医院,麻醉科");
        var report = imports.preview(admin, ImportKind.TRAINEES, file, ImportProgress.NONE);
        assertThat(new Messages(org.kora.domain.Language.ZH).format(report.badRows().get(0).reason()))
                .isEqualTo("没有名为 不存在医院 的医院。请先导入科室，或检查拼写。");
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws IOException {
        var file = utf8("trainees.csv",
                "工号,姓名,医院,科室,类别,最早开始",
                "T001,卓玛," + HOME + ",麻醉科,护士,2026/3/1",
                "T002,次仁," + HOME + ",内科,医师,");
        imports.apply(admin, ImportKind.TRAINEES, file, ImportProgress.NONE);
        var before = trainees();
        var again = imports.apply(admin, ImportKind.TRAINEES, file, ImportProgress.NONE);
        assertThat(again.newRows()).isZero();
        assertThat(again.unchangedRows()).isEqualTo(2);
        assertThat(trainees()).isEqualTo(before);
    }

    @Test
    void sameStaffNumberTwiceInTheFileWithOtherValuesIsABadRow() throws IOException {
        var file = utf8("dup.csv",
                "工号,姓名,医院,科室",
                "T001,卓玛," + HOME + ",麻醉科",
                "T001,次仁," + HOME + ",麻醉科");
        var report = imports.preview(admin, ImportKind.TRAINEES, file, ImportProgress.NONE);
        assertThat(report.badRows()).extracting(ImportIssue::line, ImportIssue::column).containsExactly(tuple(3, "工号"));
        assertThat(english(report.badRows().get(0))).isEqualTo("Line 2 has the same entry with other values.");
    }

    @Test
    void sameRowTwiceInTheFileIsImportedOnce() throws IOException {
        var file = utf8("twice.csv",
                "工号,姓名,医院,科室",
                "T001,卓玛," + HOME + ",麻醉科",
                "T001,卓玛," + HOME + ",麻醉科");
        var report = imports.apply(admin, ImportKind.TRAINEES, file, ImportProgress.NONE);
        assertThat(report.newRows()).isEqualTo(1);
        assertThat(report.unchangedRows()).isEqualTo(1);
        assertThat(trainees()).hasSize(1);
    }

    @Test
    void rowDifferingFromTheStoredTraineeIsABadRow() throws IOException {
        imports.apply(admin, ImportKind.TRAINEES, utf8("a.csv", "工号,姓名,医院,科室", "T001,卓玛," + HOME + ",麻醉科"),
                ImportProgress.NONE);
        var report = imports.apply(admin, ImportKind.TRAINEES,
                utf8("b.csv", "工号,姓名,医院,科室", "T001,卓玛," + HOME + ",内科"), ImportProgress.NONE);
        assertThat(report.applied()).isFalse();
        assertThat(report.badRows()).extracting(ImportIssue::line, ImportIssue::column).containsExactly(tuple(2, "工号"));
        assertThat(trainees()).extracting(Trainee::departmentId).containsExactly(anaesthesia);
    }

    @Test
    void mentorRowsWithTheSameStaffNumberAddDeployments() throws IOException {
        var file = utf8("mentors.csv",
                "工号,姓名,派出医院,受援医院,科室,带教人数,派驻开始,派驻结束",
                "M01,王力," + PARTNER + "," + HOME + ",麻醉科,2,2026-01-01,2026-06-30",
                "M01,王力," + PARTNER + "," + HOME + ",麻醉科,2,2027/1/1,2027/6/30");
        var report = imports.apply(admin, ImportKind.MENTORS, file, ImportProgress.NONE);
        assertThat(report.newRows()).isEqualTo(2);
        assertThat(mentors()).singleElement().satisfies(mentor -> {
            assertThat(mentor.name()).isEqualTo("王力");
            assertThat(mentor.departmentId()).isEqualTo(anaesthesia);
        });
        assertThat(deployments()).extracting(Deployment::from)
                .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
    }

    @Test
    void storedMentorGainsANewDeploymentAsAChange() throws IOException {
        var header = "staff_no,name,partner_hospital,hospital,department,capacity,deployment_from,deployment_to";
        var first = "M01,王力," + PARTNER + "," + HOME + ",麻醉科,2,2026-01-01,2026-06-30";
        imports.apply(admin, ImportKind.MENTORS, utf8("a.csv", header, first), ImportProgress.NONE);
        var report = imports.apply(admin, ImportKind.MENTORS,
                utf8("b.csv", header, first, "M01,王力," + PARTNER + "," + HOME + ",麻醉科,2,2027-01-01,2027-06-30"),
                ImportProgress.NONE);
        assertThat(report.unchangedRows()).isEqualTo(1);
        assertThat(report.changedRows()).isEqualTo(1);
        assertThat(mentors()).hasSize(1);
        assertThat(deployments()).hasSize(2);
    }

    @Test
    void mentorDeploymentEndingBeforeItStartsIsABadRow() throws IOException {
        var file = utf8("mentors.csv",
                "staff_no,name,partner_hospital,hospital,department,capacity,deployment_from,deployment_to",
                "M01,王力," + HOME + "," + HOME + ",麻醉科,0,2026-06-01,2026-01-01");
        var report = imports.preview(admin, ImportKind.MENTORS, file, ImportProgress.NONE);
        assertThat(report.badRows()).extracting(ImportIssue::column)
                .containsExactly("partner_hospital", "capacity", "deployment_to");
    }

    @Test
    void departmentsFileCreatesHospitalsOfTheRowsKind() throws IOException {
        var file = utf8("departments.csv",
                "医院,科室,类型,编制人数,最少在岗,接收容量",
                "错那县人民医院,外科,受援,5,3,",
                "错那县人民医院,儿科,home,4,2,",
                "上海瑞金医院,外科,支援,,,3",
                HOME + ",麻醉科,受援,6,4,");
        var report = imports.apply(admin, ImportKind.DEPARTMENTS, file, ImportProgress.NONE);
        assertThat(report.newRows()).isEqualTo(3);
        assertThat(report.unchangedRows()).isEqualTo(1);
        var hospitals = store.inTransaction(tx -> tx.dao(HospitalDao.class).list());
        assertThat(hospitals).extracting(Hospital::name, Hospital::kind).contains(
                tuple("错那县人民医院", HospitalKind.HOME), tuple("上海瑞金医院", HospitalKind.PARTNER));
        List<Department> departments = store.inTransaction(tx -> tx.dao(DepartmentDao.class).list());
        assertThat(departments).hasSize(6);
    }

    @Test
    void departmentRulesAreCheckedPerKind() throws IOException {
        var file = utf8("departments.csv",
                "hospital,name,kind,headcount,min_on_duty,capacity",
                "错那县人民医院,外科,home,5,5,",
                "上海瑞金医院,外科,partner,3,,",
                PARTNER + ",新科,home,5,1,",
                "错那县人民医院,儿科,maybe,4,2,");
        var report = imports.preview(admin, ImportKind.DEPARTMENTS, file, ImportProgress.NONE);
        assertThat(report.badRows()).extracting(ImportIssue::line, ImportIssue::column).containsExactly(
                tuple(2, "min_on_duty"), tuple(3, "capacity"), tuple(3, "headcount"), tuple(4, "kind"),
                tuple(5, "kind"));
    }

    @Test
    void xlsxWithNumericStaffNumbersAndDateCellsIsRead() throws IOException {
        var file = dir.resolve("trainees.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            var workbook = new Workbook(out, "Kora", "1.0");
            var sheet = workbook.newWorksheet("学员");
            var headers = List.of("最早开始", "工号", "姓名", "医院", "科室", "Extra");
            for (var i = 0; i < headers.size(); i++) {
                sheet.value(0, i, headers.get(i));
            }
            sheet.value(1, 0, LocalDate.of(2026, 3, 1));
            sheet.style(1, 0).format("yyyy-mm-dd").set();
            sheet.value(1, 1, 12.0);
            sheet.value(1, 2, "䶮");
            sheet.value(1, 3, HOME);
            sheet.value(1, 4, "麻醉科");
            sheet.value(2, 0, "2026年4月1日");
            sheet.value(2, 1, "0042");
            sheet.value(2, 2, TIBETAN);
            sheet.value(2, 3, HOME);
            sheet.value(2, 4, "内科");
            sheet.value(3, 1, 123456789012345678L);
            sheet.value(3, 2, "Long");
            sheet.value(3, 3, HOME);
            sheet.value(3, 4, "内科");
            workbook.finish();
        }
        var report = imports.apply(admin, ImportKind.TRAINEES, file, ImportProgress.NONE);
        assertThat(report.encoding()).isEqualTo("xlsx");
        assertThat(report.warnings()).extracting(ImportIssue::line, ImportIssue::column)
                .containsExactly(tuple(1, "Extra"), tuple(4, "工号"));
        assertThat(trainees()).extracting(Trainee::staffNo, Trainee::name, Trainee::earliestStart).containsExactly(
                tuple("12", "䶮", LocalDate.of(2026, 3, 1)), tuple("0042", TIBETAN, LocalDate.of(2026, 4, 1)),
                tuple("123456789012345678", "Long", null));
    }

    @Test
    void missingRequiredColumnRefusesTheWholeFile() throws IOException {
        var file = utf8("nodept.csv", "工号,姓名,医院", "T001,卓玛," + HOME);
        assertThatThrownBy(() -> imports.preview(admin, ImportKind.TRAINEES, file, ImportProgress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("The file has no column department (科室); it is required."));
    }

    @Test
    void unknownColumnsAreReportedAndIgnored() throws IOException {
        var file = utf8("extra.csv", "工号,姓名,医院,科室,身份证号", "T001,卓玛," + HOME + ",麻醉科,540000");
        var report = imports.apply(admin, ImportKind.TRAINEES, file, ImportProgress.NONE);
        assertThat(report.applied()).isTrue();
        assertThat(report.warnings()).extracting(ImportIssue::column).containsExactly("身份证号");
    }

    @Test
    void hrMayImportAndTheImportIsAudited() throws IOException {
        var hr = signedInAs(Role.HR);
        imports.apply(hr, ImportKind.TRAINEES, utf8("t.csv", "工号,姓名,医院,科室", "T001,卓玛," + HOME + ",麻醉科"),
                ImportProgress.NONE);
        List<AuditEntry> audit = store.inTransaction(tx -> tx.dao(AuditDao.class).list());
        assertThat(audit).last()
                .usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(new AuditEntry(0, NOW, "hr", "IMPORT",
                        "kind=TRAINEES file=t.csv rows=1 new=1 changed=0 unchanged=0"));
    }

    @Test
    void mentorMayNotImportAndNothingIsWritten() throws IOException {
        var mentor = signedInAs(Role.MENTOR);
        var file = utf8("t.csv", "工号,姓名,医院,科室", "T001,卓玛," + HOME + ",麻醉科");
        assertThatThrownBy(() -> imports.apply(mentor, ImportKind.TRAINEES, file, ImportProgress.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.preview(mentor, ImportKind.TRAINEES, file, ImportProgress.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(trainees()).isEmpty();
    }

    @Test
    void managerMayNotImport() throws IOException {
        var manager = signedInAs(Role.MANAGER);
        var file = utf8("t.csv", "工号,姓名,医院,科室", "T001,卓玛," + HOME + ",麻醉科");
        assertThatThrownBy(() -> imports.preview(manager, ImportKind.TRAINEES, file, ImportProgress.NONE))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void cancelledImportWritesNothing() throws IOException {
        var lines = new String[3001];
        lines[0] = "工号,姓名,医院,科室";
        for (var i = 1; i < lines.length; i++) {
            lines[i] = "T" + i + ",卓玛," + HOME + ",麻醉科";
        }
        var file = utf8("many.csv", lines);
        var cancelAfterFirstBatch = new ImportProgress() {
            private int calls;

            @Override
            public void worked(double fraction) {
                calls++;
            }

            @Override
            public boolean cancelled() {
                return calls > 0;
            }
        };
        assertThatThrownBy(() -> imports.apply(admin, ImportKind.TRAINEES, file, cancelAfterFirstBatch))
                .isInstanceOf(ImportCancelledException.class);
        assertThat(trainees()).isEmpty();
    }
}
