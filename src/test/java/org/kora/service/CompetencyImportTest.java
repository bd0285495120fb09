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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Competency;
import org.kora.domain.Department;
import org.kora.domain.HospitalKind;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.domain.Role;
import org.kora.domain.SignOffLevel;
import org.kora.io.ImportFiles;
import org.kora.store.AuditDao;
import org.kora.store.AuditEntry;
import org.kora.store.CompetencyDao;
import org.kora.store.DatabaseFile;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.Store;

/** The competencies format of ADR 15, through the same import machinery as the people formats. */
class CompetencyImportTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final char[] PASSWORD = "yak-butter-tea".toCharArray();
    private static final String HOME = "巴塘县人民医院";
    private static final String PARTNER = "双流区第一人民医院";
    private static final String HEADER = "医院,科室,中文名称,英文名称,类别,要求例数,达标水平";

    @TempDir
    Path dir;

    private Store store;
    private AuthService auth;
    private UserService users;
    private ImportService imports;
    private CurriculumService curricula;
    private Session admin;
    private long anaesthesia;

    @BeforeEach
    void createStoreWithAnAnaesthesiaCurriculum() {
        store = Store.create(DatabaseFile.of(dir.resolve("kora")));
        var hasher = new PasswordHasher(1000);
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        auth = new AuthService(store, hasher, clock);
        users = new UserService(store, hasher, clock);
        imports = new ImportService(store, new ImportFiles(), clock);
        curricula = new CurriculumService(store, clock);
        admin = auth.createFirstAdministrator("admin", "Administrator", PASSWORD);
        anaesthesia = store.inTransaction(tx -> {
            var hospitals = tx.dao(HospitalDao.class);
            var home = hospitals.insert(HOME, HospitalKind.HOME);
            var partner = hospitals.insert(PARTNER, HospitalKind.PARTNER);
            hospitals.insertPartnership(home, partner);
            var departments = tx.dao(DepartmentDao.class);
            departments.insert(Department.partner(0, partner, "麻醉科", 2));
            departments.insert(Department.home(0, home, "眼科", 5, 3));
            return departments.insert(Department.home(0, home, "麻醉科", 6, 4));
        });
        curricula.save(admin, new CompetencyDraft(0, anaesthesia, "困难气道管理", "Difficult airway management", "气道管理",
                5, SignOffLevel.SUPERVISED));
    }

    @AfterEach
    void closeStore() {
        store.close();
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

    private List<Competency> competencies() {
        return store.inTransaction(tx -> tx.dao(CompetencyDao.class).list());
    }

    private Session signedInAs(Role role) {
        var name = role.name().toLowerCase(Locale.ROOT);
        users.createAccount(admin, name, "A " + name, role, null, PASSWORD);
        return auth.signIn(name, PASSWORD);
    }

    private static String english(ImportIssue issue) {
        return Messages.english().format(issue.reason());
    }

    @Test
    void chineseHeadersAndLevelWordsAddCompetenciesAtTheEndInFileOrder() throws IOException {
        var file = utf8("curriculum.csv",
                HEADER,
                HOME + ",麻醉科,分娩镇痛硬膜外穿刺,Labour epidural analgesia,区域麻醉,10,指导下操作",
                HOME + ",麻醉科,内镜检查镇静,Sedation for endoscopy,,15,独立操作",
                HOME + ",眼科,裂隙灯检查,Slit-lamp examination,检查,20,观摩");
        var report = imports.apply(admin, ImportKind.COMPETENCIES, file, ImportProgress.NONE);
        assertThat(report.applied()).isTrue();
        assertThat(report.newRows()).isEqualTo(3);
        assertThat(curricula.curriculum(admin, anaesthesia)).extracting(Competency::nameEn, Competency::category,
                Competency::requiredCount, Competency::achievedLevel).containsExactly(
                tuple("Difficult airway management", "气道管理", 5, SignOffLevel.SUPERVISED),
                tuple("Labour epidural analgesia", "区域麻醉", 10, SignOffLevel.SUPERVISED),
                tuple("Sedation for endoscopy", null, 15, SignOffLevel.INDEPENDENT));
        assertThat(competencies()).extracting(Competency::nameZh).contains("裂隙灯检查");
    }

    @Test
    void englishHeadersInAnyOrderWithAByteOrderMarkAndEnglishLevels() throws IOException {
        var file = csv("bom.csv", StandardCharsets.UTF_8, true,
                " Level ,required,NAME_EN,name_zh,department,hospital",
                "assisted,3,Tonometry,眼压测量,眼科," + HOME,
                "Independent,4,Pterygium excision,翼状胬肉切除,眼科," + HOME);
        var report = imports.apply(admin, ImportKind.COMPETENCIES, file, ImportProgress.NONE);
        assertThat(report.encoding()).isEqualTo("UTF-8 BOM");
        assertThat(report.warnings()).isEmpty();
        assertThat(competencies()).extracting(Competency::nameEn, Competency::achievedLevel).contains(
                tuple("Tonometry", SignOffLevel.ASSISTED), tuple("Pterygium excision", SignOffLevel.INDEPENDENT));
    }

    @Test
    void gb18030FileIsDetected() throws IOException {
        var file = csv("gbk.csv", Charset.forName("GB18030"), false,
                HEADER,
                HOME + ",麻醉科,超声引导神经阻滞,Ultrasound-guided nerve block,区域麻醉,6,协助");
        var report = imports.apply(admin, ImportKind.COMPETENCIES, file, ImportProgress.NONE);
        assertThat(report.encoding()).isEqualTo("GB18030");
        assertThat(competencies()).extracting(Competency::nameZh, Competency::category)
                .contains(tuple("超声引导神经阻滞", "区域麻醉"));
    }

    @Test
    void xlsxWithNumericCountsIsRead() throws IOException {
        var file = dir.resolve("curriculum.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            var workbook = new Workbook(out, "Kora", "1.0");
            var sheet = workbook.newWorksheet("考核项目");
            var headers = List.of("达标水平", "要求例数", "中文名称", "英文名称", "医院", "科室", "备注");
            for (var i = 0; i < headers.size(); i++) {
                sheet.value(0, i, headers.get(i));
            }
            sheet.value(1, 0, "supervised");
            sheet.value(1, 1, 8.0);
            sheet.value(1, 2, "剖宫产椎管内麻醉");
            sheet.value(1, 3, "Spinal anaesthesia for caesarean section");
            sheet.value(1, 4, HOME);
            sheet.value(1, 5, "麻醉科");
            workbook.finish();
        }
        var report = imports.apply(admin, ImportKind.COMPETENCIES, file, ImportProgress.NONE);
        assertThat(report.encoding()).isEqualTo("xlsx");
        assertThat(report.warnings()).extracting(ImportIssue::line, ImportIssue::column).containsExactly(tuple(1, "备注"));
        assertThat(competencies()).extracting(Competency::nameZh, Competency::requiredCount)
                .contains(tuple("剖宫产椎管内麻醉", 8));
    }

    @Test
    void everyBadRowIsReportedWithLineAndColumnAndNothingIsWritten() throws IOException {
        var before = competencies();
        var file = utf8("bad.csv",
                HEADER,
                HOME + ",麻醉科,分娩镇痛硬膜外穿刺,Labour epidural analgesia,区域麻醉,10,指导下操作",
                HOME + ",儿科,小儿镇静,Paediatric sedation,,5,独立操作",
                PARTNER + ",麻醉科,术前评估,Pre-operative assessment,,5,独立操作",
                HOME + ",麻醉科,神经阻滞,,,0,熟练");
        var report = imports.apply(admin, ImportKind.COMPETENCIES, file, ImportProgress.NONE);
        assertThat(report.applied()).isFalse();
        assertThat(report.badRowCount()).isEqualTo(3);
        assertThat(report.badRows()).extracting(ImportIssue::line, ImportIssue::column, CompetencyImportTest::english)
                .containsExactly(
                        tuple(3, "科室", "The hospital " + HOME + " has no department named 儿科."),
                        tuple(4, "医院", PARTNER + " is not a home (受援) hospital."),
                        tuple(5, "英文名称", "This value is required."),
                        tuple(5, "要求例数", "Must be at least 1."),
                        tuple(5, "达标水平", "Write observed, assisted, supervised or independent (观摩, 协助, 指导下操作, "
                                + "独立操作), not 熟练."));
        assertThat(competencies()).isEqualTo(before);
    }

    @Test
    void badRowsAreReportedInChinese() throws IOException {
        var file = utf8("bad.csv", HEADER, HOME + ",麻醉科,神经阻滞,Nerve block,,5,熟练");
        var report = imports.preview(admin, ImportKind.COMPETENCIES, file, ImportProgress.NONE);
        assertThat(new Messages(Language.ZH).format(report.badRows().get(0).reason()))
                .isEqualTo("请填写 观摩、协助、指导下操作 或 独立操作（observed、assisted、supervised、independent），而不是 熟练。");
    }

    @Test
    void aDryRunWritesNothing() throws IOException {
        var before = competencies();
        var file = utf8("c.csv", HEADER, HOME + ",麻醉科,神经阻滞,Nerve block,,5,协助");
        var report = imports.preview(admin, ImportKind.COMPETENCIES, file, ImportProgress.NONE);
        assertThat(report.newRows()).isEqualTo(1);
        assertThat(report.applied()).isFalse();
        assertThat(competencies()).isEqualTo(before);
    }

    @Test
    void aRowEqualToTheStoredCompetencyChangesNothing() throws IOException {
        var file = utf8("same.csv", HEADER, HOME + ",麻醉科,困难气道管理,Difficult airway management,气道管理,5,supervised");
        var report = imports.apply(admin, ImportKind.COMPETENCIES, file, ImportProgress.NONE);
        assertThat(report.applied()).isTrue();
        assertThat(report.unchangedRows()).isEqualTo(1);
        assertThat(report.newRows()).isZero();
        assertThat(competencies()).hasSize(1);
    }

    @Test
    void aRowGivingAStoredCompetencyOtherValuesIsABadRow() throws IOException {
        var before = competencies();
        var file = utf8("other.csv", HEADER, HOME + ",麻醉科,困难气道管理,Difficult airway management,气道管理,8,supervised");
        var report = imports.apply(admin, ImportKind.COMPETENCIES, file, ImportProgress.NONE);
        assertThat(report.badRows()).extracting(ImportIssue::line, ImportIssue::column, CompetencyImportTest::english)
                .containsExactly(tuple(2, "英文名称", "Already stored with other values. Change it in Kora, or correct the file."));
        assertThat(competencies()).isEqualTo(before);
    }

    @Test
    void theSameCompetencyTwiceInTheFileWithOtherValuesIsABadRow() throws IOException {
        var file = utf8("twice.csv", HEADER,
                HOME + ",麻醉科,神经阻滞,Nerve block,,5,协助",
                HOME + ",麻醉科,神经阻滞,Nerve block,,6,协助");
        var report = imports.preview(admin, ImportKind.COMPETENCIES, file, ImportProgress.NONE);
        assertThat(report.badRows()).extracting(ImportIssue::line, CompetencyImportTest::english)
                .containsExactly(tuple(3, "Line 2 has the same entry with other values."));
    }

    @Test
    void aChineseNameIsUniqueInItsDepartmentAgainstTheStoreAndTheFile() throws IOException {
        var file = utf8("names.csv", HEADER,
                HOME + ",麻醉科,困难气道管理,Airway management,,5,协助",
                HOME + ",麻醉科,神经阻滞,Nerve block,,5,协助",
                HOME + ",麻醉科,神经阻滞,Peripheral nerve block,,5,协助",
                HOME + ",眼科,神经阻滞,Nerve block,,5,协助");
        var report = imports.preview(admin, ImportKind.COMPETENCIES, file, ImportProgress.NONE);
        assertThat(report.badRows()).extracting(ImportIssue::line, ImportIssue::column, CompetencyImportTest::english)
                .containsExactly(
                        tuple(2, "中文名称", "The department already gives this Chinese name to the competency "
                                + "Difficult airway management."),
                        tuple(4, "中文名称", "Line 3 gives this Chinese name to another competency (Nerve block)."));
        assertThat(report.newRows()).isEqualTo(2);
    }

    @Test
    void unknownColumnsAreReportedAndIgnored() throws IOException {
        var file = utf8("extra.csv", HEADER + ",说明", HOME + ",麻醉科,神经阻滞,Nerve block,,5,协助,随便");
        var report = imports.apply(admin, ImportKind.COMPETENCIES, file, ImportProgress.NONE);
        assertThat(report.applied()).isTrue();
        assertThat(report.warnings()).extracting(ImportIssue::column).containsExactly("说明");
    }

    @Test
    void hrMayImportACurriculumAndTheImportIsAudited() throws IOException {
        var hr = signedInAs(Role.HR);
        imports.apply(hr, ImportKind.COMPETENCIES, utf8("c.csv", HEADER, HOME + ",麻醉科,神经阻滞,Nerve block,,5,协助"),
                ImportProgress.NONE);
        List<AuditEntry> audit = store.inTransaction(tx -> tx.dao(AuditDao.class).list());
        assertThat(audit).last().extracting(AuditEntry::username, AuditEntry::action, AuditEntry::detail)
                .containsExactly("hr", "IMPORT", "kind=COMPETENCIES file=c.csv rows=1 new=1 changed=0 unchanged=0");
    }

    @Test
    void managerMayNotImportACurriculum() throws IOException {
        var before = competencies();
        var file = utf8("c.csv", HEADER, HOME + ",麻醉科,神经阻滞,Nerve block,,5,协助");
        var manager = signedInAs(Role.MANAGER);
        assertThatThrownBy(() -> imports.preview(manager, ImportKind.COMPETENCIES, file, ImportProgress.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.apply(manager, ImportKind.COMPETENCIES, file, ImportProgress.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(competencies()).isEqualTo(before);
    }
}
