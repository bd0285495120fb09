package org.kora.store;

import java.util.List;

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
}
