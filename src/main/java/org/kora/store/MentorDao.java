package org.kora.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
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

    // --- People screen (PeopleService): update, look-ups, deployments replaced as a set ---

    @SqlUpdate("UPDATE mentor SET partner_hospital_id = :partnerHospitalId, department_id = :departmentId, "
            + "staff_no = :staffNo, name = :name, capacity = :capacity WHERE id = :id")
    int update(@BindMethods Mentor mentor);

    @SqlQuery("SELECT id, partner_hospital_id, department_id, staff_no, name, capacity FROM mentor WHERE id = :id")
    Optional<Mentor> find(@Bind("id") long id);

    @SqlQuery("SELECT id FROM mentor WHERE partner_hospital_id = :partnerHospitalId AND staff_no = :staffNo")
    Optional<Long> findIdByStaffNo(@Bind("partnerHospitalId") long partnerHospitalId, @Bind("staffNo") String staffNo);

    @SqlQuery("SELECT id, mentor_id, start_date AS \"from\", end_date AS \"to\" FROM deployment "
            + "WHERE mentor_id = :mentorId ORDER BY start_date")
    List<Deployment> deploymentsOf(@Bind("mentorId") long mentorId);

    @SqlUpdate("DELETE FROM deployment WHERE mentor_id = :mentorId")
    int deleteDeployments(@Bind("mentorId") long mentorId);
}
