package org.kora.planning;

import java.nio.file.Path;

/**
 * Writes a generated problem file for {@code kora plan} and {@code kora check}:
 * {@code GenerateProblem SIZE SEED FILE}, on the bench profile's test class path (the commands are
 * in docs/planner.md, "Generated problems").
 */
public final class GenerateProblem {
    private GenerateProblem() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: GenerateProblem SIZE SEED FILE");
            System.exit(2);
        }
        var problem = ProblemGenerator.generate(Integer.parseInt(args[0]), Long.parseLong(args[1]));
        ProblemFile.write(Path.of(args[2]), problem);
        System.out.println(problem.trainees().size() + " trainees written to " + args[2]);
    }
}
