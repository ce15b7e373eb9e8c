package dev.switchman.app.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema on the PostgreSQL of the test machine (127.0.0.1:5432, trust auth, user postgres,
 * database test), dropped with everything in it on {@link #close()}. The app's ITs open their event
 * stores in it ({@link #url()}), so parallel runs and earlier runs never meet. When the server cannot be
 * reached the test is skipped, or fails under {@code CI=true} (CI must have every service).
 */
public final class PostgresSchema implements AutoCloseable {

    /** The server's JDBC URL, without a schema. */
    public static final String SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    /** Creates a schema named {@code prefix_<12 random hex>}; skips (or fails under CI) without a server. */
    public static PostgresSchema create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER_URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("PostgreSQL on 127.0.0.1:5432 is required when CI=true: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL not reachable on 127.0.0.1:5432 (" + e.getMessage() + ")");
        }
        return new PostgresSchema(name);
    }

    public String name() {
        return name;
    }

    /** The JDBC URL whose tables live in this schema ({@code currentSchema}). */
    public String url() {
        return SERVER_URL + "&currentSchema=" + name;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER_URL); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
