package dev.switchman.checks.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.checks.bench.ParityTables;
import dev.switchman.checks.connection.Jdbc;
import dev.switchman.checks.connection.Jdbc.Engine;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * db.parity finds exactly the seeded differences (a missing row, an extra row, a changed value,
 * NULL made empty, a timestamp cut to seconds), PostgreSQL vs PostgreSQL and PostgreSQL vs MariaDB,
 * on the local servers, in schemas/databases of its own.
 */
class ParityCheckIT {

    static final int ROWS = 10_000;
    static String name;
    static String pgOld;
    static String pgSame;
    static String pgNew;
    static String mariaSame;
    static String mariaNew;
    static ParityTables.Seeded seededPg;
    static ParityTables.Seeded seededMaria;

    @BeforeAll
    static void tables() throws SQLException {
        name = Services.unique("sw_par");
        try (Connection c = Services.connect(Services.POSTGRES, "PostgreSQL at 127.0.0.1:5432"); Statement st = c.createStatement()) {
            for (String s : List.of("old", "same", "new")) {
                st.execute("CREATE SCHEMA " + name + "_" + s);
            }
        }
        try (Connection c = Services.connect(Services.MARIADB, "MariaDB at 127.0.0.1:3306"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + "_same");
            st.execute("CREATE DATABASE " + name + "_new");
        }
        pgOld = Services.POSTGRES + "&currentSchema=" + name + "_old";
        pgSame = Services.POSTGRES + "&currentSchema=" + name + "_same";
        pgNew = Services.POSTGRES + "&currentSchema=" + name + "_new";
        mariaSame = "jdbc:mariadb://127.0.0.1:3306/" + name + "_same?user=root";
        mariaNew = "jdbc:mariadb://127.0.0.1:3306/" + name + "_new?user=root";
        for (String url : List.of(pgOld, pgSame, pgNew, mariaSame, mariaNew)) {
            try (Connection c = DriverManager.getConnection(url)) {
                ParityTables.create(c, Engine.of(url), ROWS);
            }
        }
        try (Connection c = DriverManager.getConnection(pgNew)) {
            seededPg = ParityTables.seed(c, Engine.POSTGRESQL, ROWS, 5);
        }
        try (Connection c = DriverManager.getConnection(mariaNew)) {
            seededMaria = ParityTables.seed(c, Engine.MARIADB, ROWS, 5);
        }
    }

