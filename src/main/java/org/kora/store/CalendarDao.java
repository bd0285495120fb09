package org.kora.store;

import java.util.List;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * The rotation calendar's data: every rotation with everything the calendar shows, in one query.
 * Every table is joined with LEFT JOIN, though the foreign keys make each of them find its row:
 * H2 plans the order of inner joins anew each time (a pooled connection's query cache is emptied
 * when it goes back to the pool) and, with seven of them, that took as long as reading the
 * 10,000 rows; a left join keeps the order written here, rotation first in id order.
 */
public interface CalendarDao {
    /** The joined rows without a WHERE or ORDER BY: every query below reads rows of this shape. */
    String ROWS = "SELECT r.id AS rotation_id, t.id AS trainee_id, t.name AS trainee_name, t.staff_no, "
            + "c.id AS cohort_id, c.name AS cohort_name, "
            + "hd.id AS home_department_id, hd.name AS home_department_name, hh.name AS home_hospital_name, "
            + "pd.id AS host_department_id, pd.name AS host_department_name, ph.name AS host_hospital_name, "
            + "ob.start_date AS off_site_from, ob.end_date AS off_site_to, "
            + "nb.start_date AS on_site_from, nb.end_date AS on_site_to, m.id AS mentor_id, m.name AS mentor_name, "
            + "r.confirmed "
            + "FROM rotation r "
            + "LEFT JOIN trainee t ON t.id = r.trainee_id "
            + "LEFT JOIN cohort c ON c.id = r.cohort_id "
            + "LEFT JOIN department hd ON hd.id = t.department_id "
            + "LEFT JOIN hospital hh ON hh.id = hd.hospital_id "
            + "LEFT JOIN department pd ON pd.id = r.host_department_id "
            + "LEFT JOIN hospital ph ON ph.id = pd.hospital_id "
            + "LEFT JOIN block ob ON ob.rotation_id = r.id AND ob.kind = 'OFF_SITE' "
            + "LEFT JOIN block nb ON nb.rotation_id = r.id AND nb.kind = 'ON_SITE' "
            + "LEFT JOIN mentor m ON m.id = nb.mentor_id ";

    @SqlQuery(ROWS + "ORDER BY r.id")
    @UseRowMapper(CalendarRow.Mapper.class)
    List<CalendarRow> rows();

    /** One trainee's rotations, for their record. */
    @SqlQuery(ROWS + "WHERE r.trainee_id = :traineeId ORDER BY r.id")
    @UseRowMapper(CalendarRow.Mapper.class)
    List<CalendarRow> rowsOfTrainee(@Bind("traineeId") long traineeId);

    /** The rotations whose on-site block a mentor mentors, for the mentor's workspace. */
    @SqlQuery(ROWS + "WHERE nb.mentor_id = :mentorId ORDER BY nb.start_date, r.id")
    @UseRowMapper(CalendarRow.Mapper.class)
    List<CalendarRow> rowsOfMentor(@Bind("mentorId") long mentorId);
}
