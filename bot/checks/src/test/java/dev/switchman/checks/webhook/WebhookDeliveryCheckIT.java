package dev.switchman.checks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.switchman.checks.testing.Requests;
import dev.switchman.checks.testing.Services;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * webhook.delivery against a real webhook receiver on loopback that verifies the signature as the shop's
 * payment library does (Stripe's scheme: parse {@code t=} and {@code v1=}, 5-minute tolerance, constant-time
 * compare) and records the event in the local PostgreSQL, as a handler would.
 */
class WebhookDeliveryCheckIT {

    static final String SECRET = "whsec_test_Sw1tchm4nSigningSecret";
    static String schema;

    final Map<String, String> env = Map.of("PAYMENTS_SECRET", SECRET, "WRONG_SECRET", "whsec_not_the_one_the_shop_has");
    final Function<String, String> envFn = env::get;
    final List<String> received = new CopyOnWriteArrayList<>();
    HttpServer server;

    @BeforeAll
    static void table() throws SQLException {
        schema = Services.unique("sw_webhook");
        try (Connection c = Services.connect(Services.POSTGRES, "PostgreSQL at 127.0.0.1:5432"); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            st.execute("CREATE TABLE " + schema + ".webhook_events (id text PRIMARY KEY, received_at timestamptz NOT NULL DEFAULT now())");
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection(Services.POSTGRES); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A shop's payment webhook: verifies Stripe-Signature with {@code secret}; records the event when {@code record}. */
    String shop(String secret, boolean record) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/webhooks/payments", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            String payload = new String(body, StandardCharsets.UTF_8);
            String header = x.getRequestHeaders().getFirst("Stripe-Signature");
            int code = verifyStripe(header, payload, secret) ? 200 : 400;
            if (code == 200 && record) {
                String id = payload.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
                try (Connection c = DriverManager.getConnection(Services.POSTGRES);
                     PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema + ".webhook_events (id) VALUES (?)")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    code = 500;
                }
            }
            received.add(code + " " + header);
            byte[] answer = (code == 200 ? "{\"received\":true}" : "{\"error\":\"No signatures found matching the expected signature for payload\"}")
                    .getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(code, answer.length);
            x.getResponseBody().write(answer);
            x.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/payments";
    }

