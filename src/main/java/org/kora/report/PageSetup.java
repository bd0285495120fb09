package org.kora.report;

import java.time.LocalDate;
import java.util.Objects;

/** What every print has: its title, the paper it is laid out for and the date printed on it. */
public record PageSetup(String title, Paper paper, LocalDate printDate) {
    public PageSetup {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(printDate, "printDate");
    }
}
