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
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.flywaydb.core.api.FlywayException;
import org.kora.domain.ChainCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of one database with H2's {@code BACKUP TO} (a consistent copy even while others write;
 * FACTS.md), named {@code kora-YYYY-MM-DD-HHmmss.korabackup} in the backup folder, pruned by a
 * retention rule, and restored by {@link #restore} so that the database path always holds a complete
 * file. A backup is a zip archive; its own extension lets the installed program open it when it is
 * double-clicked (docs/decisions/0022-backup-files-open-kora.md). Backups named {@code .zip} by
 * earlier versions are still listed, pruned and restored.
 * The backup of an encrypted database holds the file still encrypted and, beside it, the database's
 * key file ({@code <name>.key}, sealed with the passphrase: {@link KeyFile}), so that it restores
 * with the passphrase alone.
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
    /** The extension of the backups Kora names; the installers associate it with Kora. */
    public static final String EXTENSION = "korabackup";
    private static final Pattern NAME = Pattern.compile("kora-(\\d{4}-\\d{2}-\\d{2}-\\d{6})\\.(" + EXTENSION + "|zip)");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd-HHmmss");
    private static final String DATABASE_ENTRY = ".mv.db";
    private static final String KEY_ENTRY = ".key";
    /** A key file is a few hundred bytes; an entry larger than this is not one. */
    private static final int KEY_ENTRY_LIMIT = 64 * 1024;

    /** The steps of {@link #restore}, in order, for a test to look at the files after each. */
    enum Step { UNPACKED, CHECKED, KEPT_ASIDE, KEY_STAGED, DATABASE_MOVED, KEY_MOVED }

    private final Store store;
    private final Clock clock;

    public Backups(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A backup in the folder: its file, when it was made (from its name), its size in bytes. */
    public record Backup(Path file, LocalDateTime madeAt, long size) {
    }

    /**
     * What a restore did: the backup's schema version and sign-off count, whether it is encrypted,
     * and where the replaced file and its key file were kept (null if there was none).
     */
    public record Restored(String schemaVersion, int signOffs, boolean encrypted, Path keptAside, Path keyKeptAside) {
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
        store.refuseIfStopped();
        try (var connection = store.dataSource().getConnection()) {
            write(connection, target, store.isEncrypted() ? store.file().keyFile() : null);
        } catch (SQLException e) {
            throw new StoreException(e, "backup.failed", target, why(e));
        }
    }

    /**
     * H2's {@code BACKUP TO} into a hidden file, then renamed to {@code target}; with {@code keyFile}
     * (an encrypted database's) the zip is written again with the key file added beside the database.
     */
    private static void write(Connection connection, Path target, Path keyFile) throws SQLException {
        var partial = target.resolveSibling("." + target.getFileName() + ".partial");
        var packed = target.resolveSibling("." + target.getFileName() + ".packing");
        try (var statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            if (keyFile == null) {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                addKeyFile(partial, keyFile, packed);
                Files.move(packed, target, StandardCopyOption.ATOMIC_MOVE);
            }
            LOG.info("Backed up to {}", target);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(e, "backup.exists", target);
        } catch (IOException e) {
            throw new StoreException(e, "backup.failed", target, why(e));
        } finally {
            for (var leftover : List.of(partial, packed)) {
                try {
                    Files.deleteIfExists(leftover);
                } catch (IOException e) {
                    LOG.warn("Cannot remove {}", leftover, e);
                }
            }
        }
    }

    /**
     * Copies the zip H2 wrote to {@code to}, adding {@code keyFile} as {@code <name>.key} beside its
     * {@code <name>.mv.db}. The key file holds the file key only sealed with the passphrase
     * ({@link KeyFile}), so it may travel with the backup: the passphrase is what stays behind.
     */
    private static void addKeyFile(Path zip, Path keyFile, Path to) throws IOException {
        String database = null;
        try (var in = new ZipInputStream(Files.newInputStream(zip)); var out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
                if (entry.getName().endsWith(DATABASE_ENTRY)) {
                    database = entry.getName();
                }
            }
            if (database == null) {
                throw new IOException("H2 wrote no database into " + zip);
            }
            out.putNextEntry(new ZipEntry(database.substring(0, database.length() - DATABASE_ENTRY.length()) + KEY_ENTRY));
            Files.copy(keyFile, out);
            out.closeEntry();
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
    static Optional<StoreException> beforeMigration(Connection connection, DatabaseFile file, boolean encrypted) {
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
            write(connection, zip, encrypted ? file.keyFile() : null);
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("The backup before migrating {} failed", file, e);
            return Optional.of(new StoreException(e, "backup.failed", zip, why(e)));
        } catch (SQLException e) {
            LOG.warn("The backup before migrating {} failed", file, e);
            return Optional.of(new StoreException(e, "backup.failed", zip, why(e)));
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

    /** Why writing a backup failed: the operating system's words if it gave them ("No space left on device"), else H2's. */
    private static String why(Exception failure) {
        return DiskRefusal.systemReason(failure).orElse(failure.getMessage());
    }

    static String name(LocalDateTime at) {
        return "kora-" + STAMP.format(at) + "." + EXTENSION;
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
     * Restores {@code zip} into {@code target}, which must not be open; {@code passphrase} is the
     * backup's if it is encrypted, else unused (may be null). The backup is unpacked beside the target
     * (the database as {@code <name>-restoring-<time>.mv.db}, its key file, if any, as
     * {@code <name>-restoring-<time>.key}) and checked first: a Kora database, a schema no newer than
     * this program's, an intact sign-off chain; an encrypted one must unlock with the passphrase.
     * Only then is the current pair kept aside (second names {@code <name>-before-restore-<time>.mv.db}
     * and {@code .key}; with a hyphen, because H2's {@code BACKUP} takes every {@code <name>.*.mv.db}
     * beside the database for part of it and then fails) and the checked file renamed over the
     * database in one atomic step, so that the path holds either the old or the new complete file at
     * every moment. A key file that differs from the current one is first renamed to
     * {@code <name>-restored.key} and moved over {@code <name>.key} right after the database: a
     * restore cut short between the two is finished by the next open ({@link Store#openWithPassphrase}).
     * A plain backup takes the key file away (it stays kept aside). A refusal, or a failure before
     * the database moved, leaves the current database and its key file as they were. The restore is
     * recorded in the restored database's audit log, as done by {@code restoredBy}, before it is moved in.
     */
    public static Restored restore(Path zip, DatabaseFile target, char[] passphrase, Clock clock, String restoredBy) {
        return restore(zip, target, passphrase, clock, restoredBy, step -> { });
    }

    static Restored restore(Path zip, DatabaseFile target, char[] passphrase, Clock clock, String restoredBy,
                            Consumer<Step> afterStep) {
        var stamp = STAMP.format(LocalDateTime.now(clock));
        var base = baseName(target);
        var checking = DatabaseFile.of(target.file().resolveSibling(base + "-restoring-" + stamp + DATABASE_ENTRY));
        var aside = target.exists() ? target.file().resolveSibling(base + "-before-restore-" + stamp + DATABASE_ENTRY) : null;
        var keyFile = target.keyFile();
        var keyAside = Files.isRegularFile(keyFile) ? target.file().resolveSibling(base + "-before-restore-" + stamp + KEY_ENTRY) : null;
        var staged = target.restoredKeyFile();
        var madeHere = new ArrayList<Path>();
        try {
            Files.createDirectories(target.file().getParent());
            var unpacked = unpack(zip, checking, target);
            afterStep.accept(Step.UNPACKED);
            var restored = inspect(zip, checking, unpacked, passphrase, store -> store.inTransaction(tx -> {
                tx.dao(AuditDao.class).record(clock.instant(), restoredBy, "BACKUP_RESTORED",
                        zip.toAbsolutePath().normalize() + (aside == null ? "" : " replaced file kept as " + aside)
                                + (keyAside == null ? "" : ", its key file as " + keyAside));
                return null;
            }));
            afterStep.accept(Step.CHECKED);
            refuseIfOpen(target);
            if (aside != null) {
                keepAside(target.file(), aside);
                madeHere.add(aside);
            }
            if (keyAside != null) {
                keepAside(keyFile, keyAside);
                madeHere.add(keyAside);
            }
            afterStep.accept(Step.KEPT_ASIDE);
            var newKey = unpacked.encrypted() && !sameContent(checking.keyFile(), keyFile);
            if (newKey) {
                Files.move(checking.keyFile(), staged, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                madeHere.add(staged);
                afterStep.accept(Step.KEY_STAGED);
            }
            Files.move(checking.file(), target.file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            madeHere.clear();
            afterStep.accept(Step.DATABASE_MOVED);
            keyFollows(newKey, unpacked.encrypted(), staged, keyFile);
            afterStep.accept(Step.KEY_MOVED);
            LOG.info("Restored {} into {}; the replaced file is kept as {}, its key file as {}", zip, target, aside, keyAside);
            return new Restored(restored.schemaVersion(), restored.signOffs(), unpacked.encrypted(), aside, keyAside);
        } catch (IOException e) {
            throw new StoreException(e, "backup.restoreFailed", zip, target, e.getMessage());
        } finally {
            // only a restore stopped before the database moved has names of its own to take back
            madeHere.forEach(Backups::removeQuietly);
            checking.removeFromDisk();
            removeQuietly(checking.keyFile());
        }
    }

    /**
     * Once the restored database is in place, its key file follows (or goes, after a plain backup;
     * it was kept aside). A failure here is only logged: the restore is done, and the next open moves
     * a key file left as {@code <name>-restored.key} in ({@link Store#openWithPassphrase}).
     */
    private static void keyFollows(boolean newKey, boolean encrypted, Path staged, Path keyFile) {
        try {
            if (newKey) {
                Files.move(staged, keyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else if (!encrypted) {
                Files.deleteIfExists(keyFile);
            }
        } catch (IOException e) {
            LOG.warn("The restored database is in place, but moving its key file to {} failed; the next open does it",
                    keyFile, e);
        }
    }

    private static boolean sameContent(Path one, Path other) throws IOException {
        return Files.isRegularFile(other) && Files.mismatch(one, other) == -1;
    }

    private static void removeQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot remove {}", file, e);
        }
    }

    /**
     * Checks a backup as {@link #restore} does, restoring nothing; the temporary copy goes next to
     * {@code near}. {@code passphrase} is the backup's if it is encrypted (see {@link #isEncrypted}).
     */
    public static Restored check(Path zip, DatabaseFile near, char[] passphrase) {
        var checking = DatabaseFile.of(near.file().resolveSibling(baseName(near) + "-checking-"
                + System.nanoTime() + DATABASE_ENTRY));
        try {
            var unpacked = unpack(zip, checking, near);
            return inspect(zip, checking, unpacked, passphrase, store -> { });
        } finally {
            checking.removeFromDisk();
            removeQuietly(checking.keyFile());
        }
    }

    /** Whether the backup {@code zip} is of an encrypted database, and so restores only with its passphrase. */
    public static boolean isEncrypted(Path zip) {
        requireFile(zip);
        try (InputStream in = Files.newInputStream(zip); var entries = new ZipInputStream(in)) {
            for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (isTopLevel(entry, DATABASE_ENTRY)) {
                    return DatabaseFile.beginsEncrypted(entries);
                }
            }
        } catch (ZipException | EOFException e) {
            throw new StoreException(e, "backup.damaged", zip);
        } catch (IOException e) {
            throw new StoreException(e, "backup.unreadable", zip, e.getMessage());
        }
        throw new StoreException(null, "backup.notKora", zip);
    }

    private static String baseName(DatabaseFile file) {
        var name = file.file().getFileName().toString();
        return name.substring(0, name.length() - DATABASE_ENTRY.length());
    }

    /**
     * What a backup held: whether its database is encrypted, and whether its key file came with it
     * (a backup of an encrypted database made before Kora put the key file in has none).
     */
    private record Unpacked(boolean encrypted, boolean keyFromBackup) {
    }

    /**
     * Unpacks the one database file of a backup to {@code to}, and its key file, if any, to
     * {@code to}'s key file; refuses a damaged zip and one with no Kora database in it. An encrypted
     * backup without a key file gets a copy of {@code current}'s key file, if there is one: the file
     * key of a database never changes, so that of the database it was made from still opens it.
     */
    private static Unpacked unpack(Path zip, DatabaseFile to, DatabaseFile current) {
        requireFile(zip);
        var found = false;
        var key = false;
        try (InputStream in = Files.newInputStream(zip); var entries = new ZipInputStream(in)) {
            for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (isTopLevel(entry, DATABASE_ENTRY)) {
                    if (found) {
                        throw new StoreException(null, "backup.notKora", zip);
                    }
                    found = true;
                    Files.copy(entries, to.file(), StandardCopyOption.REPLACE_EXISTING);
                } else if (isTopLevel(entry, KEY_ENTRY)) {
                    var bytes = entries.readNBytes(KEY_ENTRY_LIMIT + 1);
                    if (key || bytes.length > KEY_ENTRY_LIMIT) {
                        throw new StoreException(null, "backup.notKora", zip);
                    }
                    key = true;
                    Files.write(to.keyFile(), bytes);
                }
            }
            if (!found) {
                throw new StoreException(null, "backup.notKora", zip);
            }
            var encrypted = to.isEncrypted();
            if (encrypted && !key && Files.isRegularFile(current.keyFile())) {
                Files.copy(current.keyFile(), to.keyFile(), StandardCopyOption.REPLACE_EXISTING);
            }
            return new Unpacked(encrypted, key);
        } catch (ZipException | EOFException e) {
            throw new StoreException(e, "backup.damaged", zip);
        } catch (IOException e) {
            throw new StoreException(e, "backup.unreadable", zip, e.getMessage());
        }
    }

    private static void requireFile(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new StoreException(null, "backup.notFound", zip);
        }
    }

    private static boolean isTopLevel(ZipEntry entry, String ending) {
        return !entry.isDirectory() && entry.getName().endsWith(ending) && !entry.getName().contains("/");
    }

    /**
     * Checks the unpacked copy of a backup, opened with the key its key file unseals with
     * {@code passphrase} if it is encrypted, then lets {@code passed} write to it.
     */
    private static Restored inspect(Path zip, DatabaseFile copy, Unpacked unpacked, char[] passphrase,
                                    Consumer<Store> passed) {
        var key = unpacked.encrypted() ? unlock(zip, copy, unpacked, passphrase) : null;
        Store inspected;
        try {
            inspected = Store.inspect(copy, key);
        } catch (StoreException e) {
            throw "store.encryption.wrongKey".equals(e.messageKey()) && !unpacked.keyFromBackup()
                    ? new StoreException(e, "backup.keyMissing", zip) : new StoreException(e, "backup.damaged", zip);
        } finally {
            if (key != null) {
                key.destroy();
            }
        }
        try (inspected) {
            var flyway = SchemaHistory.configure().dataSource(inspected.dataSource()).load();
            var info = flyway.info();
            if (info.current() == null) {
                throw new StoreException(null, "backup.notKora", zip);
            }
            var newer = SchemaHistory.newerVersion(info);
            if (newer.isPresent()) {
                throw new StoreException(null, "backup.newerSchema", zip, newer.get());
            }
            if (!flyway.validateWithResult().validationSuccessful) {
                throw new StoreException(null, "backup.notKora", zip);
            }
            var chain = inspected.inTransaction(SignOffLedger::verify);
            if (chain instanceof ChainCheck.Broken broken) {
                throw new StoreException(null, "backup.chainBroken", zip, broken.entryId());
            }
            passed.accept(inspected);
            return new Restored(info.current().getVersion().getVersion(), chain.count(), unpacked.encrypted(), null, null);
        } catch (FlywayException e) {
            throw new StoreException(e, "backup.notKora", zip);
        }
    }

    /** The file key of an encrypted backup, unsealed with the backup's passphrase; each refusal in the backup's terms. */
    private static FileKey unlock(Path zip, DatabaseFile copy, Unpacked unpacked, char[] passphrase) {
        if (passphrase == null) {
            throw new StoreException(null, "backup.passphraseNeeded", zip);
        }
        try {
            return KeyFile.unlock(copy, passphrase);
        } catch (StoreException e) {
            if ("store.encryption.wrongPassphrase".equals(e.messageKey())) {
                throw new StoreException(e, "backup.wrongPassphrase", zip);
            }
            throw unpacked.keyFromBackup() ? new StoreException(e, "backup.damaged", zip)
                    : new StoreException(e, "backup.keyMissing", zip);
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
