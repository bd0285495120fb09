package org.kora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.app.ServiceFactory;
import org.kora.domain.Block;
import org.kora.domain.Cohort;
import org.kora.domain.Rotation;
import org.kora.domain.Trainee;
import org.kora.store.CohortDao;
import org.kora.store.DatabaseFile;
import org.kora.store.TraineeDao;

class PlanCohortCommandTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 23).atTime(9, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ServiceFactory factory = new ServiceFactory(CLOCK);
    private final Map<String, String> environment = new HashMap<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path database;

    @BeforeEach
    void createTheDemo() {
        database = dir.resolve("kora");
        try (var services = factory.create(DatabaseFile.of(database))) {
            services.demo().populate();
        }
        environment.put("KORA_PASSWORD", "demo");
    }

    private int kora(String... args) {
        var commandLine = KoraCommand.commandLine(new FileBackend(factory, database, environment), "test");
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private record Data(List<Cohort> cohorts, List<Rotation> rotations, List<Block> blocks, List<Trainee> trainees) {
        /** The first cohort whose rotations have no blocks yet. */
        Cohort waiting() {
            var planned = blocks.stream().map(Block::rotationId).collect(Collectors.toSet());
            return cohorts.stream().filter(cohort -> rotations.stream().anyMatch(r -> r.cohortId() == cohort.id())
                    && rotations.stream().filter(r -> r.cohortId() == cohort.id()).noneMatch(r -> planned.contains(r.id())))
                    .findFirst().orElseThrow();
        }

        Set<Long> rotationsOf(Cohort cohort) {
            return rotations.stream().filter(r -> r.cohortId() == cohort.id()).map(Rotation::id).collect(Collectors.toSet());
        }

        List<String> traineesOf(Cohort cohort) {
            var ids = rotations.stream().filter(r -> r.cohortId() == cohort.id()).map(Rotation::traineeId).toList();
            return trainees.stream().filter(t -> ids.contains(t.id())).map(Trainee::name).toList();
        }
    }

    private Data data() {
        try (var services = factory.open(DatabaseFile.of(database))) {
            return services.store().inTransaction(tx -> {
                var cohorts = tx.dao(CohortDao.class);
                return new Data(cohorts.list(), cohorts.rotations(), cohorts.blocks(), tx.dao(TraineeDao.class).list());
            });
        }
    }

    @Test
    void previewPrintsOneLinePerRotationAndWritesNothing() {
        var before = data();
        var cohort = before.waiting();

        var exit = kora("plan", cohort.name(), "--user", "hr", "--time-limit", "500ms");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Cohort " + cohort.name()).contains("Preview only: nothing was saved.");
        for (var name : before.traineesOf(cohort)) {
            assertThat(out.toString()).contains(name + ": new, off site ");
        }
        assertThat(data().blocks()).isEqualTo(before.blocks());
    }

    @Test
    void applyWritesThePlan() {
        var before = data();
        var cohort = before.waiting();

        var exit = kora("--db", database.toString(), "plan", cohort.name(), "--user", "hr", "--apply",
                "--time-limit", "500ms");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Saved: the blocks of " + before.rotationsOf(cohort).size()
                + " rotations were rewritten.");
        var mine = before.rotationsOf(cohort);
        var after = data().blocks();
        assertThat(after.stream().filter(block -> mine.contains(block.rotationId()))).hasSize(2 * mine.size());
        assertThat(after.stream().filter(block -> !mine.contains(block.rotationId())).toList())
                .isEqualTo(before.blocks());
    }

    @Test
    void chineseUsersReadTheirLanguage() {
        var cohort = data().waiting();
        assertThat(kora("--lang", "zh", "plan", cohort.name(), "--user", "hr", "--time-limit", "200ms")).isZero();
        assertThat(out.toString()).contains("仅预览：未保存任何内容。").contains("：新排，外派 ");
    }

    @Test
    void mentorIsRefusedAndNothingIsWritten() {
        var before = data();
        var exit = kora("plan", before.waiting().name(), "--user", "mentor", "--apply", "--time-limit", "200ms");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("may not do this");
        assertThat(data().blocks()).isEqualTo(before.blocks());
    }

    @Test
    void unknownCohortIsRefusedByName() {
        assertThat(kora("plan", "2031年第9批", "--user", "hr")).isEqualTo(1);
        assertThat(err.toString()).contains("There is no cohort named 2031年第9批.");
    }

    @Test
    void cohortAndProblemFileTogetherAreAUsageError() {
        assertThat(kora("plan", "2027年第1批", "--problem", "p.json", "--user", "hr")).isEqualTo(2);
        assertThat(err.toString()).contains("Give either a cohort name, or --problem and --out; not both.");
    }

    @Test
    void neitherCohortNorProblemFileIsAUsageError() {
        assertThat(kora("plan", "--out", "plan.json")).isEqualTo(2);
    }

    @Test
    void cohortWithoutUserIsAUsageError() {
        assertThat(kora("plan", "2027年第1批")).isEqualTo(2);
    }

    @Test
    void missingPasswordIsRefused() {
        environment.remove("KORA_PASSWORD");
        assertThat(kora("plan", data().waiting().name(), "--user", "hr")).isEqualTo(1);
    }
}
