package org.kora.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kora.domain.DateRange;
import org.kora.domain.KoraException;
import org.kora.domain.Messages;
import org.kora.domain.Problem;
import org.kora.domain.ProgramTemplate;
import org.kora.domain.StartRule;
import org.kora.io.JsonTree.Fields;
import org.kora.io.JsonTree.Items;
import org.kora.io.JsonTree.Node;
import org.kora.io.JsonTree.Value;
import org.kora.planning.Assignment;
import org.kora.planning.BlackoutPeriod;
import org.kora.planning.Conflict;
import org.kora.planning.HomeDepartment;
import org.kora.planning.HostDepartment;
import org.kora.planning.MentorSpec;
import org.kora.planning.Plan;
import org.kora.planning.PlanningProblem;
import org.kora.planning.TraineeSpec;
import org.kora.planning.Unplanned;

/**
 * The problem and plan files of ARCHITECTURE.md ("Problem file", "Plan file"), read and written.
 * Dates are ISO text; fields the format does not name are ignored, so files of other tools read.
 * A bad file is refused with a {@link KoraException} that names the file, the line and the field.
 *
 * <p>Beyond the documented problem format, an optional {@code "fixed"} list of assignments (in
 * the plan file's form) gives rotations already made, which count towards every load. A plan's
 * {@code "objective"} and {@code "conflicts"} are written for readers and ignored when read: a
 * check works them out again. A plan may name trainees or mentors the problem lacks; the checker
 * reports those as conflicts ({@code UNKNOWN_REFERENCE}) rather than refusing the file.
 */
public final class PlanningFiles {
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlanningFiles() {
    }

    /** Reads and checks a problem file: fields, values, unique ids and references between them. */
    public static PlanningProblem readProblem(Path file) {
        var root = new Source(file).object(parse(file));
        return root.problem();
    }

    /** Reads a plan file: its assignments and unplanned trainees. */
    public static Plan readPlan(Path file) {
        var root = new Source(file).object(parse(file));
        return root.plan();
    }

