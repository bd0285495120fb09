package org.kora.domain;

import java.util.Objects;

/** The shape of a program (培养方案): block lengths in months, travel days between them and the start rule. */
public record ProgramTemplate(int offSiteMonths, int onSiteMonths, int travelDays, StartRule startRule) {
    /** The 3+3 model: three months off site, three on site, no travel days, starting on the 1st. */
    public static final ProgramTemplate DEFAULT = new ProgramTemplate(3, 3, 0, StartRule.MONTH_START);

    public ProgramTemplate {
        if (offSiteMonths < 1 || offSiteMonths > 24 || onSiteMonths < 1 || onSiteMonths > 24) {
            throw new IllegalArgumentException("block lengths must be 1 to 24 months");
        }
        if (travelDays < 0 || travelDays > 90) {
            throw new IllegalArgumentException("travel days must be 0 to 90");
        }
        Objects.requireNonNull(startRule, "startRule");
    }
}
