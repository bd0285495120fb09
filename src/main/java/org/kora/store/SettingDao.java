package org.kora.store;

import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Settings kept in the database, by name. */
public interface SettingDao {
    @SqlQuery("SELECT setting_value FROM setting WHERE name = :name")
    Optional<String> find(@Bind("name") String name);

    /** Like {@link #find}, and holds the row locked until the transaction ends: others wait for it. */
    @SqlQuery("SELECT setting_value FROM setting WHERE name = :name FOR UPDATE")
    Optional<String> findForUpdate(@Bind("name") String name);

    @SqlUpdate("INSERT INTO setting (name, setting_value) VALUES (:name, :value)")
    void insert(@Bind("name") String name, @Bind("value") String value);

    /** Changes a setting; returns 0 if there is none of that name. */
    @SqlUpdate("UPDATE setting SET setting_value = :value WHERE name = :name")
    int update(@Bind("name") String name, @Bind("value") String value);
}
