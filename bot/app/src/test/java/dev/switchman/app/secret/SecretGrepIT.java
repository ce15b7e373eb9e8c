package dev.switchman.app.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.sun.net.httpserver.HttpServer;
import dev.switchman.app.testing.PostgresSchema;
import dev.switchman.core.bot.Bot;
import dev.switchman.core.chat.TranscriptBackend;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.EventStores;
import dev.switchman.core.notify.Notification;
import dev.switchman.core.notify.Notifier;
import dev.switchman.core.run.DirectExecutorService;
import dev.switchman.core.run.RunStatus;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.RunbookLoader;
import dev.switchman.core.runbook.Stakeholder;
import dev.switchman.core.secret.Secrets;
import dev.switchman.core.time.ManualClock;
import dev.switchman.core.time.ManualScheduler;
import dev.switchman.rules.engine.DroolsDecisionEngine;
import dev.switchman.simulator.Rehearsal;
import dev.switchman.simulator.record.Recorder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The secret-grep test of issue 9: a whole run whose runbook, commands and agent results carry
 * distinctive secrets (a token in a check URL, the password of a URL's user info, a PostgreSQL
 * password, a webhook sink with {@code user:pass@}, a check failing with a password in its error, notes
 * and a rollback reason with credentials, a value registered as a secret), with the real check
 * providers, the real rules and the JDBC store on H2 and on PostgreSQL; then every surface the run
 * produced is grepped for every secret: every column of every event and outbox row, the log output
 * (the app's logback configuration, at DEBUG), what the bot said in chat (replies, status, timeline,
 * notifications), the body the webhook received, the {@code record} export and the rehearsal's report
 * files and summary. Zero hits. The test shows it can fail: each secret is first found in the inputs
 * (the runbook file, the commands, the submitted result), the webhook receives the real password in
 * its Authorization header, and the same grep finds the secrets in the runbook file.
 */
class SecretGrepIT {

    private final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    /** Every planted secret by name; each is distinctive, so a hit can only be a leak. */
    private final Map<String, String> secrets = new LinkedHashMap<>();

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger hookCalls = new AtomicInteger();
    private final List<String> hookAuthorizations = new CopyOnWriteArrayList<>();
    private final List<String> hookBodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void plantSecretsAndStartServer() throws Exception {
        secrets.put("check-url token", "TkN" + tag + "tok");
        secrets.put("check-url password", "HtTp" + tag + "pw");
        secrets.put("postgres password", "SeCrEt" + tag);
        secrets.put("webhook password", "HoOk" + tag + "pw");
        secrets.put("note password", "NoTe" + tag + "pw");
        secrets.put("rollback-reason password", "RoLl" + tag + "pw");
        secrets.put("agent password", "AgEnT" + tag + "pw");
        secrets.put("registered secret", "EnV" + tag + "secret");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/hook", exchange -> {
            hookAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            hookBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            // the first delivery fails: the outbox keeps the entry, logs the failure and retries
            exchange.sendResponseHeaders(hookCalls.incrementAndGet() == 1 ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void noSecretReachesAnySurfaceWithH2() throws Exception {
        grepWholeRun(EventStores.h2Url(dir.resolve("store")));
    }

    @Test
    void noSecretReachesAnySurfaceWithPostgres() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("secrets")) {
            grepWholeRun(schema.url());
        }
    }

    private String secret(String name) {
        return secrets.get(name);
    }