    /** Stripe's documented manual verification: signed_payload = t + "." + payload, HMAC-SHA256, hex, 300 s tolerance. */
    static boolean verifyStripe(String header, String payload, String secret) {
        if (header == null) {
            return false;
        }
        long t = -1;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = Long.parseLong(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1.add(kv[1]);
            }
        }
        if (t < 0 || Math.abs(Instant.now().getEpochSecond() - t) > 300) {
            return false;
        }
        byte[] expected = SigningScheme.hmac(secret.getBytes(StandardCharsets.UTF_8), t + "." + payload);
        return v1.stream().anyMatch(s -> MessageDigest.isEqual(expected, HexFormat.of().parseHex(s)));
    }

    CheckResult run(Map<String, String> params) {
        // a generous deadline: the first delivery also loads OkHttp and the JDBC driver on a busy machine
        return new WebhookDeliveryCheck(envFn).run(Requests.request(WebhookDeliveryCheck.KIND, params, java.time.Clock.systemUTC(),
                Duration.ofSeconds(30)));
    }

    @Test
    void aSignedEventTheShopAcceptsPassesAndItsSideEffectIsCounted() throws IOException {
        String url = shop(SECRET, true);
        CheckResult r = run(Map.of("url", url, "secret", "${env:PAYMENTS_SECRET}",
                "side-effect-db", Services.POSTGRES + "&currentSchema=" + schema,
                "side-effect-sql", "select count(*) from webhook_events where id = ?"));
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals(200, ((Number) r.observations().get("status")).intValue());
        assertEquals(0, ((Number) r.observations().get("failures")).intValue());
        assertEquals(true, r.observations().get("side-effect"));
        assertTrue(r.message().contains("side effect found (1 row)"), r.message());
        assertTrue(received.get(0).startsWith("200 t="), received.toString());
        assertFalse(r.toString().contains(SECRET), "the secret is never shown: " + r);
    }

    @Test
    void aNewServerWithoutTheSigningSecretFailsAndSaysWhy() throws IOException {
        String url = shop(env.get("WRONG_SECRET"), true);
        CheckResult r = run(Map.of("url", url, "secret", "${env:PAYMENTS_SECRET}"));
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertEquals(1, ((Number) r.observations().get("failures")).intValue());
        assertTrue(r.message().contains("answered 400") && r.message().contains("missing the signing secret"), r.message());
        assertTrue(received.get(0).startsWith("400 "), "the shop really refused it: " + received);
    }

    @Test
    void anAcknowledgedEventThatWasNotRecordedFails() throws IOException {
        String url = shop(SECRET, false);
        CheckResult r = run(Map.of("url", url, "secret", "${env:PAYMENTS_SECRET}",
                "side-effect-db", Services.POSTGRES + "&currentSchema=" + schema,
                "side-effect-sql", "select count(*) from webhook_events where id = ?"));
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertEquals(false, r.observations().get("side-effect"));
        assertTrue(r.message().contains("side effect NOT found"), r.message());
    }

    @Test
    void theSecretMayComeFromAFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("secret");
        Files.writeString(f, SECRET + "\n");
        String url = shop(SECRET, false);
        CheckResult r = run(Map.of("url", url, "secret", "${file:" + f + "}"));
        assertEquals(CheckStatus.PASS, r.status(), r.message());
    }

    @Test
    void nothingListeningIsAnErrorAndASilentEndpointIsUnknown() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CheckResult refused = run(Map.of("url", "http://127.0.0.1:" + closed + "/hook", "secret", "${env:PAYMENTS_SECRET}"));
        assertEquals(CheckStatus.ERROR, refused.status(), refused.message());
        assertEquals(1, ((Number) refused.observations().get("failures")).intValue());
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread holder = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    s.getInputStream().readAllBytes();
                } catch (IOException e) {
                    // closed by the test
                }
            });
            holder.setDaemon(true);
            holder.start();
            CheckResult timedOut = new WebhookDeliveryCheck(envFn).run(Requests.request(WebhookDeliveryCheck.KIND,
                    Map.of("url", "http://127.0.0.1:" + silent.getLocalPort() + "/hook", "secret", "${env:PAYMENTS_SECRET}"),
                    java.time.Clock.systemUTC(), Duration.ofMillis(700)));
            assertEquals(CheckStatus.UNKNOWN, timedOut.status(), "a timeout is UNKNOWN, never PASS: " + timedOut.message());
        }
    }

    @Test
    void aSecretThatIsNotSetIsAnErrorNamingTheVariable() throws IOException {
        String url = shop(SECRET, false);
        CheckResult r = run(Map.of("url", url, "secret", "${env:NOT_SET_ANYWHERE}"));
        assertEquals(CheckStatus.ERROR, r.status());
        assertEquals("parameter 'secret': environment variable NOT_SET_ANYWHERE is not set", r.message());
        assertTrue(received.isEmpty(), "nothing was sent unsigned");
    }

    @Test
    void validationRefusesALiteralSecretAndHalfASideEffect() {
        WebhookDeliveryCheck c = new WebhookDeliveryCheck(envFn);
        List<String> p = c.validate(Map.of("url", "https://shop.example.test/webhooks", "secret", "whsec_literal", "scheme", "paypal",
                "side-effect-sql", "select 1"));
        assertTrue(p.stream().anyMatch(s -> s.startsWith("parameter 'secret': give ${env:VAR} or ${file:PATH}, not the secret itself")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("'paypal' is not a signing scheme (expected one of stripe, standard-webhooks)")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("'side-effect-db' and 'side-effect-sql' go together")), p.toString());
        assertEquals(List.of(), c.validate(Map.of("url", "https://shop.example.test/webhooks", "secret", "${env:PAYMENTS_SECRET}")));
    }
}
