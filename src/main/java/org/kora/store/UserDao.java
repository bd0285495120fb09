package org.kora.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.kora.domain.Role;
import org.kora.domain.User;

/** Accounts and their password hashes. */
public interface UserDao {
    String COLUMNS = "id, username, display_name, role, mentor_id, active";

    @SqlUpdate("INSERT INTO app_user (username, display_name, password_hash, role, mentor_id, active, created_at) "
            + "VALUES (:username, :displayName, :passwordHash, :role, :mentorId, TRUE, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("username") String username, @Bind("displayName") String displayName,
                @Bind("passwordHash") String passwordHash, @Bind("role") Role role,
                @Bind("mentorId") Long mentorId, @Bind("createdAt") Instant createdAt);

    @SqlQuery("SELECT " + COLUMNS + " FROM app_user WHERE username = :username")
    Optional<User> findByUsername(@Bind("username") String username);

    @SqlQuery("SELECT password_hash FROM app_user WHERE username = :username")
    Optional<String> passwordHash(@Bind("username") String username);

    @SqlQuery("SELECT " + COLUMNS + " FROM app_user ORDER BY username")
    List<User> list();

    @SqlQuery("SELECT COUNT(*) FROM app_user")
    int count();
}