    @AfterAll
    static void drop() {
        try (Connection c = DriverManager.getConnection(Services.POSTGRES); Statement st = c.createStatement()) {
            for (String s : List.of("old", "same", "new")) {
                st.execute("DROP SCHEMA IF EXISTS " + name + "_" + s + " CASCADE");
            }
        } catch (SQLException e) {
            // unreachable: nothing to drop
        }
        try (Connection c = DriverManager.getConnection(Services.MARIADB); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + "_same");
            st.execute("DROP DATABASE IF EXISTS " + name + "_new");
        } catch (SQLException e) {
            // unreachable: nothing to drop
        }
    }

    static CheckResult parity(String oldUrl, String newUrl, Map<String, String> extra) {
        Map<String, String> params = new java.util.HashMap<>(Map.of("old", oldUrl, "new", newUrl, "tables", "orders"));
        params.putAll(extra);
        assertEquals(List.of(), new ParityCheck().validate(params));
        return new ParityCheck().run(Requests.request(ParityCheck.KIND, params, Clock.systemUTC(), Duration.ofSeconds(60)));
    }

    static void assertFinds(ParityTables.Seeded seeded, CheckResult r) {
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertEquals(new HashSet<>(seeded.missing()), new HashSet<>((List<?>) r.observations().get("missing")), r.observations().toString());
        assertEquals(new HashSet<>(seeded.extra()), new HashSet<>((List<?>) r.observations().get("extra")), r.observations().toString());
        assertEquals(new HashSet<>(seeded.changed()), new HashSet<>((List<?>) r.observations().get("changed")), r.observations().toString());
        assertEquals((long) seeded.missing().size(), r.observations().get("missing-count"));
        assertEquals((long) seeded.extra().size(), r.observations().get("extra-count"));
        assertEquals((long) seeded.changed().size(), r.observations().get("changed-count"));
        assertEquals((long) ROWS, r.observations().get("old-rows"));
        assertEquals((long) ROWS, r.observations().get("new-rows"), "one deleted, one added");
    }

    @Test
    void identicalPostgresTablesPass() {
        CheckResult r = parity(pgOld, pgSame, Map.of());
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals((long) ROWS, r.observations().get("old-rows"));
        assertEquals(0L, r.observations().get("changed-count"));
    }

    @Test
    void identicalRowsPassAcrossEnginesAfterNormalisation() {
        CheckResult r = parity(pgOld, mariaSame, Map.of());
        assertEquals(CheckStatus.PASS, r.status(), r.message() + " " + r.observations());
    }

    @Test
    void findsExactlyTheSeededDifferencesPostgresVsPostgres() {
        assertFinds(seededPg, parity(pgOld, pgNew, Map.of()));
    }

    @Test
    void findsExactlyTheSeededDifferencesPostgresVsMariaDb() {
        CheckResult r = parity(pgOld, mariaNew, Map.of());
        assertFinds(seededMaria, r);
        assertTrue(r.message().contains("1 missing, 1 extra, 3 changed"), r.message());
    }

    @Test
    void valuesAreNeverShownOnlyKeys() {
        CheckResult r = parity(pgOld, mariaNew, Map.of());
        String all = r.message() + r.observations();
        assertFalse(all.contains("note "), all);
        assertFalse(all.contains("customer"), all);
        assertFalse(all.contains("2026-"), all);
    }

    @Test
    void comparingOnlySomeColumnsIgnoresTheOthers() {
        CheckResult r = parity(pgOld, pgNew, Map.of("columns", "id,customer"));
        assertEquals(0L, r.observations().get("changed-count"), r.observations().toString());
        assertEquals(1L, r.observations().get("missing-count"));
    }

    @Test
    void compositeKeyWithoutIntegerLeadUsesHashRanges() throws SQLException {
        String table = "pairs";
        try (Connection a = DriverManager.getConnection(pgOld); Connection b = DriverManager.getConnection(mariaSame);
             Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            sa.execute("CREATE TABLE pairs (region varchar(10), code varchar(20), qty int, PRIMARY KEY (region, code))");
            sb.execute("CREATE TABLE pairs (region varchar(10), code varchar(20), qty int, PRIMARY KEY (region, code))");
            sa.execute("INSERT INTO pairs SELECT 'r' || (g % 5), 'c' || g, g FROM generate_series(1, 3000) g");
            sb.execute("INSERT INTO pairs SELECT CONCAT('r', seq % 5), CONCAT('c', seq), seq FROM seq_1_to_3000");
            sb.execute("UPDATE pairs SET qty = 0 WHERE region = 'r2' AND code = 'c1502'");
            sb.execute("DELETE FROM pairs WHERE region = 'r0' AND code = 'c10'");
        }
        CheckResult r = parity(pgOld, mariaSame, Map.of("tables", table));
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertEquals(List.of("r2|c1502"), r.observations().get("changed"));
        assertEquals(List.of("r0|c10"), r.observations().get("missing"));
    }

    @Test
    void missingTableIsErrorNamingIt() {
        CheckResult r = parity(pgOld, pgNew, Map.of("tables", "no_such_table"));
        assertEquals(CheckStatus.ERROR, r.status(), r.message());
        assertTrue(r.message().contains("no_such_table"), r.message());
    }

    @Test
    void unreachableSideIsErrorWithoutItsPassword() {
        CheckResult r = parity(pgOld, "jdbc:mariadb://127.0.0.1:1/x?user=root&password=topsecret42", Map.of());
        assertEquals(CheckStatus.ERROR, r.status(), r.message());
        assertFalse((r.redacted().message() + r.redacted().target()).contains("topsecret42"), r.redacted().message()); // as CheckRunner hands it on
        assertEquals("postgresql://127.0.0.1:5432/test vs mariadb://127.0.0.1:1/x", r.target());
        assertTrue(Jdbc.where("jdbc:postgresql://u:pw@h:5432/db?password=x").equals("postgresql://h:5432/db"));
    }
}
