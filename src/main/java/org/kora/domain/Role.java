package org.kora.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user account is for. The permissions here are the single source for both the services'
 * checks and the navigation a user is shown.
 */
public enum Role {
    /** Keeps Kora running: accounts, settings, backups; sees everything, signs nothing. */
    ADMIN(EnumSet.complementOf(EnumSet.of(Permission.SIGN_OFF))),
    /** Plans cohorts: people, curricula, imports, cohorts, the planner. */
    HR(EnumSet.of(Permission.VIEW_PEOPLE, Permission.EDIT_PEOPLE, Permission.EDIT_CURRICULA, Permission.PLAN_COHORTS,
            Permission.VIEW_CALENDAR, Permission.VIEW_SIGNOFFS, Permission.VIEW_DASHBOARD)),
    /** Signs off the competencies of their own mentees. */
    MENTOR(EnumSet.of(Permission.SIGN_OFF, Permission.VIEW_SIGNOFFS, Permission.VIEW_CALENDAR)),
    /** Oversees and prints: calendars, progress, figures. */
    MANAGER(EnumSet.of(Permission.VIEW_PEOPLE, Permission.VIEW_CALENDAR, Permission.VIEW_SIGNOFFS,
            Permission.VIEW_DASHBOARD));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }
}
