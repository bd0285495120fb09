package org.kora.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.kora.domain.CalendarEntry;
import org.kora.domain.DateRange;

/**
 * A rotation joined with its trainee, cohort, departments, hospitals, both blocks and the mentor,
 * in one row as {@link CalendarDao#rows} reads them; block dates are null while not planned.
 */
public record CalendarRow(long rotationId, long traineeId, String traineeName, String staffNo,
                          long cohortId, String cohortName,
                          long homeDepartmentId, String homeDepartmentName, String homeHospitalName,
                          long hostDepartmentId, String hostDepartmentName, String hostHospitalName,
                          LocalDate offSiteFrom, LocalDate offSiteTo, LocalDate onSiteFrom, LocalDate onSiteTo,
                          Long mentorId, String mentorName, boolean confirmed) {
    /**
     * Reads a row of {@link CalendarDao#rows} by column position: at 10,000 rows Jdbi's mapping by
     * constructor and column names cost a fifth of the read (docs/performance.md, "Rotation calendar").
     */
    public static final class Mapper implements RowMapper<CalendarRow> {
        @Override
        public CalendarRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CalendarRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                    rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getLong(10), rs.getString(11),
                    rs.getString(12), rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class),
                    rs.getObject(15, LocalDate.class), rs.getObject(16, LocalDate.class), rs.getObject(17, Long.class),
                    rs.getString(18), rs.getBoolean(19));
        }
    }

    /** The calendar's entry of this row; planned only when both blocks are there. */
    public CalendarEntry entry() {
        var planned = offSiteFrom != null && onSiteFrom != null;
        return new CalendarEntry(rotationId, traineeId, traineeName, staffNo, cohortId, cohortName,
                homeDepartmentId, homeDepartmentName, homeHospitalName, hostDepartmentId, hostDepartmentName,
                hostHospitalName, planned ? DateRange.of(offSiteFrom, offSiteTo) : null,
                planned ? DateRange.of(onSiteFrom, onSiteTo) : null, planned ? mentorId : null,
                planned ? mentorName : null, confirmed, false);
    }
}
