package org.kora.ui.main;

import java.util.Locale;

import org.kora.domain.Permission;

/** The main window's screens, each shown only to roles with its permission. */
public enum Area {
    PEOPLE(Permission.VIEW_PEOPLE),
    COHORTS(Permission.PLAN_COHORTS),
    CALENDAR(Permission.VIEW_CALENDAR),
    SIGNOFFS(Permission.VIEW_SIGNOFFS),
    DASHBOARD(Permission.VIEW_DASHBOARD),
    ACCOUNTS(Permission.MANAGE_ACCOUNTS),
    SETTINGS(Permission.EDIT_SETTINGS);

    private final Permission permission;

    Area(Permission permission) {
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }

    /** The message key of the area's name: {@code nav.people}, … */
    public String nameKey() {
        return "nav." + name().toLowerCase(Locale.ROOT);
    }

    /** The id of the area's navigation button: {@code navPeople}, … */
    public String navigationId() {
        return "nav" + name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The message key of the text a screen not built yet shows: {@code placeholder.people}, … */
    public String placeholderKey() {
        return "placeholder." + name().toLowerCase(Locale.ROOT);
    }
}
