package org.kora.store;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;
import org.kora.domain.ChainCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of one database with H2's {@code BACKUP TO} (a consistent copy even while others write;
 * FACTS.md), named {@code kora-YYYY-MM-DD-HHmmss.zip} in the backup folder, pruned by a retention
 * rule, and restored by {@link #restore} so that the database path always holds a complete file.
 */
public final class Backups {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    /** The setting that holds the backup folder an administrator chose; without it, {@link #defaultFolder}. */
    static final String FOLDER_SETTING = "backups.folder";
    /** The setting that holds the day of the last automatic daily backup. */
    static final String LAST_DAY_SETTING = "backups.lastDay";
    /** How many recent days, and months, keep their newest backup. */
    public static final int DAYS_KEPT = 14;
    public static final int MONTHS_KEPT = 12;
    private static final Pattern NAME = Pattern.compile("kora-(\\d{4}-\\d{2}-\\d{2}-\\d{6})\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd-HHmmss");
    private static final String DATABASE_ENTRY = ".mv.db";

    private final Store store;
    private final Clock clock;

    public Backups(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A backup in the folder: its file, when it was made (from its name), its size in bytes. */
    public record Backup(Path file, LocalDateTime madeAt, long size) {
    }

    /** What a restore did: the backup's schema version and sign-off count, and where the replaced file was kept (null if there was none). */
    public record Restored(String schemaVersion, int signOffs, Path keptAside) {
    }

    /** The default folder: {@code backups} beside the database file. */
    public static Path defaultFolder(DatabaseFile file) {
        return file.file().resolveSibling("backups");
    }

    /** The folder backups go to: the administrator's choice, else {@link #defaultFolder}. */
    public Path folder() {
        return store.inTransaction(tx -> tx.dao(SettingDao.class).find(FOLDER_SETTING)).map(Path::of)
                .orElse(defaultFolder(store.file()));
    }

    /** Makes {@code folder} the backup folder; refused unless it is a directory Kora can write to. */
    public void changeFolder(Path folder) {
        var absolute = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute) || !Files.isWritable(absolute)) {
            throw new StoreException(null, "backup.folderInvalid", absolute);
        }
        store.inTransaction(tx -> {
            put(tx.dao(SettingDao.class), FOLDER_SETTING, absolute.toString());
            return null;
        });
    }

    /** Makes a backup in the folder now, then prunes the folder ({@link #prune}). */
    public Backup backUpNow() {
        var folder = folder();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException(e, "backup.folderInvalid", folder);
        }
        var zip = folder.resolve(name(LocalDateTime.now(clock)));
        backUpTo(zip);
        prune(folder, LocalDate.now(clock));
        return read(zip).orElseThrow();
    }

    /**
     * Writes a backup to {@code zip}, which must not exist yet. Written under a temporary name and
     * then renamed, so that a backup cut short never carries a name that looks complete.
     */
    public void backUpTo(Path zip) {
        var target = zip.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new StoreException(null, "backup.exists", target);
        }
        try (var connection = store.dataSource().getConnection()) {
            write(connection, target);
        } catch (SQLException e) {
            throw new StoreException(e, "backup.failed", target, e.getMessage());
        }
    }

    private static void write(Connection connection, Path target) throws SQLException {
        var partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try (var statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Backed up to {}", target);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(e, "backup.exists", target);
        } catch (IOException e) {
            throw new StoreException(e, "backup.failed", target, e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                LOG.warn("Cannot remove {}", partial, e);
            }
        }
    }

    /**
     * The automatic backup of the day: made if none was made today (the day remembered in the
     * database), else nothing. Returns the backup made, if one was.
     */
    public Optional<Backup> dailyIfDue() {
        var today = LocalDate.now(clock).toString();
        var last = store.inTransaction(tx -> tx.dao(SettingDao.class).find(LAST_DAY_SETTING));
        if (last.filter(today::equals).isPresent()) {
            return Optional.empty();
        }
        var backup = backUpNow();
        store.inTransaction(tx -> {
            put(tx.dao(SettingDao.class), LAST_DAY_SETTING, today);
            return null;
        });
        return Optional.of(backup);
    }

    /**
     * The backup before a migration, on the connection that is about to migrate: never stops the
     * migration; returns why it failed, if it did (also logged).
     */
    static Optional<StoreException> beforeMigration(Connection connection, DatabaseFile file) {
        Path folder = defaultFolder(file);
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT setting_value FROM setting WHERE name = '" + FOLDER_SETTING + "'")) {
            if (result.next()) {
                folder = Path.of(result.getString(1));
            }
        } catch (SQLException e) {
            LOG.info("No backup folder setting in {} ({}); using {}", file, e.getMessage(), folder);
        }
        var zip = folder.resolve(name(LocalDateTime.now()));
        try {
            Files.createDirectories(folder);
            write(connection, zip);
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("The backup before migrating {} failed", file, e);
            return Optional.of(new StoreException(e, "backup.failed", zip, e.getMessage()));
        } catch (SQLException e) {
            LOG.warn("The backup before migrating {} failed", file, e);
            return Optional.of(new StoreException(e, "backup.failed", zip, e.getMessage()));
        } catch (StoreException e) {
            LOG.warn("The backup before migrating {} failed", file, e);
            return Optional.of(e);
        }
    }

    /** The backups in the folder, newest first. */
    public List<Backup> list() {
        return list(folder());
    }

    static List<Backup> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(Backups::read).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(Backup::madeAt).reversed()).toList();
        } catch (IOException e) {
            throw new StoreException(e, "backup.folderInvalid", folder);
        }
    }

    private static Optional<Backup> read(Path file) {
        var matcher = NAME.matcher(file.getFileName().toString());
        if (!matcher.matches() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Backup(file, LocalDateTime.parse(matcher.group(1), STAMP), Files.size(file)));
        } catch (DateTimeParseException | IOException e) {
            return Optional.empty();
        }
    }

    static String name(LocalDateTime at) {
        return "kora-" + STAMP.format(at) + ".zip";
    }

    /**
     * Keeps the newest backup of each of the last {@value #DAYS_KEPT} days and of each of the last
     * {@value #MONTHS_KEPT} months (and any dated after today), and deletes the other files that
     * Kora named; other files are never touched. Returns the deleted files.
     */
    static List<Path> prune(Path folder, LocalDate today) {
        var keep = new HashSet<Path>();
        var days = new HashSet<LocalDate>();
        var months = new HashSet<YearMonth>();
        var firstDay = today.minusDays(DAYS_KEPT - 1L);
        var firstMonth = YearMonth.from(today).minusMonths(MONTHS_KEPT - 1L);
        var backups = list(folder);
        for (var backup : backups) {
            var day = backup.madeAt().toLocalDate();
            if (day.isAfter(today)) {
                keep.add(backup.file());
            }
            if (!day.isBefore(firstDay) && !day.isAfter(today) && days.add(day)) {
                keep.add(backup.file());
            }
            var month = YearMonth.from(day);
            if (!month.isBefore(firstMonth) && !day.isAfter(today) && months.add(month)) {
                keep.add(backup.file());
            }
        }
        var deleted = new ArrayList<Path>();
        for (var backup : backups) {
            if (!keep.contains(backup.file())) {
                try {
                    Files.deleteIfExists(backup.file());
                    deleted.add(backup.file());
                } catch (IOException e) {
                    LOG.warn("Cannot remove the old backup {}", backup.file(), e);
                }
            }
        }
        if (!deleted.isEmpty()) {
            LOG.info("Removed {} old backups from {}", deleted.size(), folder);
        }
        return deleted;
    }

    /**
     * Restores {@code zip} into {@code target}, which must not be open. The backup is unpacked to a
     * temporary file beside the target and checked first: a Kora database, a schema no newer than
     * this program's, an intact sign-off chain. Only then is the current file kept aside (as
     * {@code <name>-before-restore-<time>.mv.db}; with a hyphen, because H2's {@code BACKUP} takes
     * every {@code <name>.*.mv.db} beside the database for part of it and then fails) and the checked file renamed over it in one
     * atomic step, so that the path holds either the old or the new complete file at every moment.
     * A refusal leaves the current database untouched. The restore is recorded in the restored
     * database's audit log, as done by {@code restoredBy}, before it is moved in.
     */
    public static Restored restore(Path zip, DatabaseFile target, Clock clock, String restoredBy) {
        var stamp = STAMP.format(LocalDateTime.now(clock));
        var base = baseName(target);
        var checking = DatabaseFile.of(target.file().resolveSibling(base + "-restoring-" + stamp + DATABASE_ENTRY));
        var aside = target.exists() ? target.file().resolveSibling(base + "-before-restore-" + stamp + DATABASE_ENTRY) : null;
        try {
            Files.createDirectories(target.file().getParent());
            unzip(zip, checking.file());
            var restored = inspect(zip, checking, store -> store.inTransaction(tx -> {
                tx.dao(AuditDao.class).record(clock.instant(), restoredBy, "BACKUP_RESTORED",
                        zip.toAbsolutePath().normalize() + (aside == null ? "" : " replaced file kept as " + aside));
                return null;
            }));
            refuseIfOpen(target);
            if (aside != null) {
                keepAside(target.file(), aside);
            }
            Files.move(checking.file(), target.file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Restored {} into {}; the replaced file is kept as {}", zip, target, aside);
            return new Restored(restored.schemaVersion(), restored.signOffs(), aside);
        } catch (IOException e) {
            throw new StoreException(e, "backup.restoreFailed", zip, target, e.getMessage());
        } finally {
            checking.removeFromDisk();
        }
    }

    /** Checks a backup as {@link #restore} does, restoring nothing; the temporary copy goes next to {@code near}. */
    public static Restored check(Path zip, DatabaseFile near) {
        var checking = DatabaseFile.of(near.file().resolveSibling(baseName(near) + "-checking-"
                + System.nanoTime() + DATABASE_ENTRY));
        try {
            unzip(zip, checking.file());
            return inspect(zip, checking, store -> { });
        } finally {
            checking.removeFromDisk();
        }
    }

    private static String baseName(DatabaseFile file) {
        var name = file.file().getFileName().toString();
        return name.substring(0, name.length() - DATABASE_ENTRY.length());
    }

    /** Unpacks the one database file of a backup; refuses a damaged zip and one with no Kora database in it. */
    private static void unzip(Path zip, Path to) {
        if (!Files.isRegularFile(zip)) {
            throw new StoreException(null, "backup.notFound", zip);
        }
        var found = false;
        try (InputStream in = Files.newInputStream(zip); var entries = new ZipInputStream(in)) {
            for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.isDirectory() || !entry.getName().endsWith(DATABASE_ENTRY) || entry.getName().contains("/")) {
                    continue;
                }
                if (found) {
                    throw new StoreException(null, "backup.notKora", zip);
                }
                found = true;
                Files.copy(entries, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (ZipException | EOFException e) {
            throw new StoreException(e, "backup.damaged", zip);
        } catch (IOException e) {
            throw new StoreException(e, "backup.unreadable", zip, e.getMessage());
        }
        if (!found) {
            throw new StoreException(null, "backup.notKora", zip);
        }
    }

    /** Checks the unpacked copy of a backup, then lets {@code passed} write to it. */
    private static Restored inspect(Path zip, DatabaseFile copy, Consumer<Store> passed) {
        Store inspected;
        try {
            inspected = Store.inspect(copy);
        } catch (StoreException e) {
            throw new StoreException(e, "backup.damaged", zip);
        }
        try (inspected) {
            var flyway = Flyway.configure().dataSource(inspected.dataSource()).locations("classpath:db/migration")
                    .ignoreMigrationPatterns("*:pending").load();
            var info = flyway.info();
            if (info.current() == null) {
                throw new StoreException(null, "backup.notKora", zip);
            }
            for (var applied : info.applied()) {
                if (applied.getState() == MigrationState.FUTURE_SUCCESS || applied.getState() == MigrationState.FUTURE_FAILED) {
                    throw new StoreException(null, "backup.newerSchema", zip, applied.getVersion().getVersion());
                }
            }
            if (!flyway.validateWithResult().validationSuccessful) {
                throw new StoreException(null, "backup.notKora", zip);
            }
            var chain = inspected.inTransaction(SignOffLedger::verify);
            if (chain instanceof ChainCheck.Broken broken) {
                throw new StoreException(null, "backup.chainBroken", zip, broken.entryId());
            }
            passed.accept(inspected);
            return new Restored(info.current().getVersion().getVersion(), chain.count(), null);
        } catch (FlywayException e) {
            throw new StoreException(e, "backup.notKora", zip);
        }
    }

    /** Refuses while any program, this one included, holds the database open. */
    private static void refuseIfOpen(DatabaseFile target) throws IOException {
        if (!target.exists()) {
            return;
        }
        try (var channel = FileChannel.open(target.file(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            var lock = channel.tryLock();
            if (lock == null) {
                throw new StoreException(null, "store.inUse", target);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new StoreException(e, "store.inUse", target);
        }
    }

    /** A second name for the current file (a hard link; a copy where links are not possible): it stays at its path meanwhile. */
    private static void keepAside(Path current, Path aside) throws IOException {
        try {
            Files.createLink(aside, current);
        } catch (UnsupportedOperationException | IOException e) {
            LOG.info("Cannot link {} ({}); copying it instead", aside, e.getMessage());
            Files.copy(current, aside, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void put(SettingDao settings, String name, String value) {
        if (settings.update(name, value) == 0) {
            settings.insert(name, value);
        }
    }
}
