package org.kora.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.result.UnableToProduceResultException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.kora.domain.Blackout;
import org.kora.domain.Block;
import org.kora.domain.Cohort;
import org.kora.domain.Competency;
import org.kora.domain.Department;
import org.kora.domain.Deployment;
import org.kora.domain.Hospital;
import org.kora.domain.Leave;
import org.kora.domain.Mentor;
import org.kora.domain.Partnership;
import org.kora.domain.Rotation;
import org.kora.domain.SignOff;
import org.kora.domain.Trainee;
import org.kora.domain.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kora's embedded H2 database: opened (or created) with Flyway's migrations applied, then used
 * through {@link #inTransaction}, one transaction per service call. Holds the file open, and so
 * locked against a second program, until {@link #close()}.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** Closing compacts the file when less of it than this is live data. */
    static final int LIVE_PERCENT_KEPT = 50;
    private static final String WRONG_PASSPHRASE = "store.encryption.wrongPassphrase";
    /** Refusals of a key file that a key file left by a restore cut short may answer. */
    private static final Set<String> KEY_REFUSALS = Set.of(WRONG_PASSPHRASE,
            "store.encryption.wrongKey", "store.encryption.keyFileMissing");

    private final DatabaseFile file;
    private final JdbcConnectionPool pool;
    private final Connection keeper;
    private final Jdbi jdbi;
    private final StoreException backupWarning;
    private final boolean encrypted;
    private boolean closed;
    /**
     * Set once the database stopped for good (damaged, or a write the disk refused): gives the refusal
     * of every later call, and nothing may then rewrite the file. Null while the database works.
     */
    private volatile Supplier<StoreException> stopped;

    private Store(DatabaseFile file, JdbcConnectionPool pool, Connection keeper, StoreException backupWarning,
                  boolean encrypted) {
        this.file = file;
        this.pool = pool;
        this.keeper = keeper;
        this.backupWarning = backupWarning;
        this.encrypted = encrypted;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        for (var record : new Class<?>[] {Hospital.class, Partnership.class, Department.class, Trainee.class,
                Mentor.class, Deployment.class, Leave.class, Blackout.class, Cohort.class, Rotation.class,
                Block.class, Competency.class, SignOff.class, User.class, AuditEntry.class}) {
            jdbi.registerRowMapper(ConstructorMapper.factory(record));
        }
        jdbi.registerArgument(new InstantArgumentFactory());
    }

    /**
     * Binds an instant as a UTC timestamp with time zone, cut to the microseconds the columns keep.
     * Jdbi's default goes through {@link java.sql.Timestamp} and the JVM's zone, which shifts the
     * hour the clocks go back by an hour; and H2 would round nanoseconds, moving a sign-off's time
     * into the next millisecond that its hash does not cover.
     */
    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setObject(position,
                    value.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
        }
    }

    /**
     * Opens an existing database; refuses a path with no database rather than creating one, and a
     * file too short to hold one (H2 would quietly make a new, empty database in it).
     */
    public static Store open(DatabaseFile file) {
        return open(file, null);
    }

    /**
     * Opens an existing database, encrypted with {@code key} ({@link KeyFile#unlock}), or plain if
     * {@code key} is null. An encrypted database asked for with no key is refused as locked, never
     * as damaged.
     */
    public static Store open(DatabaseFile file, FileKey key) {
        if (!file.exists()) {
            throw new StoreException(null, "store.notFound", file);
        }
        if (key == null && file.isEncrypted()) {
            throw new StoreException(null, "store.encryption.locked", file);
        }
        if (file.size() <= DamagedFile.HEADER_BYTES) {
            throw DamagedFile.refusal(null, file);
        }
        if (key == null) {
            // an encrypted file is not read through first: H2 tells a wrong key from damage only when opening for writing
            probe(file);
        }
        return connect(file, false, true, key);
    }

    /**
     * Opens an encrypted database with its passphrase: unseals its key file ({@link KeyFile#unlock}),
     * then opens it. A restore cut short between moving the restored database in and moving its key
     * file in ({@link Backups#restore}) leaves that key file as {@code <name>-restored.key}: if the
     * key file does not open the database and that one does, it is the database's key and is moved
     * in now; if the key file opens the database, the left-over one is removed. A wrong passphrase,
     * a missing key file or another database's key changes nothing.
     */
    public static Store openWithPassphrase(DatabaseFile file, char[] passphrase) {
        var restored = file.restoredKeyFile();
        StoreException refused;
        try {
            var store = openWithKeyFile(file, file.keyFile(), passphrase);
            removeLeftOver(restored);
            return store;
        } catch (StoreException e) {
            if (!Files.isRegularFile(restored) || !KEY_REFUSALS.contains(e.messageKey())) {
                throw e;
            }
            refused = e;
        }
        Store store;
        try {
            store = openWithKeyFile(file, restored, passphrase);
        } catch (StoreException e) {
            // the key file is not the database's and the restored one refuses the passphrase: that passphrase is
            // wrong; a refusal that is not about keys (in use, damaged) says more than the first one
            var passphraseWrong = WRONG_PASSPHRASE.equals(e.messageKey()) && !WRONG_PASSPHRASE.equals(refused.messageKey());
            throw passphraseWrong || !KEY_REFUSALS.contains(e.messageKey()) ? e : refused;
        }
        try {
            Files.move(restored, file.keyFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Finished a restore cut short: {} is now the key file of {}", restored, file);
        } catch (IOException e) {
            LOG.warn("Cannot move {} to {}; the next open tries again", restored, file.keyFile(), e);
        }
        return store;
    }

    private static Store openWithKeyFile(DatabaseFile file, Path keyFile, char[] passphrase) {
        var key = KeyFile.unlock(file, keyFile, passphrase);
        try {
            return open(file, key);
        } finally {
            key.destroy();
        }
    }

    private static void removeLeftOver(Path restored) {
        try {
            if (Files.deleteIfExists(restored)) {
                LOG.info("Removed {}, left by a restore that never replaced the database", restored);
            }
        } catch (IOException e) {
            LOG.warn("Cannot remove {}", restored, e);
        }
    }

    /**
     * Opens a database as it is, not migrated, to check it (a backup before it is restored):
     * encrypted with {@code key}, or plain if it is null.
     */
    static Store inspect(DatabaseFile file, FileKey key) {
        return connect(file, false, false, key);
    }

    /** Creates a new, empty database; refuses if the file already exists. */
    public static Store create(DatabaseFile file) {
        return create(file, null);
    }

    /**
     * Creates a new, empty database, encrypted with {@code key} ({@link KeyFile#create}) or plain if
     * {@code key} is null; refuses if the file already exists. If an encrypted creation fails, its
     * key file goes too.
     */
    public static Store create(DatabaseFile file, FileKey key) {
        if (file.exists()) {
            throw new StoreException(null, "store.exists", file);
        }
        try {
            Files.createDirectories(file.file().getParent());
        } catch (IOException e) {
            throw new StoreException(e, "store.cannotCreate", file, e.getMessage());
        }
        try {
            return connect(file, true, true, key);
        } catch (StoreException e) {
            removeHalfMade(file, key != null);
            throw e;
        }
    }

    /** A database whose creation failed is removed, so that the user can simply try again. */
    private static void removeHalfMade(DatabaseFile file, boolean encrypted) {
        if (encrypted) {
            try {
                KeyFile.removeHalfMade(file);
            } catch (IOException e) {
                LOG.warn("Cannot remove {} after a failed creation", file.keyFile(), e);
            }
        }
        file.removeFromDisk();
    }

    /**
     * Reads the whole file with H2 unable to write to it: H2 opening a damaged file for writing
     * rewrites its header or drops its newest chunks before it fails, so damage must show first.
     */
    private static void probe(DatabaseFile file) {
        try (var connection = DriverManager.getConnection(file.readOnlyUrl(), "sa", "")) {
            DamagedFile.readEverything(connection, file);
        } catch (SQLException e) {
            // opening an existing file only to read it: failing for any reason but these is its content's fault; a
            // wrong user name or password among them, as Kora opens every plain file as "sa" with no password
            throw switch (e.getErrorCode()) {
                case ErrorCode.DATABASE_ALREADY_OPEN_1, ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1,
                        ErrorCode.WRONG_PASSWORD_FORMAT, ErrorCode.IO_EXCEPTION_2 -> translate(e, file);
                default -> DamagedFile.refusal(e, file);
            };
        }
    }

    private static Store connect(DatabaseFile file, boolean create, boolean migrate, FileKey key) {
        var url = file.url(create, key != null);
        var password = key != null ? key.h2Password() : "";
        var pool = JdbcConnectionPool.create(url, "sa", password);
        Connection keeper;
        try {
            // not one of the pool's: after a SHUTDOWN only a plain connection closes without H2 tracing an error,
            // and one left unclosed is traced, once collected, into whichever database H2 opens next
            keeper = DriverManager.getConnection(url, "sa", password);
        } catch (SQLException e) {
            pool.dispose();
            throw translate(e, file);
        }
        try {
            var backupWarning = migrate ? migrate(pool, keeper, file, key != null) : null;
            LOG.info("Opened {}", file);
            return new Store(file, pool, keeper, backupWarning, key != null);
        } catch (RuntimeException e) {
            if (!create) {
                DamagedFile.stopWriting(keeper);
            }
            closeQuietly(keeper);
            pool.dispose();
            throw e;
        }
    }

    /** Migrates; returns why the backup before a migration failed, or null. */
    private static StoreException migrate(JdbcConnectionPool pool, Connection keeper, DatabaseFile file, boolean encrypted) {
        var flyway = SchemaHistory.configure().dataSource(pool).load();
        try {
            var newer = SchemaHistory.newerVersion(flyway.info());
            if (newer.isPresent()) {
                throw new StoreException(null, "store.newerSchema", file, newer.get());
            }
            StoreException backupWarning = null;
            if (flyway.info().current() != null && flyway.info().pending().length > 0) {
                backupWarning = Backups.beforeMigration(keeper, file, encrypted).orElse(null);
            }
            flyway.migrate();
            return backupWarning;
        } catch (FlywayValidateException e) {
            // Kora's own migrations never change, so a history that no longer matches them was damaged
            throw DamagedFile.refusal(e, file);
        } catch (FlywayException e) {
            // Flyway writes to its history table on every open, migrations or not
            var diskRefused = DiskRefusal.reason(e);
            if (diskRefused.isPresent()) {
                throw new StoreException(e, "store.diskRefusedOnOpen", file, diskRefused.get());
            }
            if (DamagedFile.isDamage(e)) {
                // an encrypted file that reads as garbage was opened with another database's key
                throw file.isEncrypted() ? new StoreException(e, "store.encryption.wrongKey", file, file.keyFile())
                        : DamagedFile.refusal(e, file);
            }
            throw new StoreException(e, "store.migrationFailed", file, e.getMessage());
        }
    }

    static StoreException translate(SQLException e, DatabaseFile file) {
        var diskRefused = DiskRefusal.reason(e);
        if (diskRefused.isPresent()) {
            return new StoreException(e, "store.diskRefusedOnOpen", file, diskRefused.get());
        }
        if (e.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1) {
            // the key unsealed, so the key file is good: it belongs to another database
            return new StoreException(e, "store.encryption.wrongKey", file, file.keyFile());
        }
        if (DamagedFile.isDamage(e)) {
            // an encrypted file read without its key looks "corrupted" to H2: say what it is instead
            return file.isEncrypted() ? new StoreException(e, "store.encryption.locked", file) : DamagedFile.refusal(e, file);
        }
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> new StoreException(e, "store.inUse", file);
            case ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1 -> new StoreException(e, "store.notFound", file);
            default -> new StoreException(e, "store.cannotOpen", file, e.getMessage());
        };
    }

    public DatabaseFile file() {
        return file;
    }

    /**
     * Whether this database was opened with a key. Known from the opening, never read from the file:
     * a program that opens and closes the file it holds drops H2's lock on it (Linux).
     */
    public boolean isEncrypted() {
        return encrypted;
    }

    /** Why the automatic backup before this open's migration failed; empty if it did not or none was due. */
    public Optional<StoreException> backupWarning() {
        return Optional.ofNullable(backupWarning);
    }

    DataSource dataSource() {
        return pool;
    }

    /**
     * Every commit is appended to the file ({@link DatabaseFile#url}), so a database written to all
     * day is mostly chunks that newer ones replaced. When less than half of the file is live data,
     * closing rewrites it whole ({@code SHUTDOWN COMPACT}: into a new file that then replaces the old
     * one, so a kill meanwhile, or a disk with no room for the copy, leaves the old file as it was).
     */
    private void compactIfMostlyOld() {
        var before = file.size();
        try (var statement = keeper.createStatement();
             var live = statement.executeQuery("SELECT CAST(SETTING_VALUE AS INT) FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            if (live.next() && live.getInt(1) < LIVE_PERCENT_KEPT) {
                statement.execute("SHUTDOWN COMPACT");
                if (Files.exists(file.compactionCopy()) || file.size() >= before) {
                    // H2 gives up without a word when the disk refuses the copy or its own last write
                    LOG.warn("Compacting {} on closing failed (no room, or no right, to write its copy beside it);"
                            + " it stays as it was, {} bytes", file, file.size());
                } else {
                    LOG.info("Compacted {} from {} to {} bytes", file, before, file.size());
                }
            }
        } catch (SQLException e) {
            LOG.warn("Compacting {} on closing failed; it stays as it was", file, e);
        }
        removeHalfCopy();
    }

    /**
     * Removes a compacted copy that H2 left half written: on a full disk it would hold the very space
     * the user must free. H2 removes it too, but only when the file is next opened.
     */
    private void removeHalfCopy() {
        try {
            if (Files.deleteIfExists(file.compactionCopy())) {
                LOG.info("Removed the half-written copy {}", file.compactionCopy());
            }
        } catch (IOException e) {
            LOG.warn("Cannot remove the half-written copy {}", file.compactionCopy(), e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. Once
     * the database has stopped (damaged, or the disk refused a write), refuses at once and says why.
     */
    public <T> T inTransaction(Function<Tx, T> work) {
        refuseIfStopped();
        try {
            return jdbi.inTransaction(handle -> work.apply(new Tx(handle)));
        } catch (JdbiException e) {
            var diskRefused = DiskRefusal.reason(e);
            if (diskRefused.isPresent()) {
                // H2 has already closed the database; its file holds every commit before this one
                LOG.error("The disk refused a write to {} ({}); nothing more is read or written until it is opened"
                        + " again", file, diskRefused.get(), e);
                stopped = () -> new StoreException(e, "store.diskRefusedEarlier", file, diskRefused.get());
                throw new StoreException(e, "store.diskRefused", file, diskRefused.get());
            }
            if (e.getCause() instanceof SQLException sql) {
                if (DamagedFile.isDamage(sql)) {
                    throw stopForDamage(e);
                }
                throw new StoreException(e, "store.writeFailed", file, sql.getMessage());
            }
            if (e instanceof UnableToProduceResultException) {
                // a row that the tables' own constraints would never have let in cannot be read: the file was damaged
                throw stopForDamage(e);
            }
            throw e;
        }
    }

    /** Refuses, saying why, once the database has stopped (damaged, or the disk refused a write). */
    void refuseIfStopped() {
        var stoppedFor = stopped;
        if (stoppedFor != null) {
            throw stoppedFor.get();
        }
    }

    /** Shuts the damaged database down at once; gives its refusal, which every later call gets again. */
    private StoreException stopForDamage(JdbiException damage) {
        var refusal = DamagedFile.refusal(damage, file);
        stopped = () -> new StoreException(damage, refusal.messageKey(), refusal.messageArgs());
        DamagedFile.stopWriting(keeper);
        return refusal;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (stopped == null) {
            compactIfMostlyOld();
        }
        closeQuietly(keeper);
        pool.dispose();
        LOG.info("Closed {}", file);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the database connection failed", e);
        }
    }
}
