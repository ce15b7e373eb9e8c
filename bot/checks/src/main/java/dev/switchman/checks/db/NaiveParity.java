package dev.switchman.checks.db;

import dev.switchman.checks.connection.Jdbc.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The benchmark's peer for {@code db.parity}: the naive way, every row of both tables fetched in
 * key order (streamed, all columns as the same normalised text the check hashes) and compared in
 * Java by a merge on the key. Single integer keys only. Not used by the check.
 */
public final class NaiveParity {

    private NaiveParity() {
    }

    /** Compares {@code table} (single integer key {@code key}) row by row; lists capped at {@code maxKeys}. */
    public static ParityReport compare(Connection oldC, Engine oldEngine, Connection newC, Engine newEngine, String table, String key, int maxKeys)
            throws SQLException {
        Dialect od = Dialect.of(oldEngine);
        Dialect nd = Dialect.of(newEngine);
        od.prepare(oldC);
        nd.prepare(newC);
        TableShape shape = TableShape.read(oldC, oldEngine, table);
        TableShape newShape = TableShape.read(newC, newEngine, table);
        List<String> cols = new ArrayList<>(shape.columns().keySet());
        long oldRows = 0, newRows = 0, missing = 0, extra = 0, changed = 0;
        List<String> missingKeys = new ArrayList<>(), extraKeys = new ArrayList<>(), changedKeys = new ArrayList<>();
        try (PreparedStatement a = oldC.prepareStatement(select(od, shape, cols, table, key));
             PreparedStatement b = newC.prepareStatement(select(nd, newShape, cols, table, key))) {
            a.setFetchSize(5000);
            b.setFetchSize(5000);
            try (ResultSet ra = a.executeQuery(); ResultSet rb = b.executeQuery()) {
                boolean hasA = ra.next();
                boolean hasB = rb.next();
                while (hasA || hasB) {
                    long ka = hasA ? ra.getLong(1) : Long.MAX_VALUE;
                    long kb = hasB ? rb.getLong(1) : Long.MAX_VALUE;
                    if (hasA && (!hasB || ka < kb)) {
                        missing++;
                        add(missingKeys, ka, maxKeys);
                        oldRows++;
                        hasA = ra.next();
                    } else if (hasB && (!hasA || kb < ka)) {
                        extra++;
                        add(extraKeys, kb, maxKeys);
                        newRows++;
                        hasB = rb.next();
                    } else {
                        for (int i = 2; i <= cols.size() + 1; i++) {
                            if (!Objects.equals(ra.getString(i), rb.getString(i))) {
                                changed++;
                                add(changedKeys, ka, maxKeys);
                                break;
                            }
                        }
                        oldRows++;
                        newRows++;
                        hasA = ra.next();
                        hasB = rb.next();
                    }
                }
            }
        } finally {
            oldC.rollback();
            newC.rollback();
        }
        return new ParityReport(table, oldRows, newRows, missing, extra, changed, missingKeys, extraKeys, changedKeys, 2, java.math.BigInteger.ZERO, java.math.BigInteger.ZERO);
    }

    private static String select(Dialect d, TableShape shape, List<String> cols, String table, String key) {
        List<String> exprs = new ArrayList<>();
        exprs.add(key);
        for (String c : cols) {
            exprs.add(d.field(d.text(c, shape.columns().get(c)), Dialect.category(shape.columns().get(c)) == Dialect.Category.TEXT));
        }
        return "SELECT " + String.join(", ", exprs) + " FROM " + table + " ORDER BY " + key;
    }

    private static void add(List<String> keys, long key, int max) {
        if (keys.size() < max) {
            keys.add(String.valueOf(key));
        }
    }
}
