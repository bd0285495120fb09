package org.kora.store;

import java.util.List;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.kora.domain.Deployment;
import org.kora.domain.Mentor;

/** Mentors and their deployments. */
public interface MentorDao {
    @SqlUpdate("INSERT INTO mentor (partner_hospital_id, department_id, staff_no, name, capacity) "
            + "VALUES (:partnerHospitalId, :departmentId, :staffNo, :name, :capacity)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods Mentor mentor);

    @SqlQuery("SELECT id, partner_hospital_id, department_id, staff_no, name, capacity FROM mentor ORDER BY id")
    List<Mentor> list();

    @SqlUpdate("INSERT INTO deployment (mentor_id, start_date, end_date) VALUES (:mentorId, :from, :to)")
    @GetGeneratedKeys("id")
    long insertDeployment(@BindMethods Deployment deployment);

    /** Inserts many deployments in one JDBC batch. */
    @SqlBatch("INSERT INTO deployment (mentor_id, start_date, end_date) VALUES (:mentorId, :from, :to)")
    void insertDeployments(@BindMethods List<Deployment> deployments);

    @SqlQuery("SELECT id, mentor_id, start_date AS \"from\", end_date AS \"to\" FROM deployment ORDER BY mentor_id, start_date")
    List<Deployment> deployments();
}
