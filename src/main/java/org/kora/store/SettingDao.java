package org.kora.store;

import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Settings kept in the database, by name. */
public interface SettingDao {
    @SqlQuery("SELECT setting_value FROM setting WHERE name = :name")
    Optional<String> find(@Bind("name") String name);

    @SqlUpdate("INSERT INTO setting (name, setting_value) VALUES (:name, :value)")
    void insert(@Bind("name") String name, @Bind("value") String value);
}
