package org.kora.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.kora.domain.Messages;
import org.kora.io.PlanningFiles;
import org.kora.planning.AutoPlanner;
import org.kora.planning.ConflictFinder;
import org.kora.planning.PlannerOptions;
import org.kora.planning.PlannerProgress;
import org.kora.service.PlanPreview;
import org.kora.service.PlanRowKind;
import org.kora.service.RotationPlacement;
import org.kora.service.RotationPreview;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Two forms. {@code kora plan --problem FILE.json --out PLAN.json [--time-limit 10s]}: the
 * auto-planner as a pure function from a problem file to a plan file, with no database.
 * {@code kora plan COHORT --user NAME [--apply]}: plans the named cohort in the database, prints
 * one line per rotation (old → new dates and mentor, or why it is not placed) and, with
 * {@code --apply}, saves it. Exit 0 done; 1 refused; 2 usage (both forms mixed, or neither).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plans a problem file into a plan file, with no database; or plans a cohort in the database.")
final class PlanCommand implements Callable<Integer> {
    private final KoraCommand root;
    private final Backend backend;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "COHORT",
            description = "The name of a cohort to plan in the database (instead of --problem and --out).")
    String cohort;

    @Option(names = "--problem", paramLabel = "FILE.json", description = "The problem file.")
    Path problem;

    @Option(names = "--out", paramLabel = "PLAN.json", description = "Where to write the plan.")
    Path out;

    @Option(names = "--user", paramLabel = "NAME",
            description = "With COHORT: the account to plan as (password from KORA_PASSWORD, else asked).")
    String user;

    @Option(names = "--apply", description = "With COHORT: save the plan, not only show it.")
    boolean apply;

    @Option(names = "--time-limit", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "How long the planner may improve its first plan: 10s, 500ms, 2m (default 10s).")
    Duration timeLimit;

    PlanCommand(KoraCommand root, Backend backend) {
        this.root = root;
        this.backend = backend;
    }

    @Override
    public Integer call() {
        var messages = root.messages();
        var fileForm = problem != null || out != null;
        if (cohort != null && fileForm || cohort == null && (problem == null || out == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), messages.get("cli.plan.usage"));
        }
        if (cohort == null) {
            return planFile();
        }
        if (user == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), messages.get("cli.plan.needsUser"));
        }
        return planCohort(messages);
    }

    private int planFile() {
        var input = PlanningFiles.readProblem(problem);
        var plan = new AutoPlanner().plan(input, PlannerOptions.DEFAULT.withTimeLimit(timeLimit), PlannerProgress.NONE);
        var conflicts = ConflictFinder.find(input, plan);
        PlanningFiles.writePlan(out, input, plan, conflicts);
        spec.commandLine().getOut().println(root.messages().format("cli.plan.done", plan.assignments().size(),
                plan.unplanned().size(), out));
        return conflicts.isEmpty() ? 0 : 1;
    }

    private int planCohort(Messages messages) {
        var output = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return Credentials.signedIn(root, backend, spec, user, (services, session) -> {
            var cohorts = services.cohorts();
            var found = cohorts.findByName(session, cohort);
            var preview = cohorts.plan(session, List.of(found.id()), PlannerOptions.DEFAULT.withTimeLimit(timeLimit),
                    PlannerProgress.NONE);
            print(preview, messages, output);
            if (!preview.conflicts().isEmpty()) {
                err.println(messages.get("cli.plan.notApplied"));
                return 1;
            }
            if (!apply) {
                output.println(messages.get("cli.plan.preview"));
                return 0;
            }
            var undo = cohorts.apply(session, preview);
            output.println(messages.format("cli.plan.applied", undo.rotationIds().size()));
            return 0;
        });
    }

    private static void print(PlanPreview preview, Messages messages, PrintWriter output) {
        var horizon = preview.problem().horizon();
        output.println(messages.format("cli.plan.summary", preview.cohortNames(), messages.date(horizon.from()),
                messages.date(horizon.to()), preview.count(PlanRowKind.NEW), preview.count(PlanRowKind.MOVED),
                preview.count(PlanRowKind.NEW_MENTOR), preview.count(PlanRowKind.UNCHANGED),
                preview.count(PlanRowKind.UNPLANNED), preview.count(PlanRowKind.PINNED)));
        for (var row : preview.rows()) {
            output.println(line(row, messages));
        }
        preview.conflicts().forEach(conflict -> output.println(messages.format("cli.plan.conflict",
                messages.format(preview.readable(conflict)))));
    }

    private static String line(RotationPreview row, Messages messages) {
        var name = row.traineeName();
        var before = placement(row.before(), messages);
        var after = placement(row.after(), messages);
        return switch (row.kind()) {
            case NEW -> messages.format("cli.plan.row.new", name, after);
            case MOVED -> messages.format("cli.plan.row.moved", name, before, after);
            case NEW_MENTOR -> messages.format("cli.plan.row.newMentor", name, before, after);
            case UNCHANGED -> messages.format("cli.plan.row.unchanged", name, after);
            case PINNED -> row.before() == null ? messages.format("cli.plan.row.pinnedUndated", name)
                    : messages.format("cli.plan.row.pinned", name, before);
            case UNPLANNED -> row.before() == null
                    ? messages.format("cli.plan.row.unplanned", name, messages.format(row.reason()))
                    : messages.format("cli.plan.row.unplannedWas", name, before, messages.format(row.reason()));
        };
    }

    private static String placement(RotationPlacement placement, Messages messages) {
        if (placement == null) {
            return "";
        }
        return messages.format("cli.plan.placement", messages.date(placement.offSite().from()),
                messages.date(placement.offSite().to()), messages.date(placement.onSite().from()),
                messages.date(placement.onSite().to()), placement.mentorName());
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
