package org.kora.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.kora.domain.Blackout;

/** Periods in which no block may start. */
public interface BlackoutDao {
    @SqlUpdate("INSERT INTO blackout (start_date, end_date, label) VALUES (:from, :to, :label)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods Blackout blackout);

    @SqlQuery("SELECT id, start_date AS \"from\", end_date AS \"to\", label FROM blackout ORDER BY start_date")
    List<Blackout> list();

    @SqlQuery("SELECT id, start_date AS \"from\", end_date AS \"to\", label FROM blackout WHERE id = :id")
    Optional<Blackout> find(@Bind("id") long id);

    @SqlUpdate("UPDATE blackout SET start_date = :from, end_date = :to, label = :label WHERE id = :id")
    int update(@BindMethods Blackout blackout);

    @SqlUpdate("DELETE FROM blackout WHERE id = :id")
    int delete(@Bind("id") long id);
}
