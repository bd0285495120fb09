package org.kora.store;

import java.util.List;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.kora.domain.Competency;

/** Home departments' curricula. */
public interface CompetencyDao {
    @SqlUpdate("INSERT INTO competency (department_id, name_zh, name_en, category, required_count, achieved_level, "
            + "sort_order) VALUES (:departmentId, :nameZh, :nameEn, :category, :requiredCount, :achievedLevel, :sortOrder)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods Competency competency);

    @SqlQuery("SELECT id, department_id, name_zh, name_en, category, required_count, achieved_level, sort_order "
            + "FROM competency ORDER BY department_id, sort_order, id")
    List<Competency> list();

    /** A home department's curriculum, in its order. */
    @SqlQuery("SELECT id, department_id, name_zh, name_en, category, required_count, achieved_level, sort_order "
            + "FROM competency WHERE department_id = :departmentId ORDER BY sort_order, id")
    List<Competency> ofDepartment(@Bind("departmentId") long departmentId);
}
