package dev.switchman.checks.db;

import dev.switchman.checks.connection.Resp;
import java.io.IOException;
import java.util.Map;

/**
 * Redis replication from {@code INFO replication}. On the primary: every connected replica's
 * acknowledged offset against {@code master_repl_offset} (lag-bytes, the furthest behind), and
 * Redis's own {@code lag} (seconds since that replica's last acknowledgement) as lag-s while
 * behind. On a replica alone: the link status and {@code master_last_io_seconds_ago}.
 */
final class RedisReplication {

    private RedisReplication() {
    }

    static Reading fromPrimary(Resp primary) throws IOException {
        Map<String, String> info = primary.info("replication");
        if (!"master".equals(info.get("role"))) {
            throw new IllegalStateException("the primary answers role " + info.get("role") + ", not master");
        }
        long master = Long.parseLong(info.getOrDefault("master_repl_offset", "0"));
        int connected = Integer.parseInt(info.getOrDefault("connected_slaves", "0"));
        if (connected == 0) {
            return new Reading("no-replica", false, null, null, "no replica connected");
        }
        long worstBytes = -1;
        double worstLag = 0;
        boolean allOnline = true;
        String worstName = "";
        for (int i = 0; i < connected; i++) {
            String line = info.get("slave" + i);
            if (line == null) {
                continue;
            }
            Map<String, String> f = fields(line);
            allOnline &= "online".equals(f.get("state"));
            long behind = Math.max(0, master - Long.parseLong(f.getOrDefault("offset", "0")));
            if (behind > worstBytes) {
                worstBytes = behind;
                worstLag = Double.parseDouble(f.getOrDefault("lag", "0"));
                worstName = f.get("ip") + ":" + f.get("port");
            }
        }
        Double lagS = worstBytes == 0 ? 0.0 : worstLag;
        return new Reading(allOnline ? "online" : "syncing", allOnline, lagS, worstBytes, connected + " replica(s), furthest " + worstName);
    }

    static Reading fromReplica(Resp replica) throws IOException {
        Map<String, String> info = replica.info("replication");
        if (!"slave".equals(info.get("role"))) {
            throw new IllegalStateException("the replica answers role " + info.get("role") + ", not a replica");
        }
        boolean up = "up".equals(info.get("master_link_status"));
        boolean syncing = "1".equals(info.get("master_sync_in_progress"));
        String io = info.get("master_last_io_seconds_ago");
        Double lagS = up && io != null ? Double.valueOf(Math.max(0, Long.parseLong(io))) : null;
        return new Reading(syncing ? "syncing" : up ? "up" : "down", up && !syncing, lagS, null,
                "replica of " + info.get("master_host") + ":" + info.get("master_port"));
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> f = new java.util.HashMap<>();
        for (String kv : line.split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                f.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return f;
    }
}
