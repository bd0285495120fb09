package org.kora.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.DateRange;
import org.kora.domain.KoraException;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.domain.Problem;
import org.kora.domain.ProgramTemplate;
import org.kora.planning.Assignment;
import org.kora.planning.BlackoutPeriod;
import org.kora.planning.ConflictFinder;
import org.kora.planning.HomeDepartment;
import org.kora.planning.HostDepartment;
import org.kora.planning.MentorSpec;
import org.kora.planning.Plan;
import org.kora.planning.TraineeSpec;
import org.kora.planning.Unplanned;

class PlanningFilesTest {
    /** The problem file of ARCHITECTURE.md, "Problem file", as printed there. */
    static final String EXAMPLE_PROBLEM = """
            {
              "horizon":   { "from": "2026-01-01", "to": "2028-12-31" },
              "program":   { "offSiteMonths": 3, "onSiteMonths": 3, "travelDays": 0, "startRule": "MONTH_START" },
              "blackouts": [ { "from": "2027-02-01", "to": "2027-02-20", "label": "Losar" } ],
              "hostDepartments": [ { "id": "SL-ANES", "capacity": 2 } ],
              "homeDepartments": [ { "id": "BT-ANES", "headcount": 6, "minOnDuty": 4 } ],
              "mentors":  [ { "id": "M01", "department": "BT-ANES", "capacity": 2,
                              "deployments": [ { "from": "2026-01-01", "to": "2026-12-31" } ] } ],
              "trainees": [ { "id": "T001", "homeDepartment": "BT-ANES", "hostDepartment": "SL-ANES",
                              "earliestStart": "2026-03-01", "latestEnd": null,
                              "leave": [ { "from": "2026-07-01", "to": "2026-07-14" } ] } ]
            }
            """;

    /** The plan file of ARCHITECTURE.md, "Plan file", as printed there. */
    static final String EXAMPLE_PLAN = """
            {
              "assignments": [ { "trainee": "T001",
                                 "offSite": { "from": "2026-03-01", "to": "2026-05-31" },
                                 "onSite":  { "from": "2026-06-01", "to": "2026-08-31" },
                                 "mentor": "M01" } ],
              "unplanned":  [ { "trainee": "T009", "reason": "no BT-ANES mentor deployed before the horizon ends" } ],
              "objective":  { "planned": 1, "unplanned": 1, "totalDelayDays": 0 },
              "conflicts":  []
            }
            """;

