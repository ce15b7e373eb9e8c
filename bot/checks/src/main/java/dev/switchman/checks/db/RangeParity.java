package dev.switchman.checks.db;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * Compares one table between two connections without moving its rows: each database computes,
 * per range of the partition value (the first integer key column, else a 32-bit hash of the key),
 * the row count and the sum of 60-bit row hashes; only ranges whose (count, sum) differ are split
 * again (into {@value #FAN_OUT}), down to ranges of at most {@value #LEAF_ROWS} rows, whose keys and
 * row hashes are fetched and matched. Differing leaves are fetched a second time and only keys that
 * differ both times are reported (a table still being written settles rows in flight). Both sides
 * run in parallel; memory is bounded by the leaf size, whatever the table size.
 */
final class RangeParity {

    static final int TOP_RANGES = 256;
    static final int FAN_OUT = 16;
    static final int LEAF_ROWS = 1000;
    private static final BigInteger MOD64 = BigInteger.ONE.shiftLeft(64);

    /** One side: its connection, dialect and the table's expressions in that dialect. */
    record Side(Connection connection, Dialect dialect, String table, String partition, String rowHash, String keyText) {
    }

    /** A closed range of partition values. */
    record Range(long lo, long hi) {
        long width() {
            return hi - lo + 1;
        }
    }

    private record Sums(long count, BigDecimal sum) {
    }

    private final Side oldSide;
    private final Side newSide;
    private final int maxKeys;
    private final long deadlineNanos;
    private int queries;

    RangeParity(Side oldSide, Side newSide, int maxKeys, long deadlineNanos) {
        this.oldSide = oldSide;
        this.newSide = newSide;
        this.maxKeys = maxKeys;
        this.deadlineNanos = deadlineNanos;
    }

    /** Builds a side's expressions for the given columns (in this order) and key. */
    static Side side(Connection c, Dialect d, TableShape shape, List<String> columns, Map<String, Integer> types, boolean sameEngine) {
        List<String> fields = new ArrayList<>();
        for (String col : columns) {
            fields.add(d.field(d.text(col, types.get(col)), Dialect.category(types.get(col)) == Dialect.Category.TEXT));
        }
        List<String> keyTexts = shape.key().stream().map(k -> d.text(k, types.get(k))).toList();
        String keyText = keyTexts.size() == 1 ? keyTexts.get(0) : d.concat(keyTexts);
        String integerKey = shape.key().stream().filter(k -> Dialect.category(types.get(k)) == Dialect.Category.INTEGER).findFirst().orElse(null);
        String partition = integerKey != null ? integerKey : d.hash32(keyText);
        String row = d.concat(fields);
        return new Side(c, d, shape.table(), partition, sameEngine ? d.nativeHash(row) : d.hash60(row), keyText);
    }

    ParityReport compare() throws SQLException, TimeoutException {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "db-parity");
            t.setDaemon(true);
            return t;
        });
        try {
            long[][] bounds = both(pool, s -> bounds(s));
            long lo = Math.min(bounds[0][0], bounds[1][0]);
            long hi = Math.max(bounds[0][1], bounds[1][1]);
            if (lo > hi) {
                return new ParityReport(oldSide.table(), 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), queries, BigInteger.ZERO, BigInteger.ZERO);
            }
            List<Range> leaves = new ArrayList<>();
            long[] totals = new long[2];
            BigInteger[] checksums = {BigInteger.ZERO, BigInteger.ZERO};
            List<Range> level = List.of(new Range(lo, hi));
            int fanOut = TOP_RANGES;
            boolean top = true;
            while (!level.isEmpty()) {
                List<Range> next = new ArrayList<>();
                for (Range range : level) {
                    checkDeadline();
                    long width = Math.max(1, ceilDiv(range.width(), fanOut));
                    List<Map<Long, Sums>> sums = bothList(pool, s -> sums(s, range, width));
                    if (top) {
                        totals[0] = sums.get(0).values().stream().mapToLong(Sums::count).sum();
                        totals[1] = sums.get(1).values().stream().mapToLong(Sums::count).sum();
                        for (int i = 0; i < 2; i++) {
                            checksums[i] = sums.get(i).values().stream().map(x -> x.sum.toBigInteger()).reduce(BigInteger.ZERO, BigInteger::add).mod(MOD64);
                        }
                    }
                    Set<Long> buckets = new LinkedHashSet<>(sums.get(0).keySet());
                    buckets.addAll(sums.get(1).keySet());
                    for (long b : buckets) {
                        Sums a = sums.get(0).get(b);
                        Sums c = sums.get(1).get(b);
                        if (a != null && c != null && a.count == c.count && a.sum.compareTo(c.sum) == 0) {
                            continue;
                        }
                        long subLo = range.lo() + b * width;
                        Range sub = new Range(subLo, Math.min(range.hi(), subLo + width - 1));
                        long rows = Math.max(a == null ? 0 : a.count, c == null ? 0 : c.count);
                        if (rows <= LEAF_ROWS || sub.width() <= 1) {
                            leaves.add(sub);
                        } else {
                            next.add(sub);
                        }
                    }
                }
                level = next;
                fanOut = FAN_OUT;
                top = false;
            }
            Diff first = new Diff();
            List<Range> differing = new ArrayList<>();
            for (Range leaf : leaves) {
                checkDeadline();
                Diff d = leafDiff(pool, leaf);
                if (!d.isEmpty()) {
                    differing.add(leaf);
                    first.addAll(d);
                }
            }
            Diff second = new Diff();
            for (Range leaf : differing) { // re-check: a row in flight settles
                checkDeadline();
                second.addAll(leafDiff(pool, leaf));
            }
            first.retainAll(second);
            return new ParityReport(oldSide.table(), totals[0], totals[1], first.missing.size(), first.extra.size(), first.changed.size(),
                    cap(first.missing), cap(first.extra), cap(first.changed), queries, checksums[0], checksums[1]);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> cap(Set<String> keys) {
        return keys.stream().limit(maxKeys).toList();
    }

    private void checkDeadline() throws TimeoutException {
        if (System.nanoTime() > deadlineNanos) {
            throw new TimeoutException("deadline reached while comparing " + oldSide.table());
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private long[] bounds(Side s) throws SQLException {
        try (PreparedStatement ps = s.connection().prepareStatement("SELECT MIN(" + s.partition() + "), MAX(" + s.partition() + ") FROM " + s.table());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long min = rs.getLong(1);
            if (rs.wasNull()) {
                return new long[] {Long.MAX_VALUE, Long.MIN_VALUE};
            }
            return new long[] {min, rs.getLong(2)};
        }
    }

    private Map<Long, Sums> sums(Side s, Range r, long width) throws SQLException {
        String sql = "SELECT " + s.dialect().bucket(s.partition(), r.lo(), width) + " AS b, COUNT(*), SUM(" + s.rowHash() + ") FROM " + s.table()
                + " WHERE " + s.partition() + " BETWEEN " + r.lo() + " AND " + r.hi() + " GROUP BY 1";
        Map<Long, Sums> out = new HashMap<>();
        try (PreparedStatement ps = s.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), new Sums(rs.getLong(2), rs.getBigDecimal(3)));
            }
        }
        return out;
    }

    private Map<String, String> rows(Side s, Range r) throws SQLException {
        String sql = "SELECT " + s.keyText() + ", " + s.rowHash() + " FROM " + s.table()
                + " WHERE " + s.partition() + " BETWEEN " + r.lo() + " AND " + r.hi();
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = s.connection().prepareStatement(sql)) {
            ps.setFetchSize(LEAF_ROWS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private Diff leafDiff(ExecutorService pool, Range leaf) throws SQLException {
        List<Map<String, String>> rows = bothList(pool, s -> rows(s, leaf));
        Diff d = new Diff();
        for (Map.Entry<String, String> e : rows.get(0).entrySet()) {
            String other = rows.get(1).get(e.getKey());
            if (other == null) {
                d.missing.add(e.getKey());
            } else if (!Objects.equals(other, e.getValue())) {
                d.changed.add(e.getKey());
            }
        }
        for (String k : rows.get(1).keySet()) {
            if (!rows.get(0).containsKey(k)) {
                d.extra.add(k);
            }
        }
        return d;
    }

    private interface SideQuery<T> {
        T run(Side s) throws SQLException;
    }

    private long[][] both(ExecutorService pool, SideQuery<long[]> q) throws SQLException {
        List<long[]> r = bothList(pool, q);
        return new long[][] {r.get(0), r.get(1)};
    }

    private <T> List<T> bothList(ExecutorService pool, SideQuery<T> q) throws SQLException {
        queries += 2;
        CompletableFuture<T> a = CompletableFuture.supplyAsync(() -> call(q, oldSide), pool);
        CompletableFuture<T> b = CompletableFuture.supplyAsync(() -> call(q, newSide), pool);
        try {
            return List.of(a.join(), b.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof SideFailure f) {
                throw f.cause;
            }
            throw e;
        }
    }

    private static <T> T call(SideQuery<T> q, Side s) {
        try {
            return q.run(s);
        } catch (SQLException e) {
            throw new SideFailure(s, e);
        }
    }

    /** A side's SQL failure carried out of the pool. */
    private static final class SideFailure extends RuntimeException {
        final SQLException cause;

        SideFailure(Side side, SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** Keys by difference class, in the order found. */
    private static final class Diff {
        final Set<String> missing = new LinkedHashSet<>();
        final Set<String> extra = new LinkedHashSet<>();
        final Set<String> changed = new LinkedHashSet<>();

        boolean isEmpty() {
            return missing.isEmpty() && extra.isEmpty() && changed.isEmpty();
        }

        void addAll(Diff d) {
            missing.addAll(d.missing);
            extra.addAll(d.extra);
            changed.addAll(d.changed);
        }

        void retainAll(Diff d) {
            missing.retainAll(d.missing);
            extra.retainAll(d.extra);
            changed.retainAll(d.changed);
        }
    }
}
