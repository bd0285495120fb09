package org.kora.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.kora.domain.KoraException;
import org.kora.domain.Permission;
import org.kora.store.AuditDao;
import org.kora.store.Backups;
import org.kora.store.Store;
import org.kora.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the open database and restoring one ({@link Backups}): for administrators, each step
 * recorded in the audit log. The automatic daily backup needs no user and never stops the program:
 * its failure is logged and kept as a {@link #warning()}.
 */
public final class BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);

    private final Store store;
    private final Backups backups;
    private final Clock clock;
    private KoraException warning;

    public BackupService(Store store, Clock clock) {
        this.store = store;
        this.backups = new Backups(store, clock);
        this.clock = clock;
        this.warning = store.backupWarning().orElse(null);
    }

    /** The automatic backup of the day, if none was made today; a failure becomes the {@link #warning()}. */
    public synchronized Optional<BackupFile> daily() {
        try {
            var made = backups.dailyIfDue();
            made.ifPresent(backup -> record(null, "BACKUP_AUTOMATIC", backup.file().toString()));
            return made.map(BackupService::file);
        } catch (StoreException e) {
            LOG.warn("The automatic backup of {} failed", store.file(), e);
            warning = e;
            return Optional.empty();
        }
    }

    /** Why the last automatic backup (daily, or before a migration) failed; empty if none failed. */
    public synchronized Optional<KoraException> warning() {
        return Optional.ofNullable(warning);
    }

    /** The folder backups go to. */
    public Path folder(Session who) {
        who.require(Permission.MANAGE_BACKUPS);
        return backups.folder();
    }

    /** Makes {@code folder} the backup folder; refused unless it is a writable directory. */
    public void changeFolder(Session who, Path folder) {
        who.require(Permission.MANAGE_BACKUPS);
        backups.changeFolder(folder);
        record(who, "BACKUP_FOLDER_CHANGED", folder.toAbsolutePath().normalize().toString());
    }

    /** The backups in the folder, newest first. */
    public List<BackupFile> list(Session who) {
        who.require(Permission.MANAGE_BACKUPS);
        return backups.list().stream().map(BackupService::file).toList();
    }

    /**
     * Makes a backup in the folder now (the old ones pruned by the retention rule). It stands in for
     * an automatic backup that failed: that failure is no longer the {@link #warning()}.
     */
    public synchronized BackupFile backUpNow(Session who) {
        who.require(Permission.MANAGE_BACKUPS);
        var backup = backups.backUpNow();
        warning = null;
        record(who, "BACKUP_MADE", backup.file().toString());
        return file(backup);
    }

    private static BackupFile file(Backups.Backup backup) {
        return new BackupFile(backup.file(), backup.madeAt(), backup.size());
    }

    /** Writes a backup to {@code zip}, a file that must not exist yet. */
    public void backUpTo(Session who, Path zip) {
        who.require(Permission.MANAGE_BACKUPS);
        backups.backUpTo(zip);
        record(who, "BACKUP_MADE", zip.toAbsolutePath().normalize().toString());
    }

    /** Whether the open database is encrypted: a plain backup restored over it leaves it plain. */
    public boolean databaseEncrypted() {
        return store.isEncrypted();
    }

    /** Whether the backup {@code zip} is of an encrypted database, and so needs its passphrase to be checked or restored. */
    public boolean needsPassphrase(Session who, Path zip) {
        who.require(Permission.MANAGE_BACKUPS);
        return Backups.isEncrypted(zip);
    }

    /**
     * Checks {@code zip} as a restore would (a Kora backup, schema not newer, chain intact; an
     * encrypted one unlocked with {@code passphrase}, the backup's), restoring nothing.
     */
    public RestoreOutcome check(Session who, Path zip, char[] passphrase) {
        who.require(Permission.MANAGE_BACKUPS);
        var checked = Backups.check(zip, store.file(), passphrase);
        return new RestoreOutcome(checked.schemaVersion(), checked.signOffs(), checked.encrypted(), null, null);
    }

    /**
     * Restores {@code zip} over this database: checks the backup first (an encrypted one with
     * {@code passphrase}, the backup's; refused with the database untouched), records the request
     * here, closes this database (every service of it is closed afterwards, whatever the outcome)
     * and puts the checked backup and its key file in place, the replaced ones kept aside and the
     * restore recorded in the restored database. Open the database anew (with the backup's
     * passphrase, if it is encrypted) to go on.
     */
    public RestoreOutcome restore(Session who, Path zip, char[] passphrase) {
        who.require(Permission.MANAGE_BACKUPS);
        var file = store.file();
        Backups.check(zip, file, passphrase);
        record(who, "RESTORE_STARTED", zip.toAbsolutePath().normalize().toString());
        store.close();
        var restored = Backups.restore(zip, file, passphrase, clock, who.user().username());
        return new RestoreOutcome(restored.schemaVersion(), restored.signOffs(), restored.encrypted(),
                restored.keptAside(), restored.keyKeptAside());
    }

    private void record(Session who, String action, String detail) {
        store.inTransaction(tx -> {
            tx.dao(AuditDao.class).record(clock.instant(), who == null ? null : who.user().username(), action, detail);
            return null;
        });
    }
}
