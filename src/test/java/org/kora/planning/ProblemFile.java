package org.kora.planning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kora.domain.DateRange;

/**
 * Writes a planning problem in the problem-file format of ARCHITECTURE.md, so that generated
 * problems can be given to {@code kora plan} and {@code kora check} and to other tools. Fixed
 * assignments have no place in that format and are refused.
 */
final class ProblemFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProblemFile() {
    }

    static void write(Path file, PlanningProblem problem) {
        if (!problem.fixed().isEmpty()) {
            throw new IllegalArgumentException("the problem file has no fixed assignments");
        }
        var root = MAPPER.createObjectNode();
        range(root.putObject("horizon"), problem.horizon());
        var program = root.putObject("program");
        program.put("offSiteMonths", problem.program().offSiteMonths());
        program.put("onSiteMonths", problem.program().onSiteMonths());
        program.put("travelDays", problem.program().travelDays());
        program.put("startRule", problem.program().startRule().name());
        var blackouts = root.putArray("blackouts");
        for (var blackout : problem.blackouts()) {
            range(blackouts.addObject(), blackout.range()).put("label", blackout.label());
        }
        var hosts = root.putArray("hostDepartments");
        for (var host : problem.hostDepartments()) {
            hosts.addObject().put("id", host.id()).put("capacity", host.capacity());
        }
        var homes = root.putArray("homeDepartments");
        for (var home : problem.homeDepartments()) {
            homes.addObject().put("id", home.id()).put("headcount", home.headcount()).put("minOnDuty", home.minOnDuty());
        }
        var mentors = root.putArray("mentors");
        for (var mentor : problem.mentors()) {
            var node = mentors.addObject().put("id", mentor.id()).put("department", mentor.department())
                    .put("capacity", mentor.capacity());
            ranges(node.putArray("deployments"), mentor.deployments());
        }
        var trainees = root.putArray("trainees");
        for (var trainee : problem.trainees()) {
            var node = trainees.addObject().put("id", trainee.id()).put("homeDepartment", trainee.homeDepartment())
                    .put("hostDepartment", trainee.hostDepartment());
            date(node, "earliestStart", trainee.earliestStart());
            date(node, "latestEnd", trainee.latestEnd());
            ranges(node.putArray("leave"), trainee.leave());
        }
        try {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode range(ObjectNode node, DateRange range) {
        return node.put("from", range.from().toString()).put("to", range.to().toString());
    }

    private static void ranges(ArrayNode array, Iterable<DateRange> ranges) {
        ranges.forEach(range -> range(array.addObject(), range));
    }

    private static void date(ObjectNode node, String field, LocalDate date) {
        if (date == null) {
            node.putNull(field);
        } else {
            node.put(field, date.toString());
        }
    }
}
