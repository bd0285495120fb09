package org.kora.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
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

    @SqlQuery("SELECT id, trainee_id, start_date AS \"from\", end_date AS \"to\", reason FROM leave_period "
            + "WHERE trainee_id = :traineeId ORDER BY start_date, id")
    List<Leave> leaveOf(@Bind("traineeId") long traineeId);

    @SqlUpdate("DELETE FROM leave_period WHERE id = :id")
    int deleteLeave(@Bind("id") long id);

    // --- People screen (PeopleService): update, look-ups, the joined list ---

    @SqlUpdate("UPDATE trainee SET hospital_id = :hospitalId, department_id = :departmentId, staff_no = :staffNo, "
            + "name = :name, profession = :profession, title = :title, phone = :phone, "
            + "earliest_start = :earliestStart, notes = :notes WHERE id = :id")
    int update(@BindMethods Trainee trainee);

    @SqlQuery("SELECT id, hospital_id, department_id, staff_no, name, profession, title, phone, earliest_start, "
            + "notes FROM trainee WHERE id = :id")
    Optional<Trainee> find(@Bind("id") long id);

    @SqlQuery("SELECT id FROM trainee WHERE hospital_id = :hospitalId AND staff_no = :staffNo")
    Optional<Long> findIdByStaffNo(@Bind("hospitalId") long hospitalId, @Bind("staffNo") String staffNo);

    /** Every trainee with the names of their hospital and department, for lists. */
    @SqlQuery("SELECT t.id, t.hospital_id, t.department_id, t.staff_no, t.name, t.profession, t.title, t.phone, "
            + "t.earliest_start, t.notes, h.name AS hospital_name, d.name AS department_name "
            + "FROM trainee t JOIN hospital h ON h.id = t.hospital_id JOIN department d ON d.id = t.department_id "
            + "ORDER BY t.id")
    @RegisterConstructorMapper(TraineeListing.class)
    List<TraineeListing> listings();
}
