package dev.switchman.checks.bench;

import dev.switchman.checks.connection.Jdbc;
import dev.switchman.checks.connection.Jdbc.Engine;
import dev.switchman.checks.db.NaiveParity;
import dev.switchman.checks.db.ParityCheck;
import dev.switchman.checks.db.ParityReport;
import dev.switchman.core.bench.PeerBenchmark;
import dev.switchman.core.bench.Sanity;
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
 * identical and with 10 scattered differences, PostgreSQL vs PostgreSQL and PostgreSQL vs MariaDB
 * (four cases), compared by {@code db.parity}; with peer {@code naive}, also by a full-row
 * fetch-and-compare ({@link NaiveParity}), interleaved in the same run. Figures: wall time per case,
 * the peak heap across cases, whether the seeded differences were found exactly. The peer is checked
 * first: it must find exactly the seeded differences, else the benchmark fails. Targets: identical
 * tables < 10 s, differences < 2x that, heap < 256 MB. Tables live in schemas/databases of their own,
 * created once by {@link #open} and dropped by {@link #close}. Servers: {@code SWITCHMAN_BENCH_PG}
 * (default the local 127.0.0.1:5432 test) and {@code SWITCHMAN_BENCH_MARIADB} (default 127.0.0.1:3306
 * test, root).
 */
public final class ParityBench implements PeerBenchmark {

    public static final Duration TARGET_IDENTICAL = Duration.ofSeconds(10);
    public static final long TARGET_HEAP_MB = 256;
    static final int DIFFERENCES = 10;

    private record Case(String label, String oldUrl, String newUrl, ParityTables.Seeded expected) {
    }

    private final int rows;
    private final String pg;
    private final String maria;
    private final String name;
    private final List<Case> cases = new ArrayList<>();
    private double setupS;

    private ParityBench(int rows) {
        this.rows = rows;
        this.pg = env("SWITCHMAN_BENCH_PG", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        this.maria = env("SWITCHMAN_BENCH_MARIADB", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        this.name = "sw_bench_" + Long.toHexString(System.nanoTime());
    }

    /** Creates the five tables (three PostgreSQL schemas, two MariaDB databases) and seeds the differences. */
    public static ParityBench open(int rows) throws SQLException {
        ParityBench b = new ParityBench(rows);
        try {
            b.setUp();
            return b;
        } catch (SQLException | RuntimeException e) {
            b.close();
            throw e;
        }
    }

    private void setUp() throws SQLException {
        long start = System.nanoTime();
        String pgOld = schema("old");
        String pgSame = schema("same");
        String pgDiff = schema("diff");
        String mariaSame = withDatabase(maria, name + "_same");
        String mariaDiff = withDatabase(maria, name + "_diff");
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
        ParityTables.Seeded none = new ParityTables.Seeded(List.of(), List.of(), List.of());
        cases.add(new Case("pg-pg-identical", pgOld, pgSame, none));
        cases.add(new Case("pg-pg-differences", pgOld, pgDiff, seededPg));
        cases.add(new Case("pg-mariadb-identical", pgOld, mariaSame, none));
        cases.add(new Case("pg-mariadb-differences", pgOld, mariaDiff, seededMaria));
        setupS = seconds(System.nanoTime() - start);
    }

    /**
     * One repetition of db.parity over the four cases: {@code <case>-s} wall times, {@code peak-heap-mb},
     * {@code found-seeded} (every case found exactly its seeded differences), {@code within-budget} and, when
     * not, {@code over-budget} (what was over, one sentence each).
     */
    public Map<String, Object> ours() throws SQLException {
        return run(false);
    }

    private Map<String, Object> run(boolean naive) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "parity");
        out.put("by", naive ? "naive" : "db.parity");
        out.put("rows", rows);
        out.put("differences", DIFFERENCES);
        out.put("setup-s", setupS);
        out.put("max-heap-mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        boolean found = true;
        boolean within = true;
        long peakMb = 0;
        double total = 0;
        List<String> wrong = new ArrayList<>();
        List<String> over = new ArrayList<>();
        for (Case c : cases) {
            long[] heap = new long[1];
            long start = System.nanoTime();
            ParityReport report = measure(c, naive, heap);
            double wall = seconds(System.nanoTime() - start);
            total += wall;
            peakMb = Math.max(peakMb, heap[0]);
            boolean ok = matches(report, c.expected());
            if (!ok) {
                wrong.add(c.label() + ": found " + report.missingCount() + " missing, " + report.extraCount() + " extra, " + report.changedCount()
                        + " changed; seeded " + c.expected().missing().size() + ", " + c.expected().extra().size() + ", " + c.expected().changed().size());
            }
            found &= ok;
            boolean identical = c.expected().total() == 0;
            long budget = (identical ? 1 : 2) * TARGET_IDENTICAL.toSeconds();
            if (wall >= budget) {
                within = false;
                over.add(c.label() + " took " + Math.round(wall * 10) / 10.0 + " s, budget " + budget + " s");
            }
            out.put(c.label() + "-s", wall);
            out.put(c.label() + "-queries", report.queries());
        }
        out.put("total-s", Math.round(total * 1000) / 1000.0);
        out.put("peak-heap-mb", peakMb);
        out.put("found-seeded", found);
        if (!wrong.isEmpty()) {
            out.put("wrong", wrong);
        }
        out.put("target-identical-s", TARGET_IDENTICAL.toSeconds());
        out.put("target-heap-mb", TARGET_HEAP_MB);
        if (peakMb >= TARGET_HEAP_MB) {
            over.add("peak heap " + peakMb + " MB, budget " + TARGET_HEAP_MB + " MB");
        }
        if (!found) {
            over.add("the seeded differences were not found exactly");
        }
        out.put("within-budget", within && found && peakMb < TARGET_HEAP_MB);
        if (!over.isEmpty()) {
            out.put("over-budget", over);
        }
        return out;
    }

    private ParityReport measure(Case c, boolean naive, long[] peakMb) throws SQLException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        try (Connection a = Jdbc.open(c.oldUrl(), Duration.ofMinutes(10), false); Connection b = Jdbc.open(c.newUrl(), Duration.ofMinutes(10), false)) {
            return naive
                    ? NaiveParity.compare(a, Engine.of(c.oldUrl()), b, Engine.of(c.newUrl()), "orders", "id", 100)
                    : ParityCheck.compare(a, Engine.of(c.oldUrl()), b, Engine.of(c.newUrl()), "orders", List.of(), List.of(), 100,
                            System.nanoTime() + Duration.ofMinutes(10).toNanos());
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            peakMb[0] = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
        }
    }

    private static boolean matches(ParityReport r, ParityTables.Seeded expected) {
        return new HashSet<>(r.missing()).equals(new HashSet<>(expected.missing()))
                && new HashSet<>(r.extra()).equals(new HashSet<>(expected.extra()))
                && new HashSet<>(r.changed()).equals(new HashSet<>(expected.changed()));
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("benchmark", "parity");
        p.put("peer", "naive");
        p.put("peer-is", "full-row fetch-and-compare, streamed in key order");
        p.put("rows", rows);
        p.put("differences", DIFFERENCES);
        return p;
    }

    @Override
    public String unit() {
        return "s-for-four-cases";
    }

    @Override
    public boolean lowerIsBetter() {
        return true;
    }

    @Override
    public Sanity checkPeer() throws SQLException {
        List<String> evidence = new ArrayList<>();
        for (Case c : cases) {
            if (c.expected().total() == 0) {
                continue;
            }
            ParityReport r = measure(c, true, new long[1]);
            if (!matches(r, c.expected())) {
                return Sanity.broken("naive peer on " + c.label() + " found missing " + r.missing() + ", extra " + r.extra() + ", changed " + r.changed()
                        + "; seeded " + c.expected());
            }
            evidence.add(c.label() + ": " + c.expected().total() + " seeded differences found");
        }
        return Sanity.ok(String.join("; ", evidence));
    }

    @Override
    public Measured ours(int repetition) throws SQLException {
        Map<String, Object> m = ours();
        return Measured.ours((double) m.get("total-s"), m);
    }

    @Override
    public Measured peer(int repetition) throws SQLException {
        Map<String, Object> m = run(true);
        boolean found = Boolean.TRUE.equals(m.get("found-seeded"));
        return new Measured((double) m.get("total-s"), found ? Sanity.ok("found every seeded difference") : Sanity.broken("naive: " + m.get("wrong")), m);
    }

    @Override
    public void close() {
        try {
            exec(pg, "DROP SCHEMA IF EXISTS " + name + "_old CASCADE", "DROP SCHEMA IF EXISTS " + name + "_same CASCADE", "DROP SCHEMA IF EXISTS " + name + "_diff CASCADE");
        } catch (SQLException e) {
            // server gone: nothing to drop
        }
        try {
            exec(maria, "DROP DATABASE IF EXISTS " + name + "_same", "DROP DATABASE IF EXISTS " + name + "_diff");
        } catch (SQLException e) {
            // server gone: nothing to drop
        }
    }

    private String schema(String suffix) {
        return pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + name + "_" + suffix;
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
