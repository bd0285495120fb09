package org.kora.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** A date as people type it in China and elsewhere: {@code 2026-03-01}, {@code 2026/3/1}, {@code 2026.3.1}, {@code 2026年3月1日}. */
public final class TypedDate {
    private static final Pattern NUMERIC_DATE =
            Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?");

    private TypedDate() {
    }

    /** The day {@code text} names (a time of day after it is ignored), or null when it names none. */
    public static LocalDate parse(String text) {
        var trimmed = text == null ? "" : text.strip();
        try {
            var numeric = NUMERIC_DATE.matcher(trimmed);
            if (numeric.matches()) {
                return LocalDate.of(Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(3)),
                        Integer.parseInt(numeric.group(4)));
            }
            var chinese = CHINESE_DATE.matcher(trimmed);
            if (chinese.matches()) {
                return LocalDate.of(Integer.parseInt(chinese.group(1)), Integer.parseInt(chinese.group(2)),
                        Integer.parseInt(chinese.group(3)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }
}
