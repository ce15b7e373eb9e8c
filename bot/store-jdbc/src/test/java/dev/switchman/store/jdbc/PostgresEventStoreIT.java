package dev.switchman.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.EventStoreContract;
import dev.switchman.core.event.EventStoreException;
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
        store.close(); // one store per schema at a time
        String logs = LogCapture.during(() -> {
            EventStores.open(SERVER + "&password=s3cr3t-pg&currentSchema=" + schema).close();
            return null;
        });
        store = open();
        assertTrue(logs.contains("event store: PostgreSQL"), logs);
        assertTrue(!logs.contains("s3cr3t-pg"), logs);
    }

    @Override
    protected EventStore open() {
        return EventStores.open(SERVER + "&currentSchema=" + schema);
    }

    /** A second handle on this schema would be a second bot: refused (see below), so none here. */
    @Override
    protected EventStore second() {
        return null;
    }

    @org.junit.jupiter.api.Test
    void refusesASecondStoreOnTheSameSchemaUntilTheFirstCloses() {
        EventStoreException e = assertThrows(EventStoreException.class, this::open);
        assertTrue(e.getMessage().startsWith("another Switchman bot is using this event store (PostgreSQL database test, schema "
                + schema + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("stop that bot first"), e.getMessage());
        store.close();
        store = open(); // the lock went with the first store's session
        store.append(prefix + "a", "T", "{}", "x", T0, null);
    }

    @org.junit.jupiter.api.Test
    void storesOnOtherSchemasOfTheSameDatabaseAreNotRefused() throws SQLException {
        String other = schema + "_b";
        try (Connection c = DriverManager.getConnection(SERVER); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + other);
        }
        try (EventStore beside = EventStores.open(SERVER + "&currentSchema=" + other)) {
            beside.append(prefix + "a", "T", "{}", "x", T0, null);
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + other + " CASCADE");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void anUnreachableServerIsOneSentenceWithoutThePassword() {
        EventStoreException e = assertThrows(EventStoreException.class,
                () -> EventStores.open("jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=s3cr3t-pg&connectTimeout=2"));
        assertTrue(e.getMessage().startsWith("cannot reach the database of jdbc:postgresql://127.0.0.1:1/test"), e.getMessage());
        assertTrue(e.getMessage().contains("start it, or correct the host and port in SWITCHMAN_DB_URL"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t-pg"), e.getMessage());
    }
}
