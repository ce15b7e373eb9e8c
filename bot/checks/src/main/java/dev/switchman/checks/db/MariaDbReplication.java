package dev.switchman.checks.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * MariaDB/MySQL replication from {@code SHOW REPLICA STATUS} (or {@code SHOW SLAVE STATUS} on older
 * servers) on the replica: IO and SQL threads, {@code Seconds_Behind_Master}, and the bytes between
 * the read and executed positions when both are in the same binlog file.
 */
final class MariaDbReplication {

    private MariaDbReplication() {
    }

    static Reading read(Connection replica, int timeoutS) throws SQLException {
        Map<String, String> row = status(replica, timeoutS);
        if (row == null) {
            throw new IllegalStateException("the replica is not replicating (SHOW REPLICA STATUS is empty)");
        }
        String io = first(row, "slave_io_running", "replica_io_running");
        String sql = first(row, "slave_sql_running", "replica_sql_running");
        String seconds = first(row, "seconds_behind_master", "seconds_behind_source");
        boolean ioUp = "Yes".equalsIgnoreCase(io);
        boolean sqlUp = "Yes".equalsIgnoreCase(sql);
        String state = ioUp && sqlUp ? "running" : !ioUp && !sqlUp ? "stopped" : !ioUp ? ("Connecting".equalsIgnoreCase(io) ? "connecting" : "io-stopped") : "sql-stopped";
        Double lagS = seconds == null || seconds.isBlank() ? null : Double.valueOf(seconds);
        Long bytes = null;
        String readFile = first(row, "master_log_file", "source_log_file");
        String execFile = first(row, "relay_master_log_file", "relay_source_log_file");
        String readPos = first(row, "read_master_log_pos", "read_source_log_pos");
        String execPos = first(row, "exec_master_log_pos", "exec_source_log_pos");
        if (readFile != null && readFile.equals(execFile) && readPos != null && execPos != null) {
            bytes = Math.max(0, Long.parseLong(readPos) - Long.parseLong(execPos));
        }
        String source = first(row, "master_host", "source_host");
        return new Reading(state, ioUp && sqlUp, lagS, bytes, "source " + source + ", IO " + io + ", SQL " + sql);
    }

    private static Map<String, String> status(Connection c, int timeoutS) throws SQLException {
        SQLException first = null;
        for (String q : new String[] {"SHOW REPLICA STATUS", "SHOW SLAVE STATUS"}) {
            try (Statement st = c.createStatement()) {
                st.setQueryTimeout(timeoutS);
                try (ResultSet rs = st.executeQuery(q)) {
                    if (!rs.next()) {
                        return null;
                    }
                    ResultSetMetaData md = rs.getMetaData();
                    Map<String, String> row = new HashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getString(i));
                    }
                    return row;
                }
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    private static String first(Map<String, String> row, String... names) {
        for (String n : names) {
            if (row.containsKey(n)) {
                return row.get(n);
            }
        }
        return null;
    }
}