    @TempDir
    Path folder;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    private static DateRange range(String from, String to) {
        return DateRange.of(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void architectureExampleProblemParses() throws IOException {
        var problem = PlanningFiles.readProblem(file("problem.json", EXAMPLE_PROBLEM));

        assertThat(problem.horizon()).isEqualTo(range("2026-01-01", "2028-12-31"));
        assertThat(problem.program()).isEqualTo(ProgramTemplate.DEFAULT);
        assertThat(problem.blackouts()).containsExactly(new BlackoutPeriod(range("2027-02-01", "2027-02-20"), "Losar"));
        assertThat(problem.hostDepartments()).containsExactly(new HostDepartment("SL-ANES", 2));
        assertThat(problem.homeDepartments()).containsExactly(new HomeDepartment("BT-ANES", 6, 4));
        assertThat(problem.mentors()).containsExactly(new MentorSpec("M01", "BT-ANES", 2,
                List.of(range("2026-01-01", "2026-12-31"))));
        assertThat(problem.trainees()).containsExactly(new TraineeSpec("T001", "BT-ANES", "SL-ANES",
                LocalDate.parse("2026-03-01"), null, List.of(range("2026-07-01", "2026-07-14"))));
        assertThat(problem.fixed()).isEmpty();
    }

    @Test
    void architectureExamplePlanParses() throws IOException {
        var plan = PlanningFiles.readPlan(file("plan.json", EXAMPLE_PLAN));

        assertThat(plan.assignments()).containsExactly(new Assignment("T001", range("2026-03-01", "2026-05-31"),
                range("2026-06-01", "2026-08-31"), "M01"));
        assertThat(plan.unplanned()).singleElement().satisfies(unplanned -> {
            assertThat(unplanned.trainee()).isEqualTo("T009");
            assertThat(Messages.english().format(unplanned.reason()))
                    .isEqualTo("no BT-ANES mentor deployed before the horizon ends");
        });
    }

    @Test
    void architectureExamplePlanBreaksOnlyTheLeaveOfT001() throws IOException {
        var problem = PlanningFiles.readProblem(file("problem.json", EXAMPLE_PROBLEM));
        var plan = PlanningFiles.readPlan(file("plan.json", EXAMPLE_PLAN));

        assertThat(ConflictFinder.find(problem, plan)).extracting(conflict -> conflict.messageKey())
                .containsExactly("conflict.leave");
    }

    @Test
    void writtenPlanReadsBackEqual() throws IOException {
        var problem = PlanningFiles.readProblem(file("problem.json", EXAMPLE_PROBLEM));
        var plan = new Plan(List.of(new Assignment("T001", range("2026-04-01", "2026-06-30"),
                range("2026-07-01", "2026-09-30"), "M01")),
                List.of(new Unplanned("T009", new Problem("planfile.reason", "no mentor"))));
        var file = folder.resolve("out.json");

        PlanningFiles.writePlan(file, problem, plan, ConflictFinder.find(problem, plan));
        var read = PlanningFiles.readPlan(file);

        assertThat(read.assignments()).isEqualTo(plan.assignments());
        assertThat(read.unplanned()).extracting(Unplanned::trainee, unplanned -> Messages.english()
                .format(unplanned.reason())).containsExactly(tuple("T009", "no mentor"));
    }

    @Test
    void writtenPlanHasTheObjectiveAndConflictsOfTheFormat() throws IOException {
        var problem = PlanningFiles.readProblem(file("problem.json", EXAMPLE_PROBLEM));
        var plan = new Plan(List.of(new Assignment("T001", range("2026-04-01", "2026-06-30"),
                range("2026-07-01", "2026-09-30"), "M01")), List.of());
        var file = folder.resolve("out.json");

        PlanningFiles.writePlan(file, problem, plan, ConflictFinder.find(problem, plan));

        var written = new ObjectMapper().readTree(file.toFile());
        assertThat(written.get("objective")).isEqualTo(new ObjectMapper().readTree(
                "{ \"planned\": 1, \"unplanned\": 0, \"totalDelayDays\": 31 }"));
        assertThat(written.get("conflicts")).isEqualTo(new ObjectMapper().readTree("""
                [ { "rule": "AVAILABILITY",
                    "message": "T001 is on leave from 2026-07-01 to 2026-07-14, during the block 2026-07-01 to 2026-09-30",
                    "trainees": [ "T001" ], "resource": "T001", "from": "2026-07-01", "to": "2026-07-14" } ]
                """));
    }

    @Test
    void planOfAnotherToolWithExtraAndMissingOptionalFieldsReads() throws IOException {
        var plan = PlanningFiles.readPlan(file("other.json", """
                { "tool": "solver-x", "assignments": [ { "trainee": "T001", "score": 3.5,
                  "offSite": { "from": "2026-03-01", "to": "2026-05-31", "site": "Chengdu" },
                  "onSite":  { "from": "2026-06-01", "to": "2026-08-31" }, "mentor": "M01" } ] }
                """));

        assertThat(plan.assignments()).hasSize(1);
        assertThat(plan.unplanned()).isEmpty();
    }

    @Test
    void badJsonNamesTheFileAndLine() throws IOException {
        var file = file("broken.json", "{\n  \"assignments\": [\n    { \"trainee\": \"T001\" \n  ]\n}\n");

        assertThatThrownBy(() -> PlanningFiles.readPlan(file)).isInstanceOf(KoraException.class)
                .hasMessageStartingWith(file + " is not valid JSON at line 4, column 3: ");
    }

    @Test
    void badDateNamesTheFileLineAndField() throws IOException {
        var file = file("problem.json", EXAMPLE_PROBLEM.replace("\"2026-07-14\"", "\"2026-07-32\""));

        assertThatThrownBy(() -> PlanningFiles.readProblem(file)).isInstanceOf(KoraException.class)
                .hasMessage(file + ", line 11: trainees[0].leave[0].to must be a date like 2026-03-01, not \"2026-07-32\".");
    }

    @Test
    void badFieldIsToldInChineseToo() throws IOException {
        var file = file("problem.json", EXAMPLE_PROBLEM.replace("\"minOnDuty\": 4", "\"minOnDuty\": 6"));

        var refusal = catchThrowableOfType(KoraException.class,
                () -> PlanningFiles.readProblem(file));

        assertThat(new Messages(Language.ZH).format(refusal))
                .isEqualTo(file + " 第 6 行：homeDepartments[0].minOnDuty 应在 0 到 5 之间，而不是 6。");
    }

    @Test
    void missingFieldIsNamedWithItsPath() throws IOException {
        var file = file("plan.json", EXAMPLE_PLAN.replaceAll(",\\s*\"mentor\": \"M01\"", ""));

        assertThatThrownBy(() -> PlanningFiles.readPlan(file)).isInstanceOf(KoraException.class)
                .hasMessage(file + ", line 2: assignments[0].mentor is missing.");
    }

    @Test
    void traineeOfAnUnknownDepartmentIsRefused() throws IOException {
        var file = file("problem.json", EXAMPLE_PROBLEM.replace("\"hostDepartment\": \"SL-ANES\"",
                "\"hostDepartment\": \"SL-OPH\""));

        assertThatThrownBy(() -> PlanningFiles.readProblem(file)).isInstanceOf(KoraException.class)
                .hasMessage(file + ", line 9: trainees[0].hostDepartment names SL-OPH, which the problem does not define.");
    }

    @Test
    void repeatedTraineeIdIsRefused() throws IOException {
        var trainee = "{ \"id\": \"T001\", \"homeDepartment\": \"BT-ANES\", \"hostDepartment\": \"SL-ANES\","
                + " \"earliestStart\": \"2026-03-01\" }";
        var file = file("problem.json", EXAMPLE_PROBLEM.replace("\"trainees\": [", "\"trainees\": [ " + trainee + ","));

        assertThatThrownBy(() -> PlanningFiles.readProblem(file)).isInstanceOf(KoraException.class)
                .hasMessageContaining("trainees[1].id repeats the id T001.");
    }

    @Test
    void missingFileIsToldPlainly() {
        var file = folder.resolve("nowhere.json");

        assertThatThrownBy(() -> PlanningFiles.readPlan(file)).isInstanceOf(KoraException.class)
                .hasMessage("There is no file " + file + ".");
    }
}
