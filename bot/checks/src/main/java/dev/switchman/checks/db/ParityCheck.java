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
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * {@code db.parity}: are tables equal between the old and the new database, also across engines
 * (PostgreSQL and MariaDB)? Counts and range checksums are computed inside each database and only
 * differing ranges are narrowed ({@link RangeParity}), down to the keys missing, extra or changed
 * on the new side; keys only, values are never shown. PASS iff every table is identical; FAIL names
 * the counts and the first keys; ERROR when a side cannot be read; UNKNOWN on the deadline.
 */
public final class ParityCheck implements CheckProvider {

    public static final String KIND = "db.parity";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "Tables equal between old and new databases (counts, range checksums, bisected to keys); PASS iff identical";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("old", "the old database: a JDBC URL, ${env:VAR} or a connection name"),
                ParamSpec.required("new", "the new database: a JDBC URL, ${env:VAR} or a connection name"),
                ParamSpec.required("tables", "comma list of tables (schema.table allowed), the same names on both sides"),
                ParamSpec.optional("key", null, "comma list of key columns (default: the old table's primary key)"),
                ParamSpec.optional("columns", null, "comma list of columns compared (default: every column of the old table)"),
                ParamSpec.optional("max-keys", "20", "how many keys each of missing/extra/changed lists at most (counts are exact)"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        DbParams.identifiers(params, "tables", problems);
        DbParams.identifiers(params, "key", problems);
        DbParams.identifiers(params, "columns", problems);
        DbParams.positiveInt(params, "max-keys", problems);
        return problems;
    }

    @Override
    public CheckResult run(CheckRequest request) {
        String oldUrl;
        String newUrl;
        try {
            Connections connections = Connections.of(request);
            oldUrl = connections.url(request, "old");
            newUrl = connections.url(request, "new");
        } catch (ConnectionException e) {
            return request.result(CheckStatus.ERROR, "", e.getMessage(), Map.of());
        }
        List<String> tables = DbParams.list(request.param("tables"));
        String target = Jdbc.where(oldUrl) + " vs " + Jdbc.where(newUrl);
        int maxKeys = Integer.parseInt(request.param("max-keys", "20").trim());
        Duration left = request.remaining();
        long deadline = System.nanoTime() + left.toNanos();
        List<ParityReport> reports = new ArrayList<>();
        try (Connection oldC = Jdbc.open(oldUrl, left, false); Connection newC = Jdbc.open(newUrl, left, false)) {
            for (String table : tables) {
                reports.add(compare(oldC, Jdbc.Engine.of(oldUrl), newC, Jdbc.Engine.of(newUrl), table,
                        DbParams.list(request.param("key")), DbParams.list(request.param("columns")), maxKeys, deadline));
            }
        } catch (ConnectionException e) {
            return request.result(String.valueOf(e.getMessage()).startsWith("timed out") ? CheckStatus.UNKNOWN : CheckStatus.ERROR, target, e.getMessage(), Map.of());
        } catch (TimeoutException e) {
            return request.result(CheckStatus.UNKNOWN, target, "timed out comparing (" + reports.size() + " of " + tables.size() + " tables done)", Map.of());
        } catch (IllegalStateException e) {
            return request.result(CheckStatus.ERROR, target, e.getMessage(), Map.of());
        } catch (SQLException e) {
            boolean timeout = e instanceof java.sql.SQLTimeoutException || "57014".equals(e.getSQLState());
            return request.result(timeout ? CheckStatus.UNKNOWN : CheckStatus.ERROR, target,
                    (timeout ? "timed out comparing: " : "cannot compare: ") + Jdbc.firstLine(e.getMessage()), Map.of());
        }
        return summarize(request, target, reports, maxKeys);
    }

