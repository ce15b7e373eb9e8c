package dev.switchman.checks.db;

import dev.switchman.checks.connection.ConnectionException;
import dev.switchman.checks.connection.Connections;
import dev.switchman.checks.connection.Jdbc;
import dev.switchman.checks.connection.Resp;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code db.replication}: how far a replica is behind its primary, and whether replication runs at
 * all. Modes: PostgreSQL logical and streaming, MariaDB/MySQL, Redis; optionally a heartbeat table
 * for a true lag in seconds. Observations {@code lag-s}, {@code lag-bytes}, {@code state}. PASS needs
 * replication running and a measured lag within {@code max-lag-s} (and {@code max-lag-bytes} if
 * given); stopped replication is FAIL; a lag that cannot be measured is UNKNOWN; an unreachable or
 * unreadable server is ERROR.
 */
public final class ReplicationCheck implements CheckProvider {

    public static final String KIND = "db.replication";
    static final List<String> MODES = List.of("auto", "postgresql-logical", "postgresql-streaming", "mariadb", "redis");

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "Replication lag and state (PostgreSQL logical/streaming, MariaDB, Redis); PASS iff running with lag-s <= max-lag-s";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.optional("primary", null, "the primary/publisher: a URL, ${env:VAR} or a connection name (needed for PostgreSQL logical lag, Redis, heartbeat)"),
                ParamSpec.optional("replica", null, "the replica/subscriber/standby: a URL, ${env:VAR} or a connection name"),
                ParamSpec.optional("mode", "auto", "one of " + MODES + "; auto reads the URLs (and asks PostgreSQL whether the replica is a standby)"),
                ParamSpec.optional("subscription", null, "PostgreSQL logical: the subscription on the replica (default: its only one)"),
                ParamSpec.optional("slot", null, "PostgreSQL logical: the slot on the primary (default: the subscription's)"),
                ParamSpec.optional("application-name", null, "PostgreSQL streaming: the standby's application_name (default: every standby, worst counts)"),
                ParamSpec.optional("heartbeat-table", null, "a table a heartbeat writer stamps on the primary; lag-s = newest stamp on the primary - newest on the replica"),
                ParamSpec.optional("heartbeat-column", "ts", "the heartbeat table's timestamp column"),
                ParamSpec.optional("max-lag-s", "1", "largest acceptable lag in seconds"),
                ParamSpec.optional("max-lag-bytes", null, "largest acceptable lag in bytes (WAL, binlog or offset); none by default"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        DbParams.oneOf(params, "mode", MODES, problems);
        DbParams.nonNegativeNumber(params, "max-lag-s", problems);
        DbParams.nonNegativeNumber(params, "max-lag-bytes", problems);
        DbParams.identifiers(params, "heartbeat-table", problems);
        DbParams.identifiers(params, "heartbeat-column", problems);
        String mode = params.getOrDefault("mode", "auto").trim();
        boolean hasPrimary = present(params, "primary");
        boolean hasReplica = present(params, "replica");
        if (!hasPrimary && !hasReplica) {
            problems.add("give 'replica' (and 'primary' where the mode reads it): neither is set");
        }
        if ((mode.equals("postgresql-logical") || mode.equals("mariadb")) && !hasReplica) {
            problems.add("mode " + mode + " reads the replica: parameter 'replica' is missing");
        }
        if (present(params, "heartbeat-table") && !(hasPrimary && hasReplica)) {
            problems.add("parameter 'heartbeat-table' compares both sides: give 'primary' and 'replica'");
        }
        return problems;
    }

    private static boolean present(Map<String, String> params, String name) {
        return params.get(name) != null && !params.get(name).isBlank();
    }

