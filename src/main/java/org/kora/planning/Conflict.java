package org.kora.planning;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.kora.domain.DateRange;
import org.kora.domain.Localized;

/**
 * A broken rule of a plan: which rule, the trainees involved (sorted), the department, mentor or
 * blackout concerned (for rules about a trainee alone, the trainee), the days, and the message
 * that tells a planner all of it. Language-neutral: the arguments are ids, counts and ISO dates
 * (2027-03-01), which read the same in both languages and keep conflicts comparable as values.
 */
public record Conflict(Rule rule, List<String> trainees, String resource, DateRange dates, String messageKey,
                       List<Object> arguments) implements Localized {
    /** A stable order: by rule, then first day, resource, trainees and the rest. */
    public static final Comparator<Conflict> ORDER = Comparator.comparing(Conflict::rule)
            .thenComparing(conflict -> conflict.dates().from())
            .thenComparing(Conflict::resource)
            .thenComparing(conflict -> String.join(",", conflict.trainees()))
            .thenComparing(conflict -> conflict.dates().to())
            .thenComparing(Conflict::messageKey)
            .thenComparing(conflict -> conflict.arguments().toString());

    public Conflict {
        Objects.requireNonNull(rule, "rule");
        trainees = List.copyOf(trainees);
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(messageKey, "messageKey");
        arguments = List.copyOf(arguments);
    }

    @Override
    public Object[] messageArgs() {
        return arguments.toArray();
    }
}
