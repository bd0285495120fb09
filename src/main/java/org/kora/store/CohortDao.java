package org.kora.store;

import java.util.List;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.kora.domain.Block;
import org.kora.domain.Cohort;
import org.kora.domain.Rotation;

/** Cohorts, their rotations and the rotations' blocks. */
public interface CohortDao {
    @SqlUpdate("INSERT INTO cohort (name, off_site_months, on_site_months, travel_days, start_rule) "
            + "VALUES (:name, :offSiteMonths, :onSiteMonths, :travelDays, :startRule)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods Cohort cohort);

    @SqlQuery("SELECT id, name, off_site_months, on_site_months, travel_days, start_rule FROM cohort ORDER BY id")
    List<Cohort> list();

    @SqlUpdate("INSERT INTO rotation (cohort_id, trainee_id, host_department_id, earliest_start, latest_end, confirmed) "
            + "VALUES (:cohortId, :traineeId, :hostDepartmentId, :earliestStart, :latestEnd, :confirmed)")
    @GetGeneratedKeys("id")
    long insertRotation(@BindMethods Rotation rotation);

    @SqlQuery("SELECT id, cohort_id, trainee_id, host_department_id, earliest_start, latest_end, confirmed "
            + "FROM rotation ORDER BY id")
    List<Rotation> rotations();

    @SqlUpdate("INSERT INTO block (rotation_id, kind, start_date, end_date, department_id, mentor_id) "
            + "VALUES (:rotationId, :kind, :from, :to, :departmentId, :mentorId)")
    @GetGeneratedKeys("id")
    long insertBlock(@BindMethods Block block);

    @SqlQuery("SELECT id, rotation_id, kind, start_date AS \"from\", end_date AS \"to\", department_id, mentor_id "
            + "FROM block ORDER BY rotation_id, start_date")
    List<Block> blocks();
}
