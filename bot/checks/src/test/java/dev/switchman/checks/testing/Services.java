package dev.switchman.checks.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The rule for tests that need a local service (PostgreSQL, MariaDB, Redis, RabbitMQ): under
 * {@code CI=true} a missing service is a failure; elsewhere the test is aborted with the reason.
 */
public final class Services {

    public static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    public static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

    private Services() {
    }

    /** Fails under CI=true, aborts otherwise; never returns. */
    public static RuntimeException missing(String what, Throwable cause) {
        String reason = what + ": " + (cause == null ? "" : cause.getMessage());
        if ("true".equals(System.getenv("CI"))) {
            fail(reason + " (required when CI=true)", cause);
        }
        Assumptions.abort(reason);
        return new IllegalStateException(reason);
    }

    /** A connection to a local service, or a CI failure / abort naming it when it cannot be reached. */
    public static java.sql.Connection connect(String url, String what) {
        try {
            return java.sql.DriverManager.getConnection(url);
        } catch (java.sql.SQLException e) {
            throw missing(what, e);
        }
    }

    /** A unique lower-case name for databases, schemas, queues and keys of one test run. */
    public static String unique(String prefix) {
        return prefix + "_" + Long.toHexString(System.nanoTime()) + Integer.toHexString((int) (Math.random() * 0xfff));
    }
}
