package dev.switchman.checks.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * A true lag in seconds from a heartbeat table (pt-heartbeat style: a writer on the primary
 * stamps a row with the time, replication carries it): the newest stamp on the primary less the
 * newest stamp on the replica. Works across engines; the table and column are plain identifiers
 * (validated), so they are written into the query.
 */
final class Heartbeat {

    private Heartbeat() {
    }

    static double lagSeconds(Connection primary, Connection replica, String table, String column, int timeoutS) throws SQLException {
        Timestamp p = newest(primary, table, column, timeoutS);
        Timestamp r = newest(replica, table, column, timeoutS);
        if (p == null) {
            throw new IllegalStateException("heartbeat table " + table + " is empty on the primary");
        }
        if (r == null) {
            throw new IllegalStateException("heartbeat table " + table + " is empty on the replica");
        }
        return Math.max(0, (p.getTime() - r.getTime()) / 1000.0);
    }

    private static Timestamp newest(Connection c, String table, String column, int timeoutS) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setQueryTimeout(timeoutS);
            try (ResultSet rs = st.executeQuery("SELECT MAX(" + column + ") FROM " + table)) {
                rs.next();
                return rs.getTimestamp(1);
            }
        }
    }
}