    private void grepWholeRun(String storeUrl) throws Exception {
        int port = server.getAddress().getPort();
        Path runbookFile = dir.resolve("runbooks/leaky/leaky.yaml");
        Files.createDirectories(runbookFile.getParent());
        Files.writeString(runbookFile, """
                id: leaky
                title: A cutover whose configuration carries secrets
                roles:
                  owner: [console:alice]
                  approvers: [console:bob]
                  rollback-authority: [console:carol]
                stakeholders:
                  - audience: execs
                    sink: "webhook:http://hook:%3$s@127.0.0.1:%1$d/hook"
                checks:
                  - id: health
                    kind: http.health
                    params: {url: "http://probe:%2$s@127.0.0.1:%1$d/health?token=%4$s"}
                    interval: 1m
                    timeout: 5s
                  - id: replica
                    kind: db.replication
                    params:
                      primary: "jdbc:postgresql://127.0.0.1:1/x?user=u&password=%5$s"
                      replica: "jdbc:postgresql://127.0.0.1:1/y?user=u&password=%5$s"
                      mode: postgresql-logical
                    interval: 1m
                    timeout: 5s
                  - id: legacy-db
                    kind: test.leaky
                    params: {error: "login failed for postgresql://u:%5$s@127.0.0.1/legacy"}
                    interval: 1m
                    timeout: 5s
                phases:
                  - id: prepare
                    title: Prepare
                    steps:
                      - id: backup
                        do: Take a backup
                      - id: verify
                        verify: [health, replica, legacy-db]
                      - id: tell
                        notify: {audience: execs, text: "We start the cutover now"}
                  - id: cutover
                    title: Cutover
                    cutover: true
                    steps:
                      - id: switch
                        do: Switch traffic to the new host
                    rollback:
                      - id: switch-back
                        do: Switch traffic back
                """.formatted(port, secret("check-url password"), secret("webhook password"), secret("check-url token"),
                secret("postgres password")));
        String runbookText = Files.readString(runbookFile);
        CheckProviders providers = CheckProviders.load();
        var loaded = new RunbookLoader(providers).read(runbookFile);
        assertTrue(loaded.errors().isEmpty(), loaded.problems().toString());
        Runbook runbook = loaded.value();
        Secrets.register(secret("registered secret")); // as Settings does with SWITCHMAN_DB_PASSWORD

        List<String> commands = List.of(
                "alice|start leaky",
                "alice|done backup \"rotated the backup key; old password=" + secret("note password") + "\"",
                "carol|done verify --override --yes \"legacy db: postgresql://u:" + secret("postgres password") + "@127.0.0.1/legacy is retired\"",
                "alice|notify execs \"deploy key " + secret("registered secret") + " rotated\"",
                "alice|status",
                "alice|timeline",
                "carol|rollback --yes \"dashboard https://ops:" + secret("rollback-reason password") + "@127.0.0.1/d shows 5xx\"",
                "alice|timeline",
                "alice|done switch-back");
        // the test can fail: every secret is in what the run is given
        String inputs = runbookText + String.join("\n", commands) + secret("agent password") + secret("registered secret");
        secrets.forEach((name, value) -> assertTrue(inputs.contains(value), name + " is planted in the inputs"));

        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        ManualClock clock = new ManualClock(Instant.parse("2026-11-30T10:00:00Z"));
        ManualScheduler scheduler = new ManualScheduler(clock);
        TranscriptBackend chat = new TranscriptBackend(clock, TranscriptBackend.DEFAULT_CHANNEL);
        String runId;
        try (AppLogs captured = AppLogs.capture(logs)) {
            try (EventStore store = EventStores.open(storeUrl);
                 Bot bot = Bot.builder().runbooks(List.of(runbook)).store(store).clock(clock).scheduler(scheduler)
                    .decisionEngine(new DroolsDecisionEngine()).checkProviders(providers).checkExecutor(new DirectExecutorService())
                    .notifiers(List.of(new BasicAuthWebhook())).backend(chat).build()) {
                chat.start(bot);
                for (String c : commands) {
                    String[] userAndText = c.split("\\|", 2);
                    chat.exec(userAndText[0], userAndText[1]);
                    if (userAndText[1].equals("start leaky")) {
                        runId = store.runs().get(0);
                        // an agent reports a result whose message and observations echo its credentials
                        bot.submitResult(runId, new CheckResult("health", "http.health", "https://agent:" + secret("agent password") + "@127.0.0.1/h",
                                CheckStatus.FAIL, Map.of("url", "postgresql://agent:" + secret("agent password") + "@127.0.0.1/db"),
                                "GET https://agent:" + secret("agent password") + "@127.0.0.1/h answered 503", clock.instant(), Duration.ZERO));
                        scheduler.advance(Duration.ofMinutes(1));
                        chat.exec("alice", "check");
                    }
                    scheduler.advance(Duration.ofMinutes(2)); // checks re-run, the failed webhook delivery is retried
                }
                runId = store.runs().get(0);
                assertEquals(RunStatus.ROLLED_BACK, dev.switchman.core.run.RunState.replay(runId, store.read(runId)).status(), chat.render());
            }
        }

        // the webhook got the real sink: its password arrived, as HTTP Basic credentials, and delivery was retried
        assertTrue(hookCalls.get() >= 2, "the failed delivery was retried: " + hookCalls.get());
        String expectedAuth = "Basic " + Base64.getEncoder().encodeToString(("hook:" + secret("webhook password")).getBytes(StandardCharsets.UTF_8));
        assertTrue(hookAuthorizations.contains(expectedAuth), "the notifier was handed the configured sink: " + hookAuthorizations);

        Map<String, String> surfaces = new LinkedHashMap<>();
        surfaces.put("events table", table(storeUrl, "events"));
        surfaces.put("outbox table", table(storeUrl, "outbox"));
        surfaces.put("log output", logs.toString(StandardCharsets.UTF_8));
        surfaces.put("chat (replies, status, timeline, notifications)", said(chat));
        surfaces.put("webhook bodies", String.join("\n", hookBodies));

        Path export = dir.resolve("runbooks/leaky/recorded.yaml");
        try (EventStore store = EventStores.open(storeUrl)) {
            Recorder.record(store, runId, export, runbookFile);
        }
        surfaces.put("record export", Files.readString(export));
        Path reportDir = dir.resolve("report");
        Rehearsal.Outcome replay = Rehearsal.run(export, Rehearsal.Options.defaults().withReport(reportDir));
        surfaces.put("rehearse summary", replay.output());
        try (Stream<Path> files = Files.walk(reportDir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                surfaces.put("report " + reportDir.relativize(f), Files.readString(f));
            }
        }
        assertTrue(surfaces.keySet().stream().anyMatch(k -> k.startsWith("report ")), "the rehearsal wrote its report: " + surfaces.keySet());
        // each surface is real: the run is in it
        surfaces.forEach((name, text) -> assertFalse(text.isBlank(), name + " is empty"));
        assertTrue(surfaces.get("events table").contains("CHECK_RESULT") && surfaces.get("outbox table").contains("webhook:"),
                "the tables hold the run");

        // the grep can fail: it finds the secrets in the runbook file
        assertEquals(List.of("check-url token", "check-url password", "postgres password", "webhook password"),
                grep(Map.of("runbook file", runbookText)).stream().map(h -> h.split(" in ")[0]).distinct().toList());
        List<String> leaks = grep(surfaces);
        assertTrue(leaks.isEmpty(), leaks.size() + " secrets leaked:\n" + String.join("\n", leaks));
        System.out.println("secret grep (" + storeUrl.replaceAll("\\?.*|;.*", "") + "): " + secrets.size() + " secrets x "
                + surfaces.size() + " surfaces (" + surfaces.values().stream().mapToInt(String::length).sum() + " chars), 0 hits");
    }

