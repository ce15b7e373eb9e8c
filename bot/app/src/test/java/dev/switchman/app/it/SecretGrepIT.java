package dev.switchman.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never reach any output. Planted: a password in a check's URL ({@code http://ops:SECRET@...}),
 * in a webhook sink, in the database URL ({@code ;PASSWORD=}), a bad PostgreSQL URL's {@code password=}
 * and {@code sslpassword=}, and a Slack token typed in a note. The real jar runs a console session
 * (banner, start, done, check, status, timeline), then {@code record}, {@code rehearse --report},
 * {@code validate} of a broken runbook and a start-up against an unreachable database; every surface is
 * grepped for the planted values: the console transcript, the logs (stderr, at INFO), the event table
 * and outbox errors, the recorded scenario, the reports (HTML, Markdown, JSON) and every error message.
 */
class SecretGrepIT {

    private static final String SECRET = "Pl4nted-S3cret-0x77";
    private static final String SLACK_TOKEN = "xoxb-4242-1717-Pl4ntedSlackTok";
    private static final Pattern RUN_ID = Pattern.compile("run ([A-Za-z0-9_-]+)");

    @TempDir
    Path home;

    private HttpServer server;
    /** Every surface read, by name. */
    private final Map<String, String> surfaces = new LinkedHashMap<>();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", ex -> {
            byte[] body = "down".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(503, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private Path writeRunbooks() throws Exception {
        Path rb = home.resolve("project/runbooks/secret-test/runbook.yaml");
        Files.createDirectories(rb.getParent().resolve("scenarios"));
        String url = "http://ops:" + SECRET + "@127.0.0.1:" + server.getAddress().getPort() + "/health";
        Files.writeString(rb, """
                id: secret-test
                title: Secrets never show
                roles:
                  owner: [console:alice]
                  approvers: [console:alice]
                  rollback-authority: [console:alice]
                stakeholders:
                  - audience: partners
                    sink: "webhook:https://hook:%s@127.0.0.1:9/notify"
                checks:
                  - id: web
                    kind: http.probe
                    params: {url: "%s", expect-status: 200}
                    timeout: 5s
                phases:
                  - id: prepare
                    steps:
                      - id: prep
                        do: Prepare
                      - id: tell
                        notify: {audience: partners, text: "Starting"}
                      - id: verify-web
                        verify: [web]
                """.formatted(SECRET, url));
        Files.writeString(rb.getParent().resolve("scenarios/secret-rehearsal.yaml"), """
                scenario: secret-rehearsal
                title: A rehearsal whose scripted results carry the secret
                runbook: ../runbook.yaml
                start: 2026-11-20T08:00:00Z
                speed: max
                end: +2h
                responders:
                  mode: auto
                baseline:
                  web: {status: FAIL, observations: {status: 503, url: "%s"}, message: "GET %s returned 503"}
                expect:
                  - never: GO
                """.formatted(url, url));
        return rb.getParent().getParent();
    }

    @Test
    void noPlantedSecretReachesAnySurface() throws Exception {
        Path runbooks = writeRunbooks();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SWITCHMAN_HOME", home.toString());
        String storeFile = home.resolve("store").toString().replace('\\', '/');
        env.put("SWITCHMAN_DB_URL", "jdbc:h2:file:" + storeFile + ";PASSWORD=" + SECRET);
        env.put("SWITCHMAN_LOG_LEVEL", "INFO");

        // a console session: banner, start, a note with a token, the notify step (webhook sink), the check, status, timeline
        String script = String.join("\n", "start secret-test", "done prep \"handed over " + SLACK_TOKEN + "\"", "check web",
                "status", "timeline", "exit", "");
        SwitchmanProcess.Result console = SwitchmanProcess.run(env, script, "console", "--script", "-", "--as", "alice",
                "--runbooks", runbooks.toString());
        surfaces.put("console transcript (stdout)", console.out());
        surfaces.put("console logs (stderr)", console.err());
        Matcher m = RUN_ID.matcher(console.out());
        assertTrue(m.find(), "the run started:\n" + console.out() + "\n" + console.err());
        String runId = m.group(1);
        assertTrue(console.out().contains("Store: jdbc:h2:file:"), "the banner names the store:\n" + console.out());
        assertTrue(console.out().contains("web"), "the check ran:\n" + console.out());

        // the event table and the outbox's errors, read with the database's own password
        surfaces.put("event table", table("SELECT * FROM events ORDER BY run_id, seq", storeFile));
        surfaces.put("outbox (payload, errors)", table("SELECT run_id, dedupe_key, payload, attempts, last_error FROM outbox", storeFile));
        assertTrue(surfaces.get("event table").contains("STEP_COMPLETED"), surfaces.get("event table"));

        // record: the run as a scenario
        Path recorded = home.resolve("recorded.yaml");
        SwitchmanProcess.Result record = SwitchmanProcess.run(env, null, "record", runId, "--out", recorded.toString());
        assertEquals(0, record.code(), record.out() + record.err());
        surfaces.put("record output", record.out() + record.err());
        surfaces.put("recorded scenario", Files.readString(recorded));

        // rehearse with a report
        Path reports = home.resolve("report");
        SwitchmanProcess.Result rehearse = SwitchmanProcess.run(env, null, "rehearse",
                runbooks.resolve("secret-test/scenarios/secret-rehearsal.yaml").toString(), "--report", reports.toString());
        surfaces.put("rehearse output", rehearse.out() + rehearse.err());
        for (String f : List.of("report.html", "report.md", "report.json")) {
            assertTrue(Files.exists(reports.resolve(f)), f + " written: " + rehearse.out() + rehearse.err());
            surfaces.put(f, Files.readString(reports.resolve(f)));
        }
        SwitchmanProcess.Result json = SwitchmanProcess.run(env, null, "rehearse",
                runbooks.resolve("secret-test/scenarios/secret-rehearsal.yaml").toString(), "--format", "json");
        surfaces.put("rehearse --format json", json.out() + json.err());

        // validation errors that echo a value holding the secret
        Path broken = home.resolve("broken.yaml");
        Files.writeString(broken, """
                id: broken
                title: Broken
                stakeholders:
                  - {audience: x, sink: "chat:#x", cadence: "https://u:%s@example.test"}
                phases:
                  - id: p
                    steps:
                      - {id: s, do: x}
                """.formatted(SECRET));
        SwitchmanProcess.Result validate = SwitchmanProcess.run(env, null, "validate", broken.toString());
        assertEquals(1, validate.code(), validate.out() + validate.err());
        assertTrue((validate.out() + validate.err()).contains("cadence"), validate.out() + validate.err());
        surfaces.put("validate errors", validate.out() + validate.err());

        // a store that cannot be opened (migration/connection error) with password= and sslpassword= in its URL
        Map<String, String> badDb = new LinkedHashMap<>(env);
        badDb.put("SWITCHMAN_DB_URL", "jdbc:postgresql://127.0.0.1:1/nowhere?user=u&password=" + SECRET + "&sslpassword=" + SECRET);
        SwitchmanProcess.Result failed = SwitchmanProcess.run(badDb, null, "record", "any-run", "--out", home.resolve("x.yaml").toString());
        assertTrue(failed.code() != 0, "an unreachable store fails: " + failed.out() + failed.err());
        surfaces.put("store error (record)", failed.out() + failed.err());
        SwitchmanProcess.Result failedConsole = SwitchmanProcess.run(badDb, "exit\n", "console", "--script", "-");
        surfaces.put("store error (console start-up)", failedConsole.out() + failedConsole.err());

        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> s : surfaces.entrySet()) {
            for (String secret : List.of(SECRET, SLACK_TOKEN, "Pl4ntedSlackTok")) {
                int at = s.getValue().indexOf(secret);
                if (at >= 0) {
                    String around = s.getValue().substring(Math.max(0, at - 120), Math.min(s.getValue().length(), at + 60));
                    leaks.add(s.getKey() + " shows " + secret + ": ..." + around.replace('\n', ' ') + "...");
                }
            }
        }
        System.out.println("secret grep: " + surfaces.size() + " surfaces read: " + String.join(", ", surfaces.keySet()));
        assertTrue(leaks.isEmpty(), leaks.size() + " leak(s):\n" + String.join("\n", leaks));
        // the masks are where the secrets were: the grep looked at the right text
        assertTrue(surfaces.get("event table").contains("xoxb-***"), surfaces.get("event table"));
        assertTrue(surfaces.values().stream().anyMatch(v -> v.contains("ops:***@127.0.0.1")), "the check URL shows masked somewhere");
    }

    /** Every row of a query, every column as text. */
    private static String table(String sql, String storeFile) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + storeFile, "sa", SECRET);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    b.append(rs.getString(i)).append(" | ");
                }
                b.append('\n');
            }
        }
        return b.toString();
    }
}
