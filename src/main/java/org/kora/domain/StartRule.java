package org.kora.domain;

/** When an off-site block may start. */
public enum StartRule {
    /** On the first day of a month (the default). */
    MONTH_START,
    /** On any day. */
    ANY_DAY
}
