package dev.switchman.store.jdbc;

import dev.switchman.core.event.Event;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.EventStoreException;
import dev.switchman.core.event.EventStores;
import dev.switchman.core.event.NewEvent;
import dev.switchman.core.event.Outbox;
import dev.switchman.core.event.OutboxEntry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log and outbox in a relational database through plain JDBC: H2 (embedded file, the
 * default) or PostgreSQL. The schema is migrated by Flyway ({@code db/migration/V1__events.sql}).
 * An append runs in one transaction: it reads the run's highest sequence and inserts the next; when
 * another process took that sequence first, the unique key {@code (run_id, seq)} rejects the insert
 * and the append retries; a duplicate idempotency key returns the event already stored.
 * One connection, used by one thread at a time; reopened if it breaks.
 */
public final class JdbcEventStore implements EventStore, Outbox {

    private static final Logger log = LoggerFactory.getLogger(JdbcEventStore.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_ATTEMPTS = 50;

    private final String url;
    private final Properties credentials;
    private Connection connection;

    JdbcEventStore(String url, String user, String password) {
        this.url = url;
        this.credentials = new Properties();
        if (user != null) credentials.setProperty("user", user);
        if (password != null) credentials.setProperty("password", password);
        try {
            connection(); // on PostgreSQL this takes the store's lock (StoreLock) before anything else
        } catch (SQLException e) {
            throw new EventStoreException("cannot connect: " + e.getMessage(), e);
        }
        migrate(user, password);
    }

    private void migrate(String user, String password) {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .table("switchman_schema_history")
                .load()
                .migrate();
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed() || !connection.isValid(2)) {
            if (connection != null) {
                try { connection.close(); } catch (SQLException ignored) { /* already broken */ }
            }
            connection = DriverManager.getConnection(url, credentials);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            if (url.startsWith("jdbc:postgresql:")) {
                StoreLock.acquire(connection);
            }
        }
        return connection;
    }

