package org.kora.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Consecutive failed sign-ins per typed user name, and the wait or lock they earned. */
@RegisterConstructorMapper(SignInGuard.class)
public interface SignInGuardDao {
    /** Reads a name's record and holds it locked until the transaction ends, so two tries count twice. */
    @SqlQuery("SELECT username, failures, blocked_until, locked_at FROM sign_in_guard WHERE username = :username FOR UPDATE")
    Optional<SignInGuard> find(@Bind("username") String username);

    @SqlQuery("SELECT username, failures, blocked_until, locked_at FROM sign_in_guard ORDER BY username")
    List<SignInGuard> list();

    @SqlUpdate("INSERT INTO sign_in_guard (username, failures, blocked_until, locked_at) "
            + "VALUES (:username, :failures, :blockedUntil, :lockedAt)")
    void insert(@Bind("username") String username, @Bind("failures") int failures,
                @Bind("blockedUntil") Instant blockedUntil, @Bind("lockedAt") Instant lockedAt);

    @SqlUpdate("UPDATE sign_in_guard SET failures = :failures, blocked_until = :blockedUntil, locked_at = :lockedAt "
            + "WHERE username = :username")
    void update(@Bind("username") String username, @Bind("failures") int failures,
                @Bind("blockedUntil") Instant blockedUntil, @Bind("lockedAt") Instant lockedAt);

    /** Forgets a name's failures; returns 0 if it had none. */
    @SqlUpdate("DELETE FROM sign_in_guard WHERE username = :username")
    int clear(@Bind("username") String username);
}
