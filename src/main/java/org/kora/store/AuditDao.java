package org.kora.store;

import java.time.Instant;
import java.util.List;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit log; written in the same transaction as the change it records. */
public interface AuditDao {
    @SqlUpdate("INSERT INTO audit_log (happened_at, username, action, detail) VALUES (:at, :username, :action, :detail)")
    void record(@Bind("at") Instant at, @Bind("username") String username, @Bind("action") String action,
                @Bind("detail") String detail);

    @SqlQuery("SELECT id, happened_at, username, action, detail FROM audit_log ORDER BY id")
    List<AuditEntry> list();
}
