package org.kora.app;

import java.time.Clock;

import org.kora.io.ImportFiles;
import org.kora.service.AuditService;
import org.kora.service.AuthService;
import org.kora.service.BackupService;
import org.kora.service.BlackoutService;
import org.kora.service.CalendarService;
import org.kora.service.CohortPlanningService;
import org.kora.service.CurriculumService;
import org.kora.service.DemoService;
import org.kora.service.ImportService;
import org.kora.service.PassphraseRules;
import org.kora.service.PasswordHasher;
import org.kora.service.PeopleService;
import org.kora.service.Services;
import org.kora.service.SignOffService;
import org.kora.service.UserService;
import org.kora.store.DatabaseFile;
import org.kora.store.KeyFile;
import org.kora.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the services of one database. */
public final class ServiceFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceFactory.class);

    /** Lets the test suite hash passwords faster; never lowered for real use. */
    static final String ITERATIONS_PROPERTY = "kora.passwordIterations";

    private final Clock clock;
    private final PasswordHasher hasher;

    public ServiceFactory(Clock clock) {
        this.clock = clock;
        var iterations = Integer.getInteger(ITERATIONS_PROPERTY, PasswordHasher.DEFAULT_ITERATIONS);
        if (iterations < PasswordHasher.DEFAULT_ITERATIONS) {
            LOG.warn("Password hashing lowered to {} iterations by -D{}: for tests only", iterations, ITERATIONS_PROPERTY);
        }
        this.hasher = new PasswordHasher(iterations);
    }

    /** Opens an existing database, and makes the automatic backup of the day if none was made today. */
    public Services open(DatabaseFile file) {
        var services = services(Store.open(file));
        services.backups().daily();
        return services;
    }

    public Services create(DatabaseFile file) {
        return services(Store.create(file));
    }

    /**
     * Opens a database: encrypted if {@code passphrase} is given, which unseals its key file
     * first (a wrong passphrase is refused there, before H2 reads the file; see
     * {@link Store#openWithPassphrase}); plain if it is null. Then the automatic backup of the day,
     * as for a plain one.
     */
    public Services open(DatabaseFile file, char[] passphrase) {
        if (passphrase == null) {
            return open(file);
        }
        var services = services(Store.openWithPassphrase(file, passphrase));
        services.backups().daily();
        return services;
    }

    /**
     * Creates a database: encrypted with a new random key sealed by {@code passphrase} in its key
     * file if the passphrase is given, plain if it is null. Refuses a passphrase too short.
     */
    public Services create(DatabaseFile file, char[] passphrase) {
        if (passphrase == null) {
            return create(file);
        }
        PassphraseRules.check(passphrase);
        var key = KeyFile.create(file, passphrase);
        try {
            return services(Store.create(file, key));
        } finally {
            key.destroy();
        }
    }

    private Services services(Store store) {
        return new Services(store, new AuthService(store, hasher, clock), new UserService(store, hasher, clock),
                new DemoService(store, hasher, clock), new ImportService(store, new ImportFiles(), clock),
                new PeopleService(store, clock), new CohortPlanningService(store, clock), new CalendarService(store, clock),
                new BlackoutService(store, clock), new SignOffService(store, hasher, clock),
                new CurriculumService(store, clock), new AuditService(store, clock),
                new BackupService(store, clock));
    }
}
