package dev.switchman.checks.db;

import dev.switchman.checks.connection.ConnectionException;
import dev.switchman.checks.connection.Connections;
import dev.switchman.checks.connection.Jdbc;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code db.writes}: rows written on one side since a time, the input to "roll back or fix
 * forward" (rules compare {@code writes} with the runbook's {@code fix-forward-writes}). Either
 * rows whose timestamp {@code column} is at or after {@code since} (an ISO-8601 instant, a duration
 * ago such as {@code 2h}, or {@code ${env:VAR}}), or rows whose integer {@code key} is above a
 * recorded high-water mark {@code after}. PASS with the count (a measurement; the rules weigh it);
 * ERROR when a table cannot be read; UNKNOWN on the deadline.
 */
public final class WritesCheck implements CheckProvider {

    public static final String KIND = "db.writes";
    private static final Pattern AGO = Pattern.compile("(\\d+)([smhd])");

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "Rows written on one side since a time (timestamp column) or above a high-water key; observation writes";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("db", "the database: a JDBC URL, ${env:VAR} or a connection name"),
                ParamSpec.required("tables", "comma list of tables"),
                ParamSpec.optional("column", null, "timestamp column written with each row (created_at, updated_at); with 'since'"),
                ParamSpec.optional("since", null, "ISO-8601 instant (2026-11-30T12:00:00Z), a duration ago (30m, 2h, 1d) or ${env:VAR}; with 'column'"),
                ParamSpec.optional("key", null, "integer key column; with 'after'"),
                ParamSpec.optional("after", null, "high-water mark: rows with key above it count (observation high-water gives the next one)"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        DbParams.identifiers(params, "tables", problems);
        DbParams.identifiers(params, "column", problems);
        DbParams.identifiers(params, "key", problems);
        boolean byTime = has(params, "column") || has(params, "since");
        boolean byKey = has(params, "key") || has(params, "after");
        if (byTime == byKey) {
            problems.add("give either 'column' and 'since' (rows written since a time) or 'key' and 'after' (rows above a high-water mark)");
        } else if (byTime && !(has(params, "column") && has(params, "since"))) {
            problems.add("parameters 'column' and 'since' go together: " + (has(params, "column") ? "'since'" : "'column'") + " is missing");
        } else if (byKey && !(has(params, "key") && has(params, "after"))) {
            problems.add("parameters 'key' and 'after' go together: " + (has(params, "key") ? "'after'" : "'key'") + " is missing");
        }
        String since = params.get("since");
        if (since != null && !since.isBlank() && !since.trim().startsWith("${env:")) {
            try {
                parseSince(since.trim(), Instant.EPOCH);
            } catch (IllegalArgumentException e) {
                problems.add("parameter 'since': " + e.getMessage());
            }
        }
        String after = params.get("after");
        if (after != null && !after.isBlank()) {
            try {
                Long.parseLong(after.trim());
            } catch (NumberFormatException e) {
                problems.add("parameter 'after': '" + after.trim() + "' is not a whole number (the key's high-water mark)");
            }
        }
        return problems;
    }

    private static boolean has(Map<String, String> params, String name) {
        return params.get(name) != null && !params.get(name).isBlank();
    }

    /** An ISO-8601 instant or a duration ago ({@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}) from {@code now}. */
    static Instant parseSince(String value, Instant now) {
        Matcher m = AGO.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.minus(d);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is neither an ISO-8601 instant (2026-11-30T12:00:00Z) nor a duration ago (30m, 2h, 1d)");
        }
    }

    @Override
    public CheckResult run(CheckRequest request) {
        String url;
        Instant since = null;
        Connections connections = Connections.of(request);
        try {
            url = connections.url(request, "db");
            if (request.param("since") != null) {
                String raw = request.param("since").trim();
                String value = raw.startsWith("${env:") ? connections.url(request, "since") : raw;
                since = parseSince(value, request.clock().instant());
            }
        } catch (ConnectionException | IllegalArgumentException e) {
            return request.result(CheckStatus.ERROR, "", e.getMessage(), Map.of());
        }
        String target = Jdbc.where(url);
        List<String> tables = DbParams.list(request.param("tables"));
        Duration left = request.remaining();
        int timeoutS = (int) Math.max(1, left.toSeconds());
        Map<String, Object> byTable = new LinkedHashMap<>();
        Map<String, Object> highWater = new LinkedHashMap<>();
        long total = 0;
        try (Connection c = Jdbc.open(url, left, false)) {
            for (String table : tables) {
                long n;
                if (since != null) {
                    n = count(c, "SELECT COUNT(*) FROM " + table + " WHERE " + request.param("column").trim() + " >= ?", Timestamp.from(since), timeoutS);
                } else {
                    String key = request.param("key").trim();
                    n = count(c, "SELECT COUNT(*) FROM " + table + " WHERE " + key + " > ?", Long.parseLong(request.param("after").trim()), timeoutS);
                    highWater.put(table, count(c, "SELECT COALESCE(MAX(" + key + "), 0) FROM " + table, null, timeoutS));
                }
                byTable.put(table, n);
                total += n;
            }
        } catch (ConnectionException e) {
            return request.result(String.valueOf(e.getMessage()).startsWith("timed out") ? CheckStatus.UNKNOWN : CheckStatus.ERROR, target, e.getMessage(), Map.of());
        } catch (SQLException e) {
            boolean timeout = e instanceof java.sql.SQLTimeoutException || "57014".equals(e.getSQLState());
            return request.result(timeout ? CheckStatus.UNKNOWN : CheckStatus.ERROR, target,
                    (timeout ? "timed out counting writes: " : "cannot count writes: ") + Jdbc.firstLine(e.getMessage()), Map.of());
        }
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("writes", total);
        obs.put("writes-by-table", byTable);
        if (!highWater.isEmpty()) {
            obs.put("high-water", highWater);
        }
        String when = since != null ? "since " + since : "above key " + request.param("after").trim();
        return request.result(CheckStatus.PASS, target, total + " row(s) written " + when + " in " + String.join(", ", tables), obs);
    }

    private static long count(Connection c, String sql, Object arg, int timeoutS) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(timeoutS);
            if (arg instanceof Timestamp t) {
                ps.setTimestamp(1, t, Calendar.getInstance(TimeZone.getTimeZone("UTC")));
            } else if (arg != null) {
                ps.setLong(1, (Long) arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