    /**
     * Compares one table between two open connections (the engines say which SQL each speaks);
     * {@code key} and {@code columns} empty mean the primary key and every column. Used by the check
     * and by {@code switchman bench parity}.
     */
    public static ParityReport compare(Connection oldC, Jdbc.Engine oldEngine, Connection newC, Jdbc.Engine newEngine, String table,
                                List<String> key, List<String> columns, int maxKeys, long deadlineNanos) throws SQLException, TimeoutException {
        Dialect od = Dialect.of(oldEngine);
        Dialect nd = Dialect.of(newEngine);
        od.prepare(oldC);
        nd.prepare(newC);
        try {
            TableShape oldShape = TableShape.read(oldC, oldEngine, table);
            TableShape newShape = TableShape.read(newC, newEngine, table);
            List<String> keyCols = key.isEmpty() ? oldShape.key() : key.stream().map(String::toLowerCase).toList();
            if (keyCols.isEmpty()) {
                throw new IllegalStateException("table " + table + " has no primary key on the old side: give 'key'");
            }
            List<String> cols = columns.isEmpty() ? new ArrayList<>(oldShape.columns().keySet()) : columns.stream().map(String::toLowerCase).toList();
            List<String> all = new ArrayList<>(cols);
            keyCols.stream().filter(k -> !all.contains(k)).forEach(all::add);
            for (String c : all) {
                if (!oldShape.columns().containsKey(c)) {
                    throw new IllegalStateException("column " + c + " of " + table + " is missing on the old side");
                }
                if (!newShape.columns().containsKey(c)) {
                    throw new IllegalStateException("column " + c + " of " + table + " is missing on the new side");
                }
            }
            TableShape oldKeyed = new TableShape(table, oldShape.columns(), keyCols);
            TableShape newKeyed = new TableShape(table, newShape.columns(), keyCols);
            RangeParity parity = new RangeParity(
                    RangeParity.side(oldC, od, oldKeyed, all, oldShape.columns(), od == nd),
                    RangeParity.side(newC, nd, newKeyed, all, newShape.columns(), od == nd), maxKeys, deadlineNanos);
            return parity.compare();
        } finally {
            oldC.rollback();
            newC.rollback();
        }
    }

    private static CheckResult summarize(CheckRequest request, String target, List<ParityReport> reports, int maxKeys) {
        boolean prefix = reports.size() > 1;
        long oldRows = 0, newRows = 0, missing = 0, extra = 0, changed = 0;
        java.math.BigInteger oldSum = java.math.BigInteger.ZERO, newSum = java.math.BigInteger.ZERO;
        List<String> missingKeys = new ArrayList<>(), extraKeys = new ArrayList<>(), changedKeys = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (ParityReport r : reports) {
            oldRows += r.oldRows();
            newRows += r.newRows();
            missing += r.missingCount();
            extra += r.extraCount();
            changed += r.changedCount();
            oldSum = oldSum.add(r.oldChecksum());
            newSum = newSum.add(r.newChecksum());
            addKeys(missingKeys, r.missing(), r.table(), prefix, maxKeys);
            addKeys(extraKeys, r.extra(), r.table(), prefix, maxKeys);
            addKeys(changedKeys, r.changed(), r.table(), prefix, maxKeys);
            if (!r.identical()) {
                differing.add(r.table() + " (" + r.missingCount() + " missing, " + r.extraCount() + " extra, " + r.changedCount() + " changed)");
            }
        }
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("old-rows", oldRows);
        obs.put("new-rows", newRows);
        obs.put("old-count", oldRows); // the names the data rule pack reads today
        obs.put("new-count", newRows);
        java.math.BigInteger mod = java.math.BigInteger.ONE.shiftLeft(64);
        obs.put("old-checksum", oldSum.mod(mod).toString(16));
        obs.put("new-checksum", newSum.mod(mod).toString(16));
        obs.put("missing-count", missing);
        obs.put("extra-count", extra);
        obs.put("changed-count", changed);
        obs.put("missing", missingKeys);
        obs.put("extra", extraKeys);
        obs.put("changed", changedKeys);
        obs.put("tables", reports.size());
        if (differing.isEmpty()) {
            return request.result(CheckStatus.PASS, target, reports.size() + " table(s) identical, " + oldRows + " rows", obs);
        }
        String first = !missingKeys.isEmpty() ? "first missing key " + missingKeys.get(0)
                : !extraKeys.isEmpty() ? "first extra key " + extraKeys.get(0)
                : !changedKeys.isEmpty() ? "first changed key " + changedKeys.get(0) : "row counts differ";
        return request.result(CheckStatus.FAIL, target, "differences in " + String.join(", ", differing) + "; " + first, obs);
    }

    private static void addKeys(List<String> into, List<String> keys, String table, boolean prefix, int max) {
        for (String k : keys) {
            if (into.size() >= max) {
                return;
            }
            into.add(prefix ? table + ":" + k : k);
        }
    }
}
