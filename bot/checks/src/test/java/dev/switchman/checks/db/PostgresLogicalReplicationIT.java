package dev.switchman.checks.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.checks.testing.PostgresCluster;
import dev.switchman.checks.testing.Requests;
import dev.switchman.checks.testing.Services;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * db.replication on real PostgreSQL logical replication between two databases (publication,
 * slot, subscription); the test stops the subscription and writes, causing the lag it measures.
 */
class PostgresLogicalReplicationIT {

    static PostgresCluster pg;
    static String pub;
    static String sub;
    static String subscription;

    @BeforeAll
    static void replicate() throws SQLException {
        pg = PostgresCluster.logical();
        pub = pg.createDatabase(Services.unique("sw_pub"));
        sub = pg.createDatabase(Services.unique("sw_sub"));
        subscription = sub + "_s";
        String ddl = "CREATE TABLE orders (id bigint PRIMARY KEY, note text); CREATE TABLE heartbeat (id int PRIMARY KEY, ts timestamptz NOT NULL)";
        try (Connection p = pg.connect(pub); Statement st = p.createStatement()) {
            st.execute(ddl);
            st.execute("INSERT INTO heartbeat VALUES (1, '2026-01-01T00:00:00Z')");
            st.execute("CREATE PUBLICATION " + pub + "_p FOR TABLE orders, heartbeat");
            st.execute("SELECT pg_create_logical_replication_slot('" + subscription + "', 'pgoutput')");
        }
        try (Connection s = pg.connect(sub); Statement st = s.createStatement()) {
            st.execute(ddl);
            st.execute("CREATE SUBSCRIPTION " + subscription + " CONNECTION '" + pg.conninfo(pub) + "' PUBLICATION " + pub
                    + "_p WITH (create_slot = false, slot_name = '" + subscription + "')");
        }
        await("the initial copy of heartbeat", () -> count(sub, "SELECT count(*) FROM heartbeat") == 1);
    }

    @AfterAll
    static void drop() {
        if (pg == null) return;
        try (Connection s = pg.connect(sub); Statement st = s.createStatement()) {
            st.execute("ALTER SUBSCRIPTION " + subscription + " DISABLE");
            st.execute("ALTER SUBSCRIPTION " + subscription + " SET (slot_name = NONE)");
            st.execute("DROP SUBSCRIPTION " + subscription);
        } catch (SQLException e) {
            // dropped with the database below
        }
        try (Connection p = pg.connect(pub); Statement st = p.createStatement()) {
            st.execute("SELECT pg_drop_replication_slot('" + subscription + "')");
        } catch (SQLException e) {
            // dropped with the cluster
        }
        pg.close();
    }

    CheckResult check(Map<String, String> extra) {
        Map<String, String> params = new java.util.HashMap<>(Map.of("primary", pg.url(pub), "replica", pg.url(sub)));
        params.putAll(extra);
        assertEquals(java.util.List.of(), new ReplicationCheck().validate(params));
        return new ReplicationCheck().run(Requests.request(ReplicationCheck.KIND, params, java.time.Clock.systemUTC(), Duration.ofSeconds(10)));
    }

