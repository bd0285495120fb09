package org.kora.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import org.h2.api.Trigger;

/**
 * The H2 trigger (migration V3) that refuses every UPDATE and DELETE on an append-only table: the
 * sign-offs and the audit log. It holds against any program on the file, not only Kora; whoever
 * drops it to edit the rows is caught by the sign-off chain's verification instead.
 */
public final class AppendOnlyTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        table = tableName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("The table " + table + " is append-only: its rows are never changed or removed. "
                + "A correction is a new entry.");
    }
}
