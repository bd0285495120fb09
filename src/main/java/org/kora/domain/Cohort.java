package org.kora.domain;

/** Trainees planned together under one program template (批次). */
public record Cohort(long id, String name, int offSiteMonths, int onSiteMonths, int travelDays,
                     StartRule startRule) {
    public Cohort {
        Text.requireName(name, "name");
        new ProgramTemplate(offSiteMonths, onSiteMonths, travelDays, startRule);
    }

    public ProgramTemplate template() {
        return new ProgramTemplate(offSiteMonths, onSiteMonths, travelDays, startRule);
    }
}
