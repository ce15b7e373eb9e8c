package dev.switchman.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatBackendFactory;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.InteractionHandler;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.http.HttpEndpoint;
import dev.switchman.core.http.HttpRequest;
import dev.switchman.core.http.HttpResponse;
import dev.switchman.core.secret.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchman serve} over loopback: configuration errors, routing, limits, /health. */
class ServeTest {

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> received = new CopyOnWriteArrayList<>();

    /** A backend with one echoing endpoint, configured by FAKE_TOKEN. */
    private final class FakeFactory implements ChatBackendFactory {
        @Override public String name() { return "fake"; }
        @Override public List<String> variables() { return List.of("FAKE_TOKEN"); }
        @Override public boolean configured(Map<String, String> env) { return env.containsKey("FAKE_TOKEN"); }

        @Override
        public ChatBackend create(Map<String, String> env, Clock clock) {
            String token = env.get("FAKE_TOKEN");
            Secrets.register(token);
            if (!token.startsWith("fk-")) {
                throw new IllegalArgumentException("FAKE_TOKEN must start with fk-, got " + token);
            }
            return new ChatBackend() {
                @Override public String name() { return "fake"; }
                @Override public void start(InteractionHandler handler) { }
                @Override public MessageRef send(String channel, ChatMessage message) { return new MessageRef("fake", channel, "1"); }
                @Override public void update(MessageRef ref, ChatMessage message) { }
                @Override public void close() { }

                @Override
                public List<HttpEndpoint> endpoints() {
                    return List.of(new HttpEndpoint() {
                        @Override public String path() { return "/fake/*"; }

                        @Override
                        public HttpResponse handle(HttpRequest request) {
                            received.add(request.method() + " " + request.path() + " " + request.bodyText());
                            if (request.path().endsWith("/boom")) {
                                throw new IllegalStateException("boom");
                            }
                            return HttpResponse.text(200, "got " + request.body().length + " bytes");
                        }
                    });
                }
            };
        }
    }

    private Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>();
        env.put("SWITCHMAN_HOME", home.toString());
        env.put(Serve.PORT, "0");
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    private Serve start(Map<String, String> env) {
        return Serve.start(env, List.of(), List.of(new FakeFactory()), Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()));
    }

    private java.net.http.HttpResponse<String> send(String method, String url, String body) throws Exception {
        var req = java.net.http.HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutABackendItSaysWhichVariablesToSet() {
        ServeException e = assertThrows(ServeException.class, () -> start(env()));
        assertEquals("no chat backend is configured; set fake (FAKE_TOKEN); docs/slack.md and docs/discord.md say how", e.getMessage());
    }

    @Test
    void aBadPortOrBindAddressIsOneSentence() {
        assertEquals("SWITCHMAN_HTTP_PORT must be a port number from 0 to 65535, got 'eighty'",
                assertThrows(ServeException.class, () -> start(env("FAKE_TOKEN", "fk-1234", Serve.PORT, "eighty"))).getMessage());
        assertEquals("SWITCHMAN_HTTP_PORT must be a port number from 0 to 65535, got '70000'",
                assertThrows(ServeException.class, () -> start(env("FAKE_TOKEN", "fk-1234", Serve.PORT, "70000"))).getMessage());
        assertTrue(assertThrows(ServeException.class, () -> start(env("FAKE_TOKEN", "fk-1234", Serve.BIND, "no such host.invalid")))
                .getMessage().startsWith("SWITCHMAN_HTTP_BIND must be an address of this machine"));
    }

    @Test
    void anInvalidBackendSettingNamesTheBackendAndNeverTheSecret() {
        ServeException e = assertThrows(ServeException.class, () -> start(env("FAKE_TOKEN", "not-the-right-secret-9")));
        assertTrue(e.getMessage().startsWith("fake: FAKE_TOKEN must start with fk-"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-right-secret-9"), e.getMessage());
    }

    @Test
    void aTakenPortIsOneSentence() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ServeException e = assertThrows(ServeException.class,
                    () -> start(env("FAKE_TOKEN", "fk-1234", Serve.PORT, String.valueOf(taken.getLocalPort()))));
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
        }
    }

    @Test
    void servesTheBackendsEndpointsAndHealthOnLoopback() throws Exception {
        try (Serve serve = start(env("FAKE_TOKEN", "fk-1234"))) {
            assertTrue(serve.url().startsWith("http://127.0.0.1:"), serve.url());
            assertEquals(List.of("/fake/*", "/ping/*", "/health"), serve.paths(), "the backend's, the heartbeat check's, the server's own");

            var health = send("GET", serve.url() + "/health", null);
            assertEquals(200, health.statusCode());
            assertEquals("{\"status\":\"ok\",\"backends\":[\"fake\"]}", health.body());
            assertEquals(405, send("POST", serve.url() + "/health", "x").statusCode());

            var r = send("POST", serve.url() + "/fake/events?x=1", "a=b");
            assertEquals(200, r.statusCode());
            assertEquals("got 3 bytes", r.body());
            assertEquals(List.of("POST /fake/events a=b"), received);

            assertEquals(404, send("GET", serve.url() + "/nowhere", null).statusCode());
            assertEquals(404, send("GET", serve.url() + "/fakeish", null).statusCode());
            assertEquals(500, send("POST", serve.url() + "/fake/boom", "").statusCode());

            var ping = send("POST", serve.url() + "/ping/cron-heartbeat", "");
            assertEquals(200, ping.statusCode(), "a cron job's heartbeat ping reaches the heartbeat check");
            assertEquals("OK\n", ping.body());
            assertEquals(404, send("GET", serve.url() + "/ping/", null).statusCode());

            received.clear();
            var big = send("POST", serve.url() + "/fake/events", "x".repeat(EmbeddedHttpServer.MAX_BODY + 1));
            assertEquals(413, big.statusCode());
            assertTrue(received.isEmpty(), "an oversized body never reaches the endpoint");
        }
    }
}
