package dev.switchman.checks.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL replication, read from the catalog views: logical ({@code pg_subscription} and
 * {@code pg_stat_subscription} on the subscriber, {@code pg_replication_slots} and
 * {@code pg_stat_replication} on the publisher) and streaming ({@code pg_stat_replication} on the
 * primary, or {@code pg_stat_wal_receiver} and the replay functions on the standby).
 */
final class PostgresReplication {

    private PostgresReplication() {
    }

    /** True if the server is a standby (in recovery). */
    static boolean inRecovery(Connection c) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Logical replication of one subscription. {@code subscription} may be null when the
     * subscriber's database has exactly one; {@code slot} defaults to the subscription's slot.
     * The publisher ({@code primary}) may be null: then lag-bytes and lag-s stay unknown.
     */
    static Reading logical(Connection primary, Connection replica, String subscription, String slot, int timeoutS) throws SQLException {
        List<String[]> subs = new ArrayList<>();
        String sql = "SELECT s.subname, s.subenabled, s.subslotname, st.pid FROM pg_subscription s "
                + "LEFT JOIN pg_stat_subscription st ON st.subid = s.oid AND st.relid IS NULL "
                + "WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY s.subname";
        try (PreparedStatement ps = replica.prepareStatement(sql)) {
            ps.setQueryTimeout(timeoutS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    subs.add(new String[] {rs.getString(1), String.valueOf(rs.getBoolean(2)), rs.getString(3), rs.getString(4)});
                }
            }
        }
        String[] sub = null;
        for (String[] s : subs) {
            if (subscription == null ? subs.size() == 1 : s[0].equals(subscription)) {
                sub = s;
            }
        }
        if (sub == null) {
            String names = subs.stream().map(s -> s[0]).toList().toString();
            throw new IllegalStateException(subscription == null
                    ? (subs.isEmpty() ? "no subscription in the replica's database" : "several subscriptions " + names + ": name one with 'subscription'")
                    : "no subscription '" + subscription + "' in the replica's database (found " + names + ")");
        }
        String name = sub[0];
        boolean enabled = Boolean.parseBoolean(sub[1]);
        String slotName = slot != null ? slot : sub[2];
        boolean workerUp = sub[3] != null;
        String state = workerUp ? "streaming" : enabled ? "down" : "disabled";
        if (primary == null) {
            return new Reading(state, workerUp, null, null, "subscription " + name);
        }
        Long lagBytes = null;
        String slotStatus = null;
        try (PreparedStatement ps = primary.prepareStatement(
                "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint, wal_status FROM pg_replication_slots WHERE slot_name = ?")) {
            ps.setQueryTimeout(timeoutS);
            ps.setString(1, slotName);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Reading("no-slot", false, null, null, "subscription " + name + ", slot " + slotName + " missing on the primary");
                }
                long b = rs.getLong(1);
                lagBytes = rs.wasNull() ? null : Math.max(0, b);
                slotStatus = rs.getString(2);
            }
        }
        if ("lost".equals(slotStatus)) {
            return new Reading("slot-lost", false, null, lagBytes, "subscription " + name + ", slot " + slotName + " lost its WAL");
        }
        Double lagS = null;
        String sender = null;
        try (PreparedStatement ps = primary.prepareStatement(
                "SELECT state, EXTRACT(EPOCH FROM replay_lag)::float8 FROM pg_stat_replication WHERE application_name = ? ORDER BY replay_lag DESC NULLS LAST LIMIT 1")) {
            ps.setQueryTimeout(timeoutS);
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    sender = rs.getString(1);
                    double l = rs.getDouble(2);
                    lagS = rs.wasNull() ? ("streaming".equals(sender) ? 0.0 : null) : l;
                }
            }
        }
        if (workerUp && sender != null) {
            state = sender;
        }
        if (lagBytes != null && lagBytes == 0) {
            lagS = 0.0;
        }
        return new Reading(state, workerUp && sender != null, lagS, lagBytes, "subscription " + name + ", slot " + slotName);
    }

    /**
     * Streaming replication. With the primary, every physical standby in {@code pg_stat_replication}
     * (only {@code applicationName} if given; the worst lag counts); without it, the standby's own view.
     */
    static Reading streaming(Connection primary, Connection standby, String applicationName, int timeoutS) throws SQLException {
        if (primary != null) {
            String sql = "SELECT r.application_name, r.state, pg_wal_lsn_diff(pg_current_wal_lsn(), r.replay_lsn)::bigint, "
                    + "EXTRACT(EPOCH FROM r.replay_lag)::float8 FROM pg_stat_replication r "
                    + "WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots s WHERE s.active_pid = r.pid AND s.slot_type = 'logical')"
                    + (applicationName == null ? "" : " AND r.application_name = ?")
                    + " ORDER BY 3 DESC NULLS FIRST";
            try (PreparedStatement ps = primary.prepareStatement(sql)) {
                ps.setQueryTimeout(timeoutS);
                if (applicationName != null) {
                    ps.setString(1, applicationName);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Reading("no-standby", false, null, null,
                                applicationName == null ? "no streaming standby connected" : "standby " + applicationName + " not connected");
                    }
                    String app = rs.getString(1);
                    String state = rs.getString(2);
                    long b = rs.getLong(3);
                    Long bytes = rs.wasNull() ? null : Math.max(0, b);
                    double l = rs.getDouble(4);
                    Double lagS = rs.wasNull() ? (bytes != null && bytes == 0 ? 0.0 : null) : l;
                    if (bytes != null && bytes == 0) {
                        lagS = 0.0;
                    }
                    return new Reading(state, "streaming".equals(state), lagS, bytes, "standby " + app);
                }
            }
        }
        String sql = "SELECT pg_is_in_recovery(), (SELECT status FROM pg_stat_wal_receiver LIMIT 1), pg_is_wal_replay_paused(), "
                + "pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint, "
                + "EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8";
        try (PreparedStatement ps = standby.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new IllegalStateException("the replica is not a standby (not in recovery)");
            }
            String receiver = rs.getString(2);
            boolean paused = rs.getBoolean(3);
            long b = rs.getLong(4);
            Long bytes = rs.wasNull() ? null : Math.max(0, b);
            double age = rs.getDouble(5);
            Double lagS = bytes != null && bytes == 0 ? Double.valueOf(0.0) : rs.wasNull() ? null : Math.max(0, age);
            String state = paused ? "paused" : receiver == null ? "disconnected" : receiver;
            return new Reading(state, !paused && "streaming".equals(receiver), lagS, bytes, "standby view");
        }
    }
}