    @Override
    public synchronized Event append(String runId, String type, String payload, String actor, Instant at, String idempotencyKey) {
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        String body = payload == null ? "{}" : payload;
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                Connection c = connection();
                try {
                    if (idempotencyKey != null) {
                        Optional<Event> existing = findByKey(c, runId, idempotencyKey);
                        if (existing.isPresent()) {
                            c.commit();
                            return existing.get();
                        }
                    }
                    long next = maxSeq(c, runId) + 1;
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO events (run_id, seq, type, payload, actor, at, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, runId);
                        ps.setLong(2, next);
                        ps.setString(3, type);
                        ps.setString(4, body);
                        ps.setString(5, actor);
                        ps.setObject(6, OffsetDateTime.ofInstant(when, ZoneOffset.UTC));
                        ps.setString(7, idempotencyKey);
                        ps.executeUpdate();
                    }
                    c.commit();
                    return new Event(runId, next, type, body, actor, when, idempotencyKey);
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    last = e; // another process appended first (same seq or same key): look again
                }
            } catch (SQLException e) {
                throw new EventStoreException("cannot append " + type + " to run " + runId + ": " + e.getMessage(), e);
            }
        }
        throw new EventStoreException("cannot append " + type + " to run " + runId + " after " + MAX_ATTEMPTS + " attempts", last);
    }

    /** One transaction: idempotency keys looked up, then every insert, then one commit (rolled back on any failure). */
    @Override
    public synchronized List<Event> appendAll(String runId, List<NewEvent> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                Connection c = connection();
                try {
                    for (NewEvent n : batch) {
                        if (n.idempotencyKey() != null && findByKey(c, runId, n.idempotencyKey()).isPresent()) {
                            c.commit();
                            return List.of();
                        }
                    }
                    long next = maxSeq(c, runId) + 1;
                    List<Event> out = new ArrayList<>(batch.size());
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO events (run_id, seq, type, payload, actor, at, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                        for (NewEvent n : batch) {
                            Instant when = n.at().truncatedTo(ChronoUnit.MICROS);
                            String body = n.payload() == null ? "{}" : n.payload();
                            ps.setString(1, runId);
                            ps.setLong(2, next);
                            ps.setString(3, n.type());
                            ps.setString(4, body);
                            ps.setString(5, n.actor());
                            ps.setObject(6, OffsetDateTime.ofInstant(when, ZoneOffset.UTC));
                            ps.setString(7, n.idempotencyKey());
                            ps.executeUpdate();
                            out.add(new Event(runId, next++, n.type(), body, n.actor(), when, n.idempotencyKey()));
                        }
                    }
                    c.commit();
                    return out;
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    last = e; // another process appended first: look again
                }
            } catch (SQLException e) {
                throw new EventStoreException("cannot append " + batch.size() + " events to run " + runId + ": " + e.getMessage(), e);
            }
        }
        throw new EventStoreException("cannot append " + batch.size() + " events to run " + runId + " after " + MAX_ATTEMPTS + " attempts", last);
    }

    private static long maxSeq(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM events WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Optional<Event> findByKey(Connection c, String runId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT run_id, seq, type, payload, actor, at, idempotency_key FROM events WHERE run_id = ? AND idempotency_key = ?")) {
            ps.setString(1, runId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(event(rs)) : Optional.empty();
            }
        }
    }

    private static Event event(ResultSet rs) throws SQLException {
        return new Event(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7));
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.debug("rollback failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized List<Event> read(String runId) {
        return query("read run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT run_id, seq, type, payload, actor, at, idempotency_key FROM events WHERE run_id = ? ORDER BY seq")) {
                ps.setString(1, runId);
                List<Event> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(event(rs));
                }
                return out;
            }
        });
    }

    @Override
    public synchronized List<String> runs() {
        return query("list runs", c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT run_id FROM events WHERE seq = 1 ORDER BY at, run_id")) {
                List<String> out = new ArrayList<>();
                while (rs.next()) out.add(rs.getString(1));
                return out;
            }
        });
    }

    @Override
    public synchronized Optional<Event> findByIdempotencyKey(String runId, String key) {
        return query("find key", c -> findByKey(c, runId, key));
    }

    @Override
    public synchronized OutboxEntry enqueue(String runId, String dedupeKey, String sink, String payload, Instant at) {
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                Connection c = connection();
                try {
                    Optional<OutboxEntry> existing = findOutbox(c, runId, dedupeKey);
                    if (existing.isPresent()) {
                        c.commit();
                        return existing.get();
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO outbox (run_id, dedupe_key, sink, payload, created_at, attempts) VALUES (?, ?, ?, ?, ?, 0)")) {
                        ps.setString(1, runId);
                        ps.setString(2, dedupeKey);
                        ps.setString(3, sink);
                        ps.setString(4, payload);
                        ps.setObject(5, OffsetDateTime.ofInstant(when, ZoneOffset.UTC));
                        ps.executeUpdate();
                    }
                    OutboxEntry e = findOutbox(c, runId, dedupeKey).orElseThrow();
                    c.commit();
                    return e;
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) throw e;
                }
            } catch (SQLException e) {
                throw new EventStoreException("cannot enqueue outgoing message for run " + runId + ": " + e.getMessage(), e);
            }
        }
        throw new EventStoreException("cannot enqueue outgoing message for run " + runId, null);
    }

    private static final String OUTBOX_COLUMNS = "id, run_id, dedupe_key, sink, payload, created_at, delivered_at, attempts, last_error";

    private static Optional<OutboxEntry> findOutbox(Connection c, String runId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + OUTBOX_COLUMNS + " FROM outbox WHERE run_id = ? AND dedupe_key = ?")) {
            ps.setString(1, runId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(outboxEntry(rs)) : Optional.empty();
            }
        }
    }

    private static OutboxEntry outboxEntry(ResultSet rs) throws SQLException {
        OffsetDateTime delivered = rs.getObject(7, OffsetDateTime.class);
        return new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), delivered == null ? null : delivered.toInstant(),
                rs.getInt(8), rs.getString(9));
    }

    @Override
    public synchronized List<OutboxEntry> pending() {
        return query("read outbox", c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + OUTBOX_COLUMNS + " FROM outbox WHERE delivered_at IS NULL ORDER BY id")) {
                List<OutboxEntry> out = new ArrayList<>();
                while (rs.next()) out.add(outboxEntry(rs));
                return out;
            }
        });
    }

    @Override
    public synchronized void markDelivered(long id, Instant at) {
        update("UPDATE outbox SET delivered_at = ?, attempts = attempts + 1 WHERE id = ?", ps -> {
            ps.setObject(1, OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            ps.setLong(2, id);
        });
    }

    @Override
    public synchronized void markFailed(long id, String error) {
        String text = error == null ? "" : error.length() > 1900 ? error.substring(0, 1900) : error;
        update("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?", ps -> {
            ps.setString(1, text);
            ps.setLong(2, id);
        });
    }

    private interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }

    private interface SqlBinder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private <T> T query(String what, SqlFunction<T> f) {
        try {
            Connection c = connection();
            try {
                T result = f.apply(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new EventStoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private void update(String sql, SqlBinder binder) {
        query(sql, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                if (url.startsWith("jdbc:postgresql:") && !connection.isClosed()) {
                    StoreLock.release(connection); // at once: a closed socket frees the lock only when the backend exits
                }
                connection.close();
            } catch (SQLException e) {
                log.debug("close failed: {}", e.getMessage());
            }
            connection = null;
        }
    }

    @Override
    public String toString() {
        return "JdbcEventStore[" + EventStores.redact(url) + "]";
    }
}
