package org.kora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Language;
import org.kora.service.Services;

import picocli.CommandLine;

class CheckCommandTest {
    private static final String PROBLEM = """
            {
              "horizon":   { "from": "2026-01-01", "to": "2028-12-31" },
              "program":   { "offSiteMonths": 3, "onSiteMonths": 3, "travelDays": 0, "startRule": "MONTH_START" },
              "blackouts": [ { "from": "2027-02-01", "to": "2027-02-20", "label": "Losar" } ],
              "hostDepartments": [ { "id": "SL-ANES", "capacity": 2 } ],
              "homeDepartments": [ { "id": "BT-ANES", "headcount": 6, "minOnDuty": 4 } ],
              "mentors":  [ { "id": "M01", "department": "BT-ANES", "capacity": 2,
                              "deployments": [ { "from": "2026-01-01", "to": "2027-12-31" } ] } ],
              "trainees": [ { "id": "T001", "homeDepartment": "BT-ANES", "hostDepartment": "SL-ANES",
                              "earliestStart": "2026-03-01", "latestEnd": null, "leave": [] } ]
            }
            """;

    private static final String PLAN = """
            { "assignments": [ { "trainee": "T001", "offSite": { "from": "%s", "to": "%s" },
                                 "onSite": { "from": "%s", "to": "%s" }, "mentor": "M01" } ] }
            """;

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private CommandLine commandLine;
    private Path problem;

    @BeforeEach
    void setUp() throws IOException {
        commandLine = KoraCommand.commandLine(new NoDatabase(), "test");
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        problem = Files.writeString(folder.resolve("problem.json"), PROBLEM);
    }

    private Path plan(String offFrom, String offTo, String onFrom, String onTo) throws IOException {
        return Files.writeString(folder.resolve("plan.json"), PLAN.formatted(offFrom, offTo, onFrom, onTo));
    }

    @Test
    void cleanPlanExitsZero() throws IOException {
        var plan = plan("2026-03-01", "2026-05-31", "2026-06-01", "2026-08-31");

        var exit = commandLine.execute("check", "--problem", problem.toString(), "--plan", plan.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo("No conflicts: the plan keeps every rule." + System.lineSeparator());
    }

    @Test
    void planWithConflictsListsThemOneALineAndExitsOne() throws IOException {
        var plan = plan("2027-02-01", "2027-04-30", "2027-05-01", "2027-07-31");

        var exit = commandLine.execute("check", "--problem", problem.toString(), "--plan", plan.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactly(
                "T001's block 2027-02-01 to 2027-04-30 would start during Losar (2027-02-01 to 2027-02-20),"
                        + " when no block may start");
    }

    @Test
    void conflictsAreListedInTheChosenLanguage() throws IOException {
        var plan = plan("2027-02-01", "2027-04-30", "2027-05-01", "2027-07-31");

        commandLine.execute("--lang", "zh", "check", "--problem", problem.toString(), "--plan", plan.toString());

        assertThat(out.toString().lines()).containsExactly(
                "T001 的阶段 2027-02-01 至 2027-04-30 将在禁排期“Losar”（2027-02-01 至 2027-02-20）内开始");
    }

    @Test
    void missingPlanFileExitsOneWithTheMessage() {
        var missing = folder.resolve("missing.json");

        var exit = commandLine.execute("check", "--problem", problem.toString(), "--plan", missing.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("There is no file " + missing + ".");
    }

    @Test
    void missingOptionIsAUsageError() {
        var exit = commandLine.execute("check", "--problem", problem.toString());

        assertThat(exit).isEqualTo(2);
    }
}
