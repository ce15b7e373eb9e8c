package dev.switchman.checks.bench;

import dev.switchman.checks.connection.Jdbc.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The parity benchmark's and tests' table {@code orders}: {@code id} key, {@code customer} text,
 * {@code amount} decimal(12,2), {@code note} text with NULLs (every 7th row), {@code created}
 * timestamp with microseconds; rows 1..n generated inside the database (PostgreSQL
 * {@code generate_series}, MariaDB's sequence engine), so both engines hold the same rows.
 * Differences are seeded on one side only, with known keys.
 */
public final class ParityTables {

    private ParityTables() {
    }

    /** Creates {@code orders} with rows 1..n in the connection's current schema/database. */
    public static void create(Connection c, Engine engine, int n) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (engine == Engine.POSTGRESQL) {
                st.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer varchar(100) NOT NULL, amount numeric(12,2), note text, created timestamp(6))");
                st.execute("INSERT INTO orders SELECT g, 'customer ' || (g % 1000), (g % 10000) / 100.0, CASE WHEN g % 7 = 0 THEN NULL ELSE 'note ' || g END, "
                        + "timestamp '2026-01-01 00:00:00' + g * interval '1 second' + (g % 1000) * interval '1 microsecond' FROM generate_series(1, " + n + ") g");
                st.execute("ANALYZE orders");
            } else {
                st.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer VARCHAR(100) NOT NULL, amount DECIMAL(12,2), note TEXT, created DATETIME(6))");
                st.execute("INSERT INTO orders SELECT seq, CONCAT('customer ', seq % 1000), (seq % 10000) / 100, IF(seq % 7 = 0, NULL, CONCAT('note ', seq)), "
                        + "TIMESTAMP('2026-01-01 00:00:00') + INTERVAL seq SECOND + INTERVAL (seq % 1000) MICROSECOND FROM seq_1_to_" + n);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /** The seeded differences, as keys, in the order {@link #seed} makes them. */
    public record Seeded(List<String> missing, List<String> extra, List<String> changed) {
        public int total() {
            return missing.size() + extra.size() + changed.size();
        }
    }

    /**
     * Seeds exact differences on this side of an {@code orders} table of n rows (n >= 1000): one row
     * deleted (missing), one added past the end (extra), one amount changed, one NULL note made
     * empty, one timestamp cut to whole seconds; with {@code scattered > 5}, more of each kind
     * spread over the key range, {@code scattered} in all.
     */
    public static Seeded seed(Connection c, Engine engine, int n, int scattered) throws SQLException {
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int count = Math.max(5, scattered);
        List<String> sql = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long at = (long) n * (i + 1) / (count + 1); // spread over the range
            long id = Math.max(1, at - at % 7 + 3); // never a multiple of 7: note is not NULL
            switch (i % 5) {
                case 0 -> {
                    sql.add("DELETE FROM orders WHERE id = " + id);
                    missing.add(String.valueOf(id));
                }
                case 1 -> {
                    long extraId = (long) n + 1 + i;
                    sql.add(engine == Engine.POSTGRESQL
                            ? "INSERT INTO orders VALUES (" + extraId + ", 'customer x', 1.00, 'extra', timestamp '2026-06-01 00:00:00')"
                            : "INSERT INTO orders VALUES (" + extraId + ", 'customer x', 1.00, 'extra', TIMESTAMP('2026-06-01 00:00:00'))");
                    extra.add(String.valueOf(extraId));
                }
                case 2 -> {
                    sql.add("UPDATE orders SET amount = amount + 1 WHERE id = " + id);
                    changed.add(String.valueOf(id));
                }
                case 3 -> {
                    long nullId = id - id % 7 + 7; // a multiple of 7: note is NULL on the other side
                    sql.add("UPDATE orders SET note = '' WHERE id = " + nullId);
                    changed.add(String.valueOf(nullId));
                }
                default -> {
                    long tsId = id - id % 1000 + 333; // 333 microseconds on the other side
                    sql.add(engine == Engine.POSTGRESQL
                            ? "UPDATE orders SET created = date_trunc('second', created) WHERE id = " + tsId
                            : "UPDATE orders SET created = CAST(created AS DATETIME(0)) WHERE id = " + tsId);
                    changed.add(String.valueOf(tsId));
                }
            }
        }
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                if (st.executeUpdate(s) != 1) {
                    throw new IllegalStateException("seeding changed no row: " + s);
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return new Seeded(List.copyOf(missing), List.copyOf(extra), List.copyOf(changed));
    }
}