    @Test
    void stoppedSubscriptionWithWritesBehindIsFailWithTheLagItCaused() throws SQLException {
        insert(1, 100);
        await("rows 1..100 on the subscriber", () -> count(sub, "SELECT count(*) FROM orders") >= 100);
        await("the slot confirmed everything", () -> slotLag() == 0);
        CheckResult caughtUp = check(Map.of("heartbeat-table", "heartbeat"));
        assertEquals(CheckStatus.PASS, caughtUp.status(), caughtUp.message());
        assertEquals("streaming", caughtUp.observations().get("state"));
        assertEquals(0.0, caughtUp.number("lag-s").getAsDouble());

        exec(sub, "ALTER SUBSCRIPTION " + subscription + " DISABLE");
        await("the apply worker stopped", () -> count(sub, "SELECT count(*) FROM pg_stat_subscription WHERE subname = '" + subscription + "' AND pid IS NOT NULL") == 0);
        insert(1000, 20_000);
        exec(pub, "UPDATE heartbeat SET ts = '2026-01-01T00:00:07Z'");

        CheckResult behind = check(Map.of("heartbeat-table", "heartbeat"));
        assertEquals(CheckStatus.FAIL, behind.status(), behind.message());
        assertEquals("disabled", behind.observations().get("state"));
        assertTrue(behind.number("lag-bytes").getAsDouble() > 19_000 * 20, "20,000 rows of WAL behind: " + behind.observations());
        assertEquals(7.0, behind.number("lag-s").getAsDouble(), 0.001, "heartbeat 7 s apart: " + behind.observations());
        assertTrue(behind.message().contains("not running"), behind.message());

        CheckResult withoutHeartbeat = check(Map.of());
        assertEquals(CheckStatus.FAIL, withoutHeartbeat.status());
        assertFalse(withoutHeartbeat.observations().containsKey("lag-s"), "no walsender, no heartbeat: lag-s is not measurable " + withoutHeartbeat.observations());

        exec(sub, "ALTER SUBSCRIPTION " + subscription + " ENABLE");
        await("the subscriber caught up", () -> count(sub, "SELECT count(*) FROM orders") == 100 + 19_001);
        await("the slot confirmed everything", () -> slotLag() == 0);
        CheckResult again = check(Map.of("heartbeat-table", "heartbeat", "max-lag-bytes", "0"));
        assertEquals(CheckStatus.PASS, again.status(), again.message());
        assertEquals(0L, ((Number) again.observations().get("lag-bytes")).longValue());
    }

    @Test
    void unknownSubscriptionIsErrorNeverPass() {
        CheckResult r = check(Map.of("subscription", "no_such_sub"));
        assertEquals(CheckStatus.ERROR, r.status(), r.message());
        assertTrue(r.message().contains("no_such_sub"), r.message());
    }

    @Test
    void subscriberAloneCannotMeasureLagSoItIsUnknown() {
        Map<String, String> params = Map.of("replica", pg.url(sub), "mode", "postgresql-logical");
        CheckResult r = new ReplicationCheck().run(Requests.request(ReplicationCheck.KIND, params));
        assertTrue(r.status() == CheckStatus.UNKNOWN || r.status() == CheckStatus.FAIL, r.status() + " " + r.message());
        assertFalse(r.status().isPass());
    }

    @Test
    void unreachableServerIsErrorAndItsPasswordIsNeverShown() {
        Map<String, String> params = Map.of("primary", "jdbc:postgresql://127.0.0.1:1/x?user=u&password=hunter2-secret",
                "replica", "jdbc:postgresql://127.0.0.1:1/y?user=u&password=hunter2-secret", "mode", "postgresql-logical");
        CheckResult r = new ReplicationCheck().run(Requests.request(ReplicationCheck.KIND, params));
        assertEquals(CheckStatus.ERROR, r.status(), r.message());
        CheckResult shown = r.redacted(); // as CheckRunner hands it on
        assertFalse((shown.message() + shown.target() + shown.observations()).contains("hunter2"), shown.message());
        assertTrue(r.message().contains("127.0.0.1:1"), r.message());
    }

    static long slotLag() {
        return count(pub, "SELECT coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), -1)::bigint FROM pg_replication_slots WHERE slot_name = '" + subscription + "'");
    }

    static void insert(int from, int to) throws SQLException {
        exec(pub, "INSERT INTO orders SELECT g, 'order ' || g FROM generate_series(" + from + ", " + to + ") g");
    }

    static void exec(String db, String sql) throws SQLException {
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static long count(String db, String sql) {
        try (Connection c = pg.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits on the condition itself (polled against the database), up to 60 s. */
    static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