    /** One line per hit: which secret, in which surface, and the text around it. */
    private List<String> grep(Map<String, String> surfaces) {
        List<String> hits = new ArrayList<>();
        secrets.forEach((name, value) -> surfaces.forEach((surface, text) -> {
            for (int i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
                int from = Math.max(0, i - 80);
                hits.add(name + " in " + surface + ": ..." + text.substring(from, Math.min(text.length(), i + value.length() + 40)).replace('\n', ' ') + "...");
            }
        }));
        return hits;
    }

    /** Every column of every row of a table, as text. */
    private static String table(String url, String table) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Connection c = url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url, "sa", "") : DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    b.append(rs.getString(i)).append(" | ");
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** Everything the bot said, in every channel: replies, posts and their edits, whole (fields, check rows, buttons). */
    private static String said(TranscriptBackend chat) {
        StringBuilder b = new StringBuilder();
        for (TranscriptBackend.Entry e : chat.entries()) {
            if (e.kind() != TranscriptBackend.Kind.COMMAND && e.kind() != TranscriptBackend.Kind.PRESS) {
                b.append(e.channel()).append(' ').append(e.text()).append(' ').append(e.message()).append('\n');
            }
        }
        return b.toString();
    }

    /** A webhook notifier that sends the sink's user info as HTTP Basic credentials, as a real one would. */
    private static final class BasicAuthWebhook implements Notifier {
        private final HttpClient http = HttpClient.newHttpClient();

        @Override
        public String sinkKind() {
            return "webhook";
        }

        @Override
        public void deliver(Stakeholder stakeholder, Notification n) throws Exception {
            URI uri = URI.create(stakeholder.sink().substring("webhook:".length()));
            HttpRequest.Builder request = HttpRequest.newBuilder(new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"" + n.subject() + "\",\"body\":\"" + n.body() + "\"}"));
            if (uri.getUserInfo() != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(uri.getUserInfo().getBytes(StandardCharsets.UTF_8)));
            }
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new java.io.IOException("webhook at " + uri.getHost() + " answered HTTP " + status);
            }
        }
    }

    /**
     * The app's logback configuration ({@code logback-spring.xml}, its redacting converters) on the
     * process's logger context at DEBUG, writing to {@code into} while open; the previous configuration
     * after.
     */
    private static final class AppLogs implements AutoCloseable {
        private final PrintStream oldErr;
        private final LoggerContext ctx;

        private AppLogs(PrintStream oldErr, LoggerContext ctx) {
            this.oldErr = oldErr;
            this.ctx = ctx;
        }

        static AppLogs capture(ByteArrayOutputStream into) throws Exception {
            PrintStream old = System.err;
            System.setErr(new PrintStream(into, true, StandardCharsets.UTF_8));
            LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
            ctx.reset();
            System.setProperty("SWITCHMAN_LOG_LEVEL", "DEBUG");
            JoranConfigurator c = new JoranConfigurator();
            c.setContext(ctx);
            c.doConfigure(SecretGrepIT.class.getResource("/logback-spring.xml"));
            return new AppLogs(old, ctx);
        }

        @Override
        public void close() throws Exception {
            System.clearProperty("SWITCHMAN_LOG_LEVEL");
            ctx.reset();
            new ch.qos.logback.classic.util.ContextInitializer(ctx).autoConfig();
            System.setErr(oldErr);
        }
    }
}
