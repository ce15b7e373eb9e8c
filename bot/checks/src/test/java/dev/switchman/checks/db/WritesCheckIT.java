package dev.switchman.checks.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.checks.testing.Requests;
import dev.switchman.checks.testing.Services;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** db.writes counts rows since a time or above a high-water key, on the local PostgreSQL and MariaDB. */
class WritesCheckIT {

    static String name;
    static String pg;
    static String maria;

    @BeforeAll
    static void tables() throws SQLException {
        name = Services.unique("sw_writes");
        pg = Services.POSTGRES + "&currentSchema=" + name;
        maria = "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root";
        try (Connection c = Services.connect(Services.POSTGRES, "PostgreSQL at 127.0.0.1:5432"); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + name);
            st.execute("CREATE TABLE " + name + ".orders (id bigint PRIMARY KEY, created_at timestamptz NOT NULL)");
            st.execute("CREATE TABLE " + name + ".invoices (id bigint PRIMARY KEY, created_at timestamp NOT NULL)");
            st.execute("INSERT INTO " + name + ".orders SELECT g, timestamptz '2026-11-30 12:00:00+00' + (g - 50) * interval '1 minute' FROM generate_series(1, 100) g");
            st.execute("INSERT INTO " + name + ".invoices SELECT g, timestamp '2026-11-30 12:00:00' + (g - 10) * interval '1 minute' FROM generate_series(1, 20) g");
        }
        try (Connection c = Services.connect(Services.MARIADB, "MariaDB at 127.0.0.1:3306"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
            st.execute("CREATE TABLE " + name + ".orders (id BIGINT PRIMARY KEY, created_at DATETIME(6) NOT NULL)");
            st.execute("INSERT INTO " + name + ".orders SELECT seq, TIMESTAMP('2026-11-30 12:00:00') + INTERVAL (CAST(seq AS SIGNED) - 30) MINUTE FROM seq_1_to_40");
        }
    }

    @AfterAll
    static void drop() {
        try (Connection c = DriverManager.getConnection(Services.POSTGRES); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            // nothing to drop
        }
        try (Connection c = DriverManager.getConnection(Services.MARIADB); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            // nothing to drop
        }
    }

    static CheckResult writes(Map<String, String> params, Clock clock) {
        assertEquals(List.of(), new WritesCheck().validate(params));
        return new WritesCheck().run(Requests.request(WritesCheck.KIND, params, clock, Duration.ofSeconds(10)));
    }

    @Test
    void countsRowsAtOrAfterTheInstantAcrossTables() {
        CheckResult r = writes(Map.of("db", pg, "tables", "orders,invoices", "column", "created_at", "since", "2026-11-30T12:00:00Z"), Clock.systemUTC());
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals(51L + 11L, r.observations().get("writes"), r.observations().toString());
        assertEquals(Map.of("orders", 51L, "invoices", 11L), r.observations().get("writes-by-table"));
    }

    @Test
    void aDurationAgoIsReadFromTheRequestClock() {
        Clock at = Clock.fixed(Instant.parse("2026-11-30T12:30:00Z"), ZoneOffset.UTC);
        CheckResult r = writes(Map.of("db", maria, "tables", "orders", "column", "created_at", "since", "1h"), at);
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals(40L, r.observations().get("writes"), "11:30 .. 12:10 are all within the last hour at 12:30");
        CheckResult later = writes(Map.of("db", maria, "tables", "orders", "column", "created_at", "since", "10m"), Clock.fixed(Instant.parse("2026-11-30T12:15:00Z"), ZoneOffset.UTC));
        assertEquals(6L, later.observations().get("writes"), "12:05 .. 12:10");
    }

    @Test
    void highWaterMarkCountsRowsAboveItAndGivesTheNextMark() {
        CheckResult r = writes(Map.of("db", pg, "tables", "orders", "key", "id", "after", "90"), Clock.systemUTC());
        assertEquals(10L, r.observations().get("writes"));
        assertEquals(Map.of("orders", 100L), r.observations().get("high-water"));
    }

    @Test
    void missingColumnIsErrorNeverAZeroCount() {
        CheckResult r = writes(Map.of("db", pg, "tables", "orders", "column", "no_such_column", "since", "1h"), Clock.systemUTC());
        assertEquals(CheckStatus.ERROR, r.status(), r.message());
        assertTrue(r.message().contains("no_such_column"), r.message());
    }

    @Test
    void paramsNeedOneMode() {
        assertTrue(new WritesCheck().validate(Map.of("db", "x", "tables", "t")).stream().anyMatch(p -> p.contains("either")));
        assertTrue(new WritesCheck().validate(Map.of("db", "x", "tables", "t", "column", "c", "since", "yesterday")).stream().anyMatch(p -> p.contains("'since'")));
    }
}
