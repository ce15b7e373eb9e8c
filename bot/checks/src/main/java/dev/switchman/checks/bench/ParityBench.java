package dev.switchman.checks.bench;

import dev.switchman.checks.connection.Jdbc;
import dev.switchman.checks.connection.Jdbc.Engine;
import dev.switchman.checks.db.NaiveParity;
import dev.switchman.checks.db.ParityCheck;
import dev.switchman.checks.db.ParityReport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The data parity benchmark (docs/benchmarks.md): two copies of an n-row {@code orders} table,
 * identical and with 10 scattered differences, PostgreSQL vs PostgreSQL and PostgreSQL vs MariaDB,
 * compared by {@code db.parity} and, with peer {@code naive}, by a full-row fetch-and-compare in
 * the same run. Wall time and peak heap per case; the peer must first find exactly the seeded
 * differences (else the benchmark fails), and so must db.parity. Targets: identical 1M rows < 10 s,
 * with differences < 2x that, heap < 256 MB. Tables live in schemas/databases of their own, dropped
 * afterwards. Servers: {@code SWITCHMAN_BENCH_PG} (default the local 127.0.0.1:5432 test) and
 * {@code SWITCHMAN_BENCH_MARIADB} (default 127.0.0.1:3306 test, root).
 */
public final class ParityBench {

    public static final Duration TARGET_IDENTICAL = Duration.ofSeconds(10);
    public static final long TARGET_HEAP_MB = 256;
    static final int DIFFERENCES = 10;

    private ParityBench() {
    }

    /** Runs every case {@code repeat} times; the result says within-targets and peer-sane. */
    public static Map<String, Object> run(int rows, String peer, int repeat) {
        String pg = env("SWITCHMAN_BENCH_PG", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String maria = env("SWITCHMAN_BENCH_MARIADB", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        String name = "sw_bench_" + Long.toHexString(System.nanoTime());
        String pgOld = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + name + "_old";
        String pgSame = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + name + "_same";
        String pgDiff = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + name + "_diff";
        String mariaSame = withDatabase(maria, name + "_same");
        String mariaDiff = withDatabase(maria, name + "_diff");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "parity");
        out.put("rows", rows);
        out.put("differences", DIFFERENCES);
        out.put("peer", peer);
        out.put("max-heap-mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try {
            long setup = System.nanoTime();
            exec(pg, "CREATE SCHEMA " + name + "_old", "CREATE SCHEMA " + name + "_same", "CREATE SCHEMA " + name + "_diff");
            exec(maria, "CREATE DATABASE " + name + "_same", "CREATE DATABASE " + name + "_diff");
            for (String url : List.of(pgOld, pgSame, pgDiff, mariaSame, mariaDiff)) {
                try (Connection c = DriverManager.getConnection(url)) {
                    ParityTables.create(c, Engine.of(url), rows);
                }
            }
            ParityTables.Seeded seededPg;
            ParityTables.Seeded seededMaria;
            try (Connection c = DriverManager.getConnection(pgDiff)) {
                seededPg = ParityTables.seed(c, Engine.POSTGRESQL, rows, DIFFERENCES);
            }
            try (Connection c = DriverManager.getConnection(mariaDiff)) {
                seededMaria = ParityTables.seed(c, Engine.MARIADB, rows, DIFFERENCES);
            }
            out.put("setup-s", seconds(System.nanoTime() - setup));
            ParityTables.Seeded none = new ParityTables.Seeded(List.of(), List.of(), List.of());
            List<Map<String, Object>> cases = new ArrayList<>();
            boolean sane = true;
            boolean within = true;
            double identicalWorst = 0;
            for (int r = 0; r < Math.max(1, repeat); r++) {
                for (Object[] c : new Object[][] {
                        {"pg-pg identical", pgOld, pgSame, none}, {"pg-pg 10 differences", pgOld, pgDiff, seededPg},
                        {"pg-mariadb identical", pgOld, mariaSame, none}, {"pg-mariadb 10 differences", pgOld, mariaDiff, seededMaria}}) {
                    String label = (String) c[0];
                    ParityTables.Seeded expected = (ParityTables.Seeded) c[3];
                    if ("naive".equals(peer)) {
                        Map<String, Object> naive = measure(label, "naive", (String) c[1], (String) c[2], expected, true);
                        sane &= Boolean.TRUE.equals(naive.get("found-seeded"));
                        cases.add(naive);
                    }
                    Map<String, Object> ours = measure(label, "db.parity", (String) c[1], (String) c[2], expected, false);
                    cases.add(ours);
                    boolean identical = expected.total() == 0;
                    double wall = (double) ours.get("wall-s");
                    if (identical) {
                        identicalWorst = Math.max(identicalWorst, wall);
                    }
                    within &= Boolean.TRUE.equals(ours.get("found-seeded"))
                            && wall < (identical ? 1 : 2) * TARGET_IDENTICAL.toSeconds()
                            && (long) ours.get("peak-heap-mb") < TARGET_HEAP_MB;
                }
            }
            out.put("cases", cases);
            out.put("identical-worst-s", identicalWorst);
            out.put("peer-sane", "naive".equals(peer) ? sane : "no peer");
            out.put("within-targets", within);
            out.put("ok", within && sane);
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("parity benchmark: " + Jdbc.firstLine(e.getMessage()), e);
        } finally {
            try {
                exec(pg, "DROP SCHEMA IF EXISTS " + name + "_old CASCADE", "DROP SCHEMA IF EXISTS " + name + "_same CASCADE", "DROP SCHEMA IF EXISTS " + name + "_diff CASCADE");
                exec(maria, "DROP DATABASE IF EXISTS " + name + "_same", "DROP DATABASE IF EXISTS " + name + "_diff");
            } catch (SQLException e) {
                out.put("cleanup-error", Jdbc.firstLine(e.getMessage()));
            }
        }
    }

    private static Map<String, Object> measure(String label, String how, String oldUrl, String newUrl, ParityTables.Seeded expected, boolean naive)
            throws SQLException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        ParityReport report;
        try (Connection a = Jdbc.open(oldUrl, Duration.ofMinutes(10), false); Connection b = Jdbc.open(newUrl, Duration.ofMinutes(10), false)) {
            report = naive
                    ? NaiveParity.compare(a, Engine.of(oldUrl), b, Engine.of(newUrl), "orders", "id", 100)
                    : ParityCheck.compare(a, Engine.of(oldUrl), b, Engine.of(newUrl), "orders", List.of(), List.of(), 100, System.nanoTime() + Duration.ofMinutes(10).toNanos());
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
        long wall = System.nanoTime() - start;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        boolean found = new HashSet<>(report.missing()).equals(new HashSet<>(expected.missing()))
                && new HashSet<>(report.extra()).equals(new HashSet<>(expected.extra()))
                && new HashSet<>(report.changed()).equals(new HashSet<>(expected.changed()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", label);
        m.put("by", how);
        m.put("wall-s", seconds(wall));
        m.put("peak-heap-mb", peak / (1024 * 1024));
        m.put("old-rows", report.oldRows());
        m.put("new-rows", report.newRows());
        m.put("missing-count", report.missingCount());
        m.put("extra-count", report.extraCount());
        m.put("changed-count", report.changedCount());
        m.put("queries", report.queries());
        m.put("found-seeded", found);
        return m;
    }

    private static void exec(String url, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static String withDatabase(String url, String db) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String params = q < 0 ? "" : url.substring(q);
        int slash = base.indexOf('/', base.indexOf("//") + 2);
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + db + params;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1000.0;
    }
}