    @Override
    public CheckResult run(CheckRequest request) {
        Connections connections = Connections.of(request);
        String primaryUrl;
        String replicaUrl;
        try {
            primaryUrl = request.param("primary") == null ? null : connections.url(request, "primary");
            replicaUrl = request.param("replica") == null ? null : connections.url(request, "replica");
        } catch (ConnectionException e) {
            return request.result(CheckStatus.ERROR, "", e.getMessage(), Map.of());
        }
        String target = Jdbc.where(replicaUrl != null ? replicaUrl : primaryUrl);
        Duration left = request.remaining();
        if (left.isZero()) {
            return request.result(CheckStatus.UNKNOWN, target, "no time left before the deadline", Map.of());
        }
        int timeoutS = (int) Math.max(1, left.toSeconds());
        String mode = request.param("mode", "auto").trim();
        String sample = replicaUrl != null ? replicaUrl : primaryUrl;
        try {
            Reading reading;
            if (mode.equals("redis") || (mode.equals("auto") && sample.toLowerCase(Locale.ROOT).startsWith("redis:"))) {
                reading = redis(primaryUrl, replicaUrl, left);
            } else {
                reading = jdbc(request, mode, primaryUrl, replicaUrl, left, timeoutS);
            }
            return judge(request, target, reading);
        } catch (ConnectionException e) {
            return request.result(e.getCause() instanceof java.sql.SQLTimeoutException || String.valueOf(e.getMessage()).startsWith("timed out")
                    ? CheckStatus.UNKNOWN : CheckStatus.ERROR, target, e.getMessage(), Map.of());
        } catch (IllegalStateException e) {
            return request.result(CheckStatus.ERROR, target, e.getMessage(), Map.of("state", "unknown"));
        } catch (SQLException e) {
            boolean timeout = e instanceof java.sql.SQLTimeoutException || "57014".equals(e.getSQLState());
            return request.result(timeout ? CheckStatus.UNKNOWN : CheckStatus.ERROR, target,
                    (timeout ? "timed out reading replication state: " : "cannot read replication state: ") + Jdbc.firstLine(e.getMessage()), Map.of("state", "unknown"));
        } catch (IOException e) {
            return request.result(e instanceof java.net.SocketTimeoutException ? CheckStatus.UNKNOWN : CheckStatus.ERROR, target,
                    "cannot read replication state: " + e.getMessage(), Map.of("state", "unknown"));
        }
    }

    private static Reading redis(String primaryUrl, String replicaUrl, Duration left) throws IOException {
        if (primaryUrl != null) {
            try (Resp p = Resp.connect(primaryUrl, left)) {
                return RedisReplication.fromPrimary(p);
            }
        }
        try (Resp r = Resp.connect(replicaUrl, left)) {
            return RedisReplication.fromReplica(r);
        }
    }

    private static Reading jdbc(CheckRequest request, String mode, String primaryUrl, String replicaUrl, Duration left, int timeoutS) throws SQLException {
        try (Connection primary = primaryUrl == null ? null : Jdbc.open(primaryUrl, left, false);
             Connection replica = replicaUrl == null ? null : Jdbc.open(replicaUrl, left, false)) {
            Connection any = replica != null ? replica : primary;
            Jdbc.Engine engine = Jdbc.Engine.of(replicaUrl != null ? replicaUrl : primaryUrl);
            String m = mode;
            if (m.equals("auto")) {
                if (engine == Jdbc.Engine.MARIADB) {
                    m = "mariadb";
                } else if (request.param("subscription") != null || request.param("slot") != null) {
                    m = "postgresql-logical";
                } else if (replica == null || PostgresReplication.inRecovery(replica)) {
                    m = "postgresql-streaming";
                } else {
                    m = "postgresql-logical";
                }
            }
            Reading reading = switch (m) {
                case "postgresql-logical" -> PostgresReplication.logical(primary, replica, request.param("subscription"), request.param("slot"), timeoutS);
                case "postgresql-streaming" -> PostgresReplication.streaming(primary, replica, request.param("application-name"), timeoutS);
                case "mariadb" -> MariaDbReplication.read(any, timeoutS);
                default -> throw new IllegalStateException("mode " + m + " does not read a JDBC URL");
            };
            String table = request.param("heartbeat-table");
            if (table != null && !table.isBlank()) {
                reading = reading.withLagS(Heartbeat.lagSeconds(primary, replica, table.trim(), request.param("heartbeat-column", "ts").trim(), timeoutS));
            }
            return reading;
        }
    }

    private static CheckResult judge(CheckRequest request, String target, Reading r) {
        double maxLagS = DbParams.number(request.param("max-lag-s", "1"));
        Double maxBytes = DbParams.number(request.param("max-lag-bytes"));
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("state", r.state());
        if (r.lagS() != null) {
            obs.put("lag-s", Math.round(r.lagS() * 1000) / 1000.0);
        }
        if (r.lagBytes() != null) {
            obs.put("lag-bytes", r.lagBytes());
        }
        String lag = "lag " + (r.lagS() == null ? "unknown" : obs.get("lag-s") + " s")
                + (r.lagBytes() == null ? "" : ", " + r.lagBytes() + " bytes");
        String what = r.detail() + ": " + r.state() + ", " + lag;
        CheckStatus status;
        if (!r.running()) {
            status = CheckStatus.FAIL;
            what = "replication not running (" + what + ")";
        } else if (r.lagS() != null && r.lagS() > maxLagS) {
            status = CheckStatus.FAIL;
            what += " > max " + fmt(maxLagS) + " s";
        } else if (maxBytes != null && r.lagBytes() != null && r.lagBytes() > maxBytes) {
            status = CheckStatus.FAIL;
            what += " > max " + fmt(maxBytes) + " bytes";
        } else if (r.lagS() == null) {
            status = CheckStatus.UNKNOWN;
            what += " (lag in seconds not measurable here: give 'primary' or 'heartbeat-table')";
        } else {
            status = CheckStatus.PASS;
        }
        return request.result(status, target, what, obs);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
