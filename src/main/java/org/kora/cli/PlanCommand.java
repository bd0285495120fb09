package org.kora.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.kora.io.PlanningFiles;
import org.kora.planning.AutoPlanner;
import org.kora.planning.ConflictFinder;
import org.kora.planning.PlannerOptions;
import org.kora.planning.PlannerProgress;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kora plan --problem FILE.json --out PLAN.json [--time-limit 10s]}: the auto-planner as a
 * pure function from a problem file to a plan file, with no database.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plans a problem file into a plan file, with no database.")
final class PlanCommand implements Callable<Integer> {
    private final KoraCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--problem", required = true, paramLabel = "FILE.json", description = "The problem file.")
    Path problem;

    @Option(names = "--out", required = true, paramLabel = "PLAN.json", description = "Where to write the plan.")
    Path out;

    @Option(names = "--time-limit", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "How long the planner may improve its first plan: 10s, 500ms, 2m (default 10s).")
    Duration timeLimit;

    PlanCommand(KoraCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        var input = PlanningFiles.readProblem(problem);
        var plan = new AutoPlanner().plan(input, PlannerOptions.DEFAULT.withTimeLimit(timeLimit), PlannerProgress.NONE);
        var conflicts = ConflictFinder.find(input, plan);
        PlanningFiles.writePlan(out, input, plan, conflicts);
        spec.commandLine().getOut().println(root.messages().format("cli.plan.done", plan.assignments().size(),
                plan.unplanned().size(), out));
        return conflicts.isEmpty() ? 0 : 1;
    }

    /** Reads {@code 10s}, {@code 500ms}, {@code 2m} or a bare number of seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m)?");

        @Override
        public Duration convert(String value) {
            var match = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!match.matches()) {
                throw new CommandLine.TypeConversionException("not a duration: " + value + " (write 10s, 500ms or 2m)");
            }
            var amount = Long.parseLong(match.group(1));
            var unit = match.group(2) == null ? "s" : match.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
    }
}
