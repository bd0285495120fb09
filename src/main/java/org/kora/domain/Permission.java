package org.kora.domain;

/** Something a signed-in user may do; each {@link Role} holds a fixed set of them. */
public enum Permission {
    MANAGE_ACCOUNTS,
    EDIT_SETTINGS,
    VIEW_PEOPLE,
    EDIT_PEOPLE,
    /** Change home departments' curricula (the competencies mentors sign off). */
    EDIT_CURRICULA,
    PLAN_COHORTS,
    VIEW_CALENDAR,
    SIGN_OFF,
    VIEW_SIGNOFFS,
    VIEW_DASHBOARD,
    /** Check the sign-off hash chain for edits made behind Kora's back. */
    VERIFY_AUDIT,
    /** Make backups, choose their folder, restore one. */
    MANAGE_BACKUPS
}
