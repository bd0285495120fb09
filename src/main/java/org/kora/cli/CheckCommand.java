package org.kora.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.kora.io.PlanningFiles;
import org.kora.planning.ConflictFinder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kora check --problem FILE.json --plan PLAN.json}: lists every conflict of a plan, one a
 * line, in the user's language; exit 1 if there are any (or a file is refused), 0 if none. Needs
 * no database.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Lists every conflict of a plan, one a line; exit code 1 if there are any.")
final class CheckCommand implements Callable<Integer> {
    private final KoraCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--problem", required = true, paramLabel = "FILE.json", description = "The problem file.")
    Path problem;

    @Option(names = "--plan", required = true, paramLabel = "PLAN.json", description = "The plan file to check.")
    Path plan;

    CheckCommand(KoraCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        var conflicts = ConflictFinder.find(PlanningFiles.readProblem(problem), PlanningFiles.readPlan(plan));
        var messages = root.messages();
        var out = spec.commandLine().getOut();
        if (conflicts.isEmpty()) {
            out.println(messages.get("cli.check.clean"));
            return 0;
        }
        conflicts.forEach(conflict -> out.println(messages.format(conflict)));
        return 1;
    }
}
