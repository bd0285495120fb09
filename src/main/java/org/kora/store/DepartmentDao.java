package org.kora.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.kora.domain.Department;

/** Departments of home and partner hospitals. */
public interface DepartmentDao {
    @SqlUpdate("INSERT INTO department (hospital_id, kind, name, headcount, min_on_duty, capacity) "
            + "VALUES (:hospitalId, :kind, :name, :headcount, :minOnDuty, :capacity)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods Department department);

    @SqlQuery("SELECT id, hospital_id, name, kind, headcount, min_on_duty, capacity FROM department ORDER BY id")
    List<Department> list();

    // --- People screen (PeopleService): update and look-ups; hospital and kind never change ---

    @SqlUpdate("UPDATE department SET name = :name, headcount = :headcount, min_on_duty = :minOnDuty, "
            + "capacity = :capacity WHERE id = :id")
    int update(@BindMethods Department department);

    @SqlQuery("SELECT id, hospital_id, name, kind, headcount, min_on_duty, capacity FROM department WHERE id = :id")
    Optional<Department> find(@Bind("id") long id);

    @SqlQuery("SELECT id FROM department WHERE hospital_id = :hospitalId AND name = :name")
    Optional<Long> findIdByName(@Bind("hospitalId") long hospitalId, @Bind("name") String name);
}
