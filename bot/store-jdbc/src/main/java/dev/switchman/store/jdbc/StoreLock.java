package dev.switchman.store.jdbc;

import dev.switchman.core.event.EventStoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One bot per PostgreSQL store: a session-level advisory lock keyed by the database and the schema
 * the store lives in (so parallel test schemas on one server never collide), taken on every new
 * connection and held until it closes (a killed bot's session ends with its process). A second bot
 * is refused with a sentence saying what to do. H2 needs none: its file lock already refuses a second
 * process.
 */
final class StoreLock {

    /** First key of the lock pair: Switchman's own namespace among the server's advisory locks. */
    private static final String NAMESPACE = "switchman-event-store";

    private StoreLock() {
    }

    /** Takes the lock on {@code c}'s session, or closes {@code c} and throws. */
    static void acquire(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(hashtext('" + NAMESPACE + "'),"
                     + " hashtext(current_database() || '.' || current_schema())), current_database(), current_schema()")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                String where = "database " + rs.getString(2) + ", schema " + rs.getString(3);
                c.close();
                throw new EventStoreException("another Switchman bot is using this event store (PostgreSQL " + where
                        + "): stop that bot first, or give this one its own database or schema in SWITCHMAN_DB_URL"
                        + " (two bots on one store would apply the same commands twice)", null);
            }
        }
        c.commit();
    }

    /**
     * Gives the lock back on {@code c}'s session before it closes. Closing the connection alone frees it
     * only when the server's backend process has exited, which a new bot connecting at once can race.
     */
    static void release(Connection c) throws SQLException {
        c.rollback();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_advisory_unlock(hashtext('" + NAMESPACE + "'),"
                     + " hashtext(current_database() || '.' || current_schema()))")) {
            rs.next();
        }
        c.commit();
    }
}
