package dev.switchman.checks.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.checks.connection.Resp;
import dev.switchman.checks.testing.Requests;
import dev.switchman.checks.testing.Services;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * db.replication on Redis (a primary and a replica started by the test from the local redis-server;
 * the test freezes the replica with SIGSTOP and writes, causing the lag it measures) and on MariaDB
 * (the local server is no replica: ERROR, never PASS; a heartbeat table read across engines).
 */
class RedisAndMariaDbReplicationIT {

    @Test
    void redisReplicaFrozenWhileThePrimaryWritesIsBehindInBytes() throws Exception {
        int pPort = freePort();
        int rPort = freePort();
        Process primary = redis(pPort);
        Process replica = redis(rPort, "--replicaof", "127.0.0.1", String.valueOf(pPort));
        try {
            String p = "redis://127.0.0.1:" + pPort;
            String r = "redis://127.0.0.1:" + rPort;
            await("the replica's link is up", () -> info(r, "master_link_status").equals("up"));
            await("the replica acknowledged everything", () -> Long.parseLong(field(info(p, "slave0"), "offset")) == Long.parseLong(info(p, "master_repl_offset")));
            CheckResult healthy = check(Map.of("primary", p));
            assertEquals(CheckStatus.PASS, healthy.status(), healthy.message());
            assertEquals("online", healthy.observations().get("state"));
            assertEquals(0L, healthy.observations().get("lag-bytes"));
            CheckResult fromReplica = check(Map.of("replica", r));
            assertEquals("up", fromReplica.observations().get("state"), fromReplica.message());

            signal(replica, "STOP");
            try (Resp c = Resp.connect(p, Duration.ofSeconds(3))) {
                c.command("SET", Services.unique("sw_big"), "x".repeat(200_000));
            }
            CheckResult behind = check(Map.of("primary", p, "max-lag-bytes", "1000"));
            assertEquals(CheckStatus.FAIL, behind.status(), behind.message());
            assertTrue(((Number) behind.observations().get("lag-bytes")).longValue() >= 200_000, behind.observations().toString());
            signal(replica, "CONT");
            await("the replica caught up", () -> Long.parseLong(field(info(p, "slave0"), "offset")) == Long.parseLong(info(p, "master_repl_offset")));
            assertEquals(CheckStatus.PASS, check(Map.of("primary", p, "max-lag-bytes", "1000")).status());

            primary.destroy();
            primary.waitFor();
            await("the replica saw its primary go", () -> info(r, "master_link_status").equals("down"));
            CheckResult orphan = check(Map.of("replica", r));
            assertEquals(CheckStatus.FAIL, orphan.status(), orphan.message());
            assertEquals("down", orphan.observations().get("state"));
        } finally {
            signal(replica, "CONT");
            replica.destroy();
            primary.destroy();
            replica.waitFor();
            primary.waitFor();
        }
    }

    @Test
    void mariaDbThatIsNoReplicaIsErrorNeverPass() {
        Services.connect(Services.MARIADB, "MariaDB at 127.0.0.1:3306");
        CheckResult r = check(Map.of("replica", Services.MARIADB));
        assertEquals(CheckStatus.ERROR, r.status(), r.message());
        assertTrue(r.message().contains("not replicating"), r.message());
    }

    @Test
    void streamingPrimaryWithoutStandbyIsFail() {
        Services.connect(Services.POSTGRES, "PostgreSQL at 127.0.0.1:5432");
        CheckResult r = check(Map.of("primary", Services.POSTGRES, "mode", "postgresql-streaming", "application-name", Services.unique("no_standby")));
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertEquals("no-standby", r.observations().get("state"));
    }

    @Test
    void heartbeatLagAcrossEnginesIsTheDifferenceOfTheNewestStamps() throws Exception {
        String table = Services.unique("sw_hb");
        try (Connection pg = Services.connect(Services.POSTGRES, "PostgreSQL at 127.0.0.1:5432");
             Connection maria = Services.connect(Services.MARIADB, "MariaDB at 127.0.0.1:3306");
             Statement a = pg.createStatement(); Statement b = maria.createStatement()) {
            try {
                a.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, ts timestamp NOT NULL)");
                b.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, ts DATETIME(3) NOT NULL)");
                a.execute("INSERT INTO " + table + " VALUES (1, '2026-11-30 12:00:09.500')");
                b.execute("INSERT INTO " + table + " VALUES (1, '2026-11-30 12:00:05.000')");
                double lag = Heartbeat.lagSeconds(pg, maria, table, "ts", 5);
                assertEquals(4.5, lag, 0.001);
            } finally {
                a.execute("DROP TABLE IF EXISTS " + table);
                b.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    static CheckResult check(Map<String, String> params) {
        assertEquals(List.of(), new ReplicationCheck().validate(params));
        return new ReplicationCheck().run(Requests.request(ReplicationCheck.KIND, params));
    }

    static Process redis(int port, String... extra) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", System.getProperty("java.io.tmpdir")));
        cmd.addAll(List.of(extra));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            await("redis on " + port, () -> {
                try (Resp r = Resp.connect("redis://127.0.0.1:" + port, Duration.ofMillis(300))) {
                    return "PONG".equals(r.command("PING"));
                } catch (RuntimeException | IOException e) {
                    return false;
                }
            });
            return p;
        } catch (IOException e) {
            throw Services.missing("redis-server (to start a private primary and replica)", e);
        }
    }

    static String info(String url, String key) {
        try (Resp r = Resp.connect(url, Duration.ofSeconds(2))) {
            return r.info("replication").getOrDefault(key, "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String field(String line, String name) {
        for (String kv : line.split(",")) {
            if (kv.startsWith(name + "=")) {
                return kv.substring(name.length() + 1);
            }
        }
        return "-1";
    }

    static void signal(Process p, String sig) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + sig, String.valueOf(p.pid())).start().waitFor();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void await(String what, BooleanSupplier condition) {
        PostgresLogicalReplicationIT.await(what, condition);
    }
}
