package org.kora.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kora.io.PlanningFiles;

/** A generated problem written to a file reads back as the same problem. */
class ProblemFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {12, 200})
    void writtenProblemsReadBackUnchanged(int size) {
        var problem = ProblemGenerator.generate(size, 7);
        var file = dir.resolve("problem.json");

        ProblemFile.write(file, problem);

        assertThat(PlanningFiles.readProblem(file)).isEqualTo(problem);
    }
}
