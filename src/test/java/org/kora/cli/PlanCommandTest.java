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

import picocli.CommandLine;

class PlanCommandTest {
    /** Two anaesthetists and a third who must wait: only two may be away at once. */
    private static final String PROBLEM = """
            {
              "horizon":   { "from": "2026-01-01", "to": "2028-12-31" },
              "program":   { "offSiteMonths": 3, "onSiteMonths": 3, "travelDays": 0, "startRule": "MONTH_START" },
              "blackouts": [ { "from": "2027-02-01", "to": "2027-02-20", "label": "Losar" } ],
              "hostDepartments": [ { "id": "SL-ANES", "capacity": 3 } ],
              "homeDepartments": [ { "id": "BT-ANES", "headcount": 6, "minOnDuty": 4 } ],
              "mentors":  [ { "id": "M01", "department": "BT-ANES", "capacity": 3,
                              "deployments": [ { "from": "2026-01-01", "to": "2027-12-31" } ] } ],
              "trainees": [
                { "id": "T001", "homeDepartment": "BT-ANES", "hostDepartment": "SL-ANES",
                  "earliestStart": "2026-03-01", "latestEnd": null, "leave": [] },
                { "id": "T002", "homeDepartment": "BT-ANES", "hostDepartment": "SL-ANES",
                  "earliestStart": "2026-03-01", "latestEnd": null, "leave": [] },
                { "id": "T003", "homeDepartment": "BT-ANES", "hostDepartment": "SL-ANES",
                  "earliestStart": "2026-03-01", "latestEnd": null, "leave": [] },
                { "id": "T009", "homeDepartment": "BT-ANES", "hostDepartment": "SL-ANES",
                  "earliestStart": "2028-06-01", "latestEnd": null, "leave": [] } ]
            }
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

    @Test
    void planFileKeepsTwoAnaesthetistsOnDutyAndPassesCheck() throws IOException {
        var plan = folder.resolve("plan.json");

        var exit = commandLine.execute("plan", "--problem", problem.toString(), "--out", plan.toString(),
                "--time-limit", "2s");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Planned 3 trainees; 1 could not be placed");
        var written = Files.readString(plan);
        assertThat(written).contains("\"T003\"").contains("\"offSite\"").contains("\"totalDelayDays\"")
                .contains("\"trainee\" : \"T009\"");
        assertThat(commandLine.execute("check", "--problem", problem.toString(), "--plan", plan.toString())).isZero();
    }

    @Test
    void unplacedTraineeComesBackWithItsReason() throws IOException {
        var plan = folder.resolve("plan.json");
        commandLine.execute("plan", "--problem", problem.toString(), "--out", plan.toString(), "--time-limit", "1s");
        assertThat(Files.readString(plan)).contains("No BT-ANES mentor is deployed");
    }

    @Test
    void malformedTimeLimitIsAUsageError() {
        var exit = commandLine.execute("plan", "--problem", problem.toString(), "--out", "x.json", "--time-limit", "soon");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("not a duration: soon");
    }

    @Test
    void missingProblemFileIsRefusedWithItsName() {
        var missing = folder.resolve("nowhere.json");
        var exit = commandLine.execute("plan", "--problem", missing.toString(), "--out", "x.json");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("There is no file").contains("nowhere.json");
    }
}
