package org.kora.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
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

    // --- Cohort planning (CohortPlanningService): look-ups, a cohort's rotations and blocks, replacing blocks ---

    @SqlQuery("SELECT id, name, off_site_months, on_site_months, travel_days, start_rule FROM cohort WHERE id = :id")
    Optional<Cohort> find(@Bind("id") long id);

    @SqlQuery("SELECT id, name, off_site_months, on_site_months, travel_days, start_rule FROM cohort WHERE name = :name")
    Optional<Cohort> findByName(@Bind("name") String name);

    @SqlQuery("SELECT id, cohort_id, trainee_id, host_department_id, earliest_start, latest_end, confirmed "
            + "FROM rotation WHERE cohort_id = :cohortId ORDER BY id")
    List<Rotation> rotationsOf(@Bind("cohortId") long cohortId);

    @SqlQuery("SELECT b.id, b.rotation_id, b.kind, b.start_date AS \"from\", b.end_date AS \"to\", b.department_id, "
            + "b.mentor_id FROM block b JOIN rotation r ON r.id = b.rotation_id WHERE r.cohort_id = :cohortId "
            + "ORDER BY b.rotation_id, b.start_date")
    List<Block> blocksOf(@Bind("cohortId") long cohortId);

    @SqlQuery("SELECT id, rotation_id, kind, start_date AS \"from\", end_date AS \"to\", department_id, mentor_id "
            + "FROM block WHERE rotation_id = :rotationId ORDER BY start_date")
    List<Block> blocksOfRotation(@Bind("rotationId") long rotationId);

    @SqlUpdate("DELETE FROM block WHERE rotation_id = :rotationId")
    int deleteBlocks(@Bind("rotationId") long rotationId);

    @SqlUpdate("UPDATE rotation SET confirmed = :confirmed WHERE id = :rotationId")
    int setConfirmed(@Bind("rotationId") long rotationId, @Bind("confirmed") boolean confirmed);

    @SqlUpdate("DELETE FROM rotation WHERE id = :rotationId")
    int deleteRotation(@Bind("rotationId") long rotationId);

    /** Puts a block back with the id it had, as an undo does. */
    @SqlUpdate("INSERT INTO block (id, rotation_id, kind, start_date, end_date, department_id, mentor_id) "
            + "VALUES (:id, :rotationId, :kind, :from, :to, :departmentId, :mentorId)")
    void restoreBlock(@BindMethods Block block);
}
