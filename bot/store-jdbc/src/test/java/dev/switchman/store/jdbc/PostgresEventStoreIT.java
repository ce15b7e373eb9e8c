package dev.switchman.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.EventStoreContract;
import dev.switchman.core.event.EventStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on the local PostgreSQL (127.0.0.1:5432, user postgres, db test), in a schema of its own. */
class PostgresEventStoreIT extends EventStoreContract {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static String schema;

    @BeforeAll
    static void createSchema() {
        schema = "switchman_it_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(SERVER); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL at 127.0.0.1:5432 is required when CI=true: " + e.getMessage());
            }
            Assumptions.abort("PostgreSQL at 127.0.0.1:5432 unreachable: " + e.getMessage());
        }
    }

    @AfterAll
    static void dropSchema() {
        if (schema == null) return;
        try (Connection c = DriverManager.getConnection(SERVER); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // unreachable server: nothing to drop
        }
    }

    @org.junit.jupiter.api.Test
    void neverLogsThePasswordOfTheUrl() {
        String logs = LogCapture.during(() -> EventStores.open(SERVER + "&password=s3cr3t-pg&currentSchema=" + schema));
        assertTrue(logs.contains("event store: PostgreSQL"), logs);
        assertTrue(!logs.contains("s3cr3t-pg"), logs);
    }

    @Override
    protected EventStore open() {
        return EventStores.open(SERVER + "&currentSchema=" + schema);
    }

    @Override
    protected EventStore second() {
        return open();
    }
}