    /**
     * Writes a plan file: assignments, unplanned trainees with the reason in English, the
     * objective (planned, unplanned, total delay in days against each trainee's earliest start)
     * and the conflicts, each as rule, English message, trainees, resource and dates.
     */
    public static void writePlan(Path file, PlanningProblem problem, Plan plan, List<Conflict> conflicts) {
        var english = Messages.english();
        var root = MAPPER.createObjectNode();
        var assignments = root.putArray("assignments");
        for (var assignment : plan.assignments()) {
            var node = assignments.addObject();
            node.put("trainee", assignment.trainee());
            range(node.putObject("offSite"), assignment.offSite());
            range(node.putObject("onSite"), assignment.onSite());
            node.put("mentor", assignment.mentor());
        }
        var unplanned = root.putArray("unplanned");
        for (var entry : plan.unplanned()) {
            unplanned.addObject().put("trainee", entry.trainee()).put("reason", english.format(entry.reason()));
        }
        var objective = root.putObject("objective");
        objective.put("planned", plan.assignments().size());
        objective.put("unplanned", plan.unplanned().size());
        objective.put("totalDelayDays", totalDelayDays(problem, plan));
        var list = root.putArray("conflicts");
        for (var conflict : conflicts) {
            var node = list.addObject();
            node.put("rule", conflict.rule().name());
            node.put("message", english.format(conflict));
            strings(node.putArray("trainees"), conflict.trainees());
            node.put("resource", conflict.resource());
            node.put("from", conflict.dates().from().toString());
            node.put("to", conflict.dates().to().toString());
        }
        try {
            Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KoraException(e, "planfile.cannotWrite", file.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** Sum over assigned trainees of off-site start − earliest start, in days; trainees the problem lacks count 0. */
    static long totalDelayDays(PlanningProblem problem, Plan plan) {
        var earliest = new HashMap<String, LocalDate>();
        problem.trainees().forEach(trainee -> earliest.put(trainee.id(), trainee.earliestStart()));
        var total = 0L;
        for (var assignment : plan.assignments()) {
            var start = earliest.get(assignment.trainee());
            if (start != null) {
                total += ChronoUnit.DAYS.between(start, assignment.offSite().from());
            }
        }
        return total;
    }

    private static void range(ObjectNode node, DateRange range) {
        node.put("from", range.from().toString());
        node.put("to", range.to().toString());
    }

    private static void strings(ArrayNode node, List<String> values) {
        values.forEach(node::add);
    }

    private static Node parse(Path file) {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             var parser = JSON.createParser(reader)) {
            return JsonTree.read(parser);
        } catch (NoSuchFileException e) {
            throw new KoraException(e, "planfile.notFound", file.toString());
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            var line = location == null ? 0 : location.getLineNr();
            var column = location == null ? 0 : location.getColumnNr();
            throw new KoraException(e, "planfile.badJson", file.toString(), String.valueOf(line),
                    String.valueOf(column), e.getOriginalMessage());
        } catch (IOException e) {
            throw new KoraException(e, "planfile.unreadable", file.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** Turns nodes into values, refusing with the file, line and path of the first bad one. */
    private record Source(Path file) {
        KoraException refusal(Node node, String key, Object... more) {
            var args = new ArrayList<Object>(List.of(file.toString(), String.valueOf(node.line()),
                    node.path().isEmpty() ? "/" : node.path()));
            args.addAll(List.of(more));
            return new KoraException(key, args.toArray());
        }

        ObjectReader object(Node node) {
            if (node instanceof Fields fields) {
                return new ObjectReader(this, fields);
            }
            throw refusal(node, "planfile.notObject");
        }
    }

    /** One JSON object being read. */
    private record ObjectReader(Source reader, Fields node) {
        private Node field(String name) {
            var value = node.fields().get(name);
            if (value == null || value instanceof Value scalar && scalar.isNull()) {
                return null;
            }
            return value;
        }

        private Node required(String name) {
            var value = field(name);
            if (value == null) {
                var path = node.path().isEmpty() ? name : node.path() + "." + name;
                throw reader.refusal(new Value(path, node.line(), JsonToken.VALUE_NULL, ""), "planfile.missing");
            }
            return value;
        }

        ObjectReader object(String name) {
            return reader.object(required(name));
        }

        String text(String name) {
            return text(required(name));
        }

        private String text(Node value) {
            if (value instanceof Value scalar && scalar.token() == JsonToken.VALUE_STRING) {
                return scalar.text();
            }
            throw reader.refusal(value, "planfile.notText");
        }

        int integer(String name, int min, int max) {
            var value = required(name);
            if (!(value instanceof Value scalar) || scalar.token() != JsonToken.VALUE_NUMBER_INT) {
                throw reader.refusal(value, "planfile.notInteger");
            }
            long number;
            try {
                number = Long.parseLong(scalar.text());
            } catch (NumberFormatException e) {
                number = Long.MAX_VALUE;
            }
            if (number < min || number > max) {
                throw reader.refusal(value, "planfile.outOfRange", String.valueOf(min), String.valueOf(max),
                        scalar.text());
            }
            return (int) number;
        }

        LocalDate date(String name) {
            return date(required(name));
        }

        LocalDate optionalDate(String name) {
            var value = field(name);
            return value == null ? null : date(value);
        }

        private LocalDate date(Node value) {
            var text = text(value);
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw reader.refusal(value, "planfile.badDate", text);
            }
        }

        /** An object with ISO dates "from" and "to", the first not after the second. */
        DateRange range(String name) {
            return reader.object(required(name)).range();
        }

        DateRange range() {
            var from = date("from");
            var to = date("to");
            if (to.isBefore(from)) {
                throw reader.refusal(node, "planfile.reversed");
            }
            return DateRange.of(from, to);
        }

        /** The objects of a list; an absent or null list is empty. */
        List<ObjectReader> list(String name) {
            var value = field(name);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof Items items)) {
                throw reader.refusal(value, "planfile.notList");
            }
            return items.items().stream().map(reader::object).toList();
        }

        String id(String name, Set<String> known) {
            var id = text(name);
            if (!known.contains(id)) {
                throw reader.refusal(required(name), "planfile.unknownId", id);
            }
            return id;
        }

        PlanningProblem problem() {
            var horizon = range("horizon");
            var program = object("program").program();
            var blackouts = list("blackouts").stream()
                    .map(item -> new BlackoutPeriod(item.range(), item.text("label"))).toList();
            var hosts = unique(list("hostDepartments"), item -> new HostDepartment(item.text("id"),
                    item.integer("capacity", 1, Integer.MAX_VALUE)), HostDepartment::id);
            var homes = unique(list("homeDepartments"), ObjectReader::homeDepartment, HomeDepartment::id);
            var hostIds = ids(hosts, HostDepartment::id);
            var homeIds = ids(homes, HomeDepartment::id);
            var mentors = unique(list("mentors"), item -> item.mentor(homeIds), MentorSpec::id);
            var trainees = unique(list("trainees"), item -> item.trainee(homeIds, hostIds), TraineeSpec::id);
            var fixed = list("fixed").stream().map(ObjectReader::assignment).toList();
            return new PlanningProblem(horizon, program, blackouts, hosts, homes, mentors, trainees, fixed);
        }

        private ProgramTemplate program() {
            var startRule = text("startRule");
            StartRule rule;
            try {
                rule = StartRule.valueOf(startRule);
            } catch (IllegalArgumentException e) {
                throw reader.refusal(required("startRule"), "planfile.oneOf", "MONTH_START, ANY_DAY", startRule);
            }
            return new ProgramTemplate(integer("offSiteMonths", 1, 24), integer("onSiteMonths", 1, 24),
                    integer("travelDays", 0, 90), rule);
        }

        private HomeDepartment homeDepartment() {
            var headcount = integer("headcount", 1, Integer.MAX_VALUE);
            return new HomeDepartment(text("id"), headcount, integer("minOnDuty", 0, headcount - 1));
        }

        private MentorSpec mentor(Set<String> homeIds) {
            var deployments = list("deployments").stream().map(ObjectReader::range).toList();
            return new MentorSpec(text("id"), id("department", homeIds), integer("capacity", 1, Integer.MAX_VALUE),
                    deployments);
        }

        private TraineeSpec trainee(Set<String> homeIds, Set<String> hostIds) {
            var leave = list("leave").stream().map(ObjectReader::range).toList();
            return new TraineeSpec(text("id"), id("homeDepartment", homeIds), id("hostDepartment", hostIds),
                    date("earliestStart"), optionalDate("latestEnd"), leave);
        }

        Plan plan() {
            var assignments = list("assignments").stream().map(ObjectReader::assignment).toList();
            var unplanned = list("unplanned").stream()
                    .map(item -> new Unplanned(item.text("trainee"), new Problem("planfile.reason",
                            item.field("reason") == null ? "" : item.text("reason"))))
                    .toList();
            return new Plan(assignments, unplanned);
        }

        private Assignment assignment() {
            return new Assignment(text("trainee"), range("offSite"), range("onSite"), text("mentor"));
        }

        private <T> List<T> unique(List<ObjectReader> items, Function<ObjectReader, T> read, Function<T, String> id) {
            var seen = new HashSet<String>();
            var values = new ArrayList<T>();
            for (var item : items) {
                var value = read.apply(item);
                if (!seen.add(id.apply(value))) {
                    throw item.reader.refusal(item.required("id"), "planfile.duplicateId", id.apply(value));
                }
                values.add(value);
            }
            return values;
        }

        private static <T> Set<String> ids(List<T> values, Function<T, String> id) {
            var ids = new HashSet<String>();
            values.forEach(value -> ids.add(id.apply(value)));
            return ids;
        }
    }
}
