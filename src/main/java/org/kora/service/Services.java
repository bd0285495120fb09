package org.kora.service;

import org.kora.store.Store;

/** The services of one open database, and closing it. */
public record Services(Store store, AuthService auth, UserService users, DemoService demo, ImportService imports,
                       PeopleService people, CohortPlanningService cohorts, CalendarService calendar,
                       BlackoutService blackouts, SignOffService signOffs, CurriculumService curricula,
                       AuditService audit, BackupService backups)
        implements AutoCloseable {
    /** The file the services work on, for the status bar and messages. */
    public String databaseName() {
        return store.file().toString();
    }

    @Override
    public void close() {
        store.close();
    }
}
