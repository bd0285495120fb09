package org.kora.store;

import java.util.List;
import java.util.function.Consumer;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.kora.domain.Leave;
import org.kora.domain.Trainee;

/** Trainees and their leave. */
public interface TraineeDao {
    @SqlUpdate("INSERT INTO trainee (hospital_id, department_id, staff_no, name, profession, title, phone, "
            + "earliest_start, notes) VALUES (:hospitalId, :departmentId, :staffNo, :name, :profession, :title, "
            + ":phone, :earliestStart, :notes)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods Trainee trainee);

    @SqlQuery("SELECT id, hospital_id, department_id, staff_no, name, profession, title, phone, earliest_start, "
            + "notes FROM trainee ORDER BY id")
    List<Trainee> list();

    /** Inserts many trainees in one JDBC batch: an import writes thousands a second this way. */
    @SqlBatch("INSERT INTO trainee (hospital_id, department_id, staff_no, name, profession, title, phone, "
            + "earliest_start, notes) VALUES (:hospitalId, :departmentId, :staffNo, :name, :profession, :title, "
            + ":phone, :earliestStart, :notes)")
    void insertAll(@BindMethods List<Trainee> trainees);

    /** Hands every trainee to {@code each}, one at a time, so that a large table never sits in memory. */
    @SqlQuery("SELECT id, hospital_id, department_id, staff_no, name, profession, title, phone, earliest_start, "
            + "notes FROM trainee")
    void forEach(Consumer<Trainee> each);

    @SqlUpdate("INSERT INTO leave_period (trainee_id, start_date, end_date, reason) "
            + "VALUES (:traineeId, :from, :to, :reason)")
    @GetGeneratedKeys("id")
    long insertLeave(@BindMethods Leave leave);

    @SqlQuery("SELECT id, trainee_id, start_date AS \"from\", end_date AS \"to\", reason FROM leave_period ORDER BY id")
    List<Leave> leave();
}
