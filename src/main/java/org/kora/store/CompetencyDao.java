package org.kora.store;

import java.util.List;
import java.util.Optional;

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

    /** One department's curriculum, in the order HR put it. */
    @SqlQuery("SELECT id, department_id, name_zh, name_en, category, required_count, achieved_level, sort_order "
            + "FROM competency WHERE department_id = :departmentId ORDER BY sort_order, id")
    List<Competency> listOf(@Bind("departmentId") long departmentId);

    @SqlQuery("SELECT id, department_id, name_zh, name_en, category, required_count, achieved_level, sort_order "
            + "FROM competency WHERE id = :id")
    Optional<Competency> find(@Bind("id") long id);

    /** Changes what a competency is and requires; its department and place in the list stay. */
    @SqlUpdate("UPDATE competency SET name_zh = :nameZh, name_en = :nameEn, category = :category, "
            + "required_count = :requiredCount, achieved_level = :achievedLevel WHERE id = :id")
    int update(@BindMethods Competency competency);

    @SqlUpdate("UPDATE competency SET sort_order = :sortOrder WHERE id = :id")
    int moveTo(@Bind("id") long id, @Bind("sortOrder") int sortOrder);

    @SqlUpdate("DELETE FROM competency WHERE id = :id")
    int delete(@Bind("id") long id);

    /** The place after the department's last competency. */
    @SqlQuery("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM competency WHERE department_id = :departmentId")
    int nextSortOrder(@Bind("departmentId") long departmentId);

    /** How many sign-offs name the competency; one that any names cannot be removed. */
    @SqlQuery("SELECT COUNT(*) FROM signoff WHERE competency_id = :id")
    int signOffCount(@Bind("id") long id);
}
