package org.kora.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.app.ServiceFactory;
import org.kora.domain.Competency;
import org.kora.domain.Department;
import org.kora.domain.HospitalKind;
import org.kora.domain.SignOffLevel;
import org.kora.domain.Trainee;
import org.kora.store.CompetencyDao;
import org.kora.store.DatabaseFile;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.TraineeDao;

import picocli.CommandLine;

class ImportCommandTest {
    private static final String HOME = "隆子县人民医院";

    @TempDir
    Path dir;

    private final ServiceFactory factory = new ServiceFactory(Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"),
            ZoneOffset.UTC));
    private final Map<String, String> environment = new HashMap<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path database;

    @BeforeEach
    void createDatabaseWithAdministratorAndDepartment() {
        database = dir.resolve("kora");
        try (var services = factory.create(DatabaseFile.of(database))) {
            services.auth().createFirstAdministrator("admin", "Administrator", "admin-password".toCharArray());
            services.store().inTransaction(tx -> {
                var home = tx.dao(HospitalDao.class).insert(HOME, HospitalKind.HOME);
                return tx.dao(DepartmentDao.class).insert(Department.home(0, home, "麻醉科", 6, 4));
            });
        }
        environment.put("KORA_PASSWORD", "admin-password");
    }

    private int kora(String... args) {
        var commandLine = KoraCommand.commandLine(new FileBackend(factory, database, environment), "test");
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path file(String... lines) throws IOException {
        var file = dir.resolve("trainees.csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private List<Trainee> trainees() {
        try (var services = factory.open(DatabaseFile.of(database))) {
            return services.store().inTransaction(tx -> tx.dao(TraineeDao.class).list());
        }
    }

    @Test
    void dryRunReportsAndWritesNothing() throws IOException {
        var file = file("工号,姓名,医院,科室", "007,卓玛," + HOME + ",麻醉科");
        assertThat(kora("import", "trainees", file.toString(), "--dry-run", "--user", "admin")).isZero();
        assertThat(out.toString()).contains("1 rows (encoding UTF-8): 1 new, 0 changed, 0 unchanged, 0 bad.")
                .contains("Dry run: nothing was saved.");
        assertThat(trainees()).isEmpty();
    }

    @Test
    void importWritesTheFile() throws IOException {
        var file = file("工号,姓名,医院,科室", "007,卓玛," + HOME + ",麻醉科");
        assertThat(kora("--db", database.toString(), "import", "trainees", file.toString(), "--user", "admin")).isZero();
        assertThat(trainees()).extracting(Trainee::staffNo).containsExactly("007");
    }

    @Test
    void badRowIsListedWithLineAndColumnAndNothingIsWritten() throws IOException {
        var file = file("工号,姓名,医院,科室", "007,卓玛," + HOME + ",麻醉科", "008,次仁," + HOME + ",外科");
        assertThat(kora("import", "trainees", file.toString(), "--user", "admin")).isEqualTo(1);
        assertThat(out.toString()).contains("line 3, column 科室: The hospital " + HOME + " has no department named 外科.");
        assertThat(err.toString()).contains("Nothing was imported");
        assertThat(trainees()).isEmpty();
    }

    @Test
    void wrongPasswordIsRefused() throws IOException {
        environment.put("KORA_PASSWORD", "wrong");
        var file = file("工号,姓名,医院,科室", "007,卓玛," + HOME + ",麻醉科");
        assertThat(kora("import", "trainees", file.toString(), "--user", "admin")).isEqualTo(1);
        assertThat(trainees()).isEmpty();
    }

    @Test
    void missingPasswordWithoutATerminalIsRefused() throws IOException {
        environment.clear();
        var file = file("工号,姓名,医院,科室", "007,卓玛," + HOME + ",麻醉科");
        assertThat(kora("import", "trainees", file.toString(), "--user", "admin")).isEqualTo(1);
        assertThat(err.toString()).contains("KORA_PASSWORD");
    }

    private List<Competency> competencies() {
        try (var services = factory.open(DatabaseFile.of(database))) {
            return services.store().inTransaction(tx -> tx.dao(CompetencyDao.class).list());
        }
    }

    @Test
    void competenciesAreImportedAsAFourthKind() throws IOException {
        var file = file("医院,科室,中文名称,英文名称,类别,要求例数,达标水平",
                HOME + ",麻醉科,分娩镇痛硬膜外穿刺,Labour epidural analgesia,区域麻醉,10,指导下操作");
        assertThat(kora("import", "competencies", file.toString(), "--dry-run", "--user", "admin")).isZero();
        assertThat(competencies()).isEmpty();
        assertThat(kora("import", "competencies", file.toString(), "--user", "admin")).isZero();
        assertThat(out.toString()).contains("1 rows (encoding UTF-8): 1 new, 0 changed, 0 unchanged, 0 bad.")
                .contains("Imported.");
        assertThat(competencies()).extracting(Competency::nameEn, Competency::requiredCount, Competency::achievedLevel)
                .containsExactly(tuple("Labour epidural analgesia", 10, SignOffLevel.SUPERVISED));
    }

    @Test
    void badCompetencyRowIsListedWithLineAndColumn() throws IOException {
        var file = file("hospital,department,name_zh,name_en,required,level",
                HOME + ",麻醉科,分娩镇痛硬膜外穿刺,Labour epidural analgesia,ten,supervised");
        assertThat(kora("import", "competencies", file.toString(), "--user", "admin")).isEqualTo(1);
        assertThat(out.toString()).contains("line 2, column required: Not a whole number: ten.");
        assertThat(competencies()).isEmpty();
    }

    @Test
    void unknownKindIsAUsageError() throws IOException {
        var file = file("工号,姓名,医院,科室");
        assertThat(kora("import", "nurses", file.toString(), "--user", "admin")).isEqualTo(CommandLine.ExitCode.USAGE);
    }
}
