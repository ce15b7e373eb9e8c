package dev.switchman.discord.testing;

import dev.switchman.core.http.HttpEndpoint;
import dev.switchman.core.http.HttpRequest;
import dev.switchman.core.http.HttpResponse;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Discord's side of the interactions endpoint in tests: an Ed25519 key pair (the application's), requests
 * signed as Discord signs them ({@code X-Signature-Ed25519} over timestamp + body), POSTed over real HTTP to
 * the endpoint hosted on a loopback JDK {@code HttpServer}.
 */
public final class SignedClient implements AutoCloseable {

    public final KeyPair keys;
    private final HttpServer server;
    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Signs for {@code url} (an endpoint already served, e.g. by {@code switchman serve}). */
    public SignedClient(String url, KeyPair keys) {
        this.keys = keys;
        this.server = null;
        this.url = url;
    }

    /** Hosts {@code endpoint} on a loopback JDK server of its own and signs for it. */
    public SignedClient(HttpEndpoint endpoint, KeyPair keys) throws IOException {
        this.keys = keys;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16)); // as many workers as switchman serve's server
        server.createContext(endpoint.path(), x -> {
            HttpRequest req = new HttpRequest(x.getRequestMethod(), x.getRequestURI().getPath(), x.getRequestURI().getRawQuery(),
                    x.getRequestHeaders(), x.getRequestBody().readAllBytes());
            HttpResponse r;
            try {
                r = endpoint.handle(req);
            } catch (RuntimeException e) {
                r = HttpResponse.empty(500);
            }
            x.getResponseHeaders().set("Content-Type", r.contentType());
            r.headers().forEach((k, v) -> x.getResponseHeaders().set(k, v));
            x.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            try (OutputStream os = x.getResponseBody()) {
                os.write(r.body());
            }
        });
        server.start();
        this.server = server;
        this.url = "http://127.0.0.1:" + server.getAddress().getPort() + endpoint.path();
    }

    public static KeyPair newKeys() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** The public key as the Developer Portal shows it: 64 hex digits (the last 32 bytes of the X.509 encoding). */
    public static String publicHex(KeyPair k) {
        byte[] der = k.getPublic().getEncoded();
        return HexFormat.of().formatHex(der, der.length - 32, der.length);
    }

    public static String sign(KeyPair k, String timestamp, byte[] body) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(k.getPrivate());
        s.update(timestamp.getBytes(StandardCharsets.UTF_8));
        s.update(body);
        return HexFormat.of().formatHex(s.sign());
    }

    public String url() {
        return url;
    }

    /** POSTs {@code json} signed now with this client's key. */
    public java.net.http.HttpResponse<String> post(String json) throws Exception {
        return post(json, Instant.now(), keys);
    }

    public java.net.http.HttpResponse<String> post(String json, Instant at, KeyPair signer) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(at.getEpochSecond());
        return send(body, Map.of("X-Signature-Ed25519", sign(signer, ts, body), "X-Signature-Timestamp", ts));
    }

    public java.net.http.HttpResponse<String> send(byte[] body, Map<String, String> headers) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(URI.create(url())).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    public java.net.http.HttpResponse<String> get() throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(URI.create(url())).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (server == null) return;
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** Interaction payloads as Discord sends them. */
    public static final class Payloads {
        private Payloads() {
        }

        public static String ping() {
            return "{\"id\":\"1\",\"application_id\":\"" + FakeDiscordApi.APP_ID + "\",\"type\":1,\"token\":\"t-ping\",\"version\":1}";
        }

        public static String member(String userId, List<String> roles) {
            return "\"member\":{\"user\":{\"id\":\"" + userId + "\",\"username\":\"u" + userId + "\"},\"roles\":["
                    + String.join(",", roles.stream().map(r -> "\"" + r + "\"").toList()) + "],\"permissions\":\"0\"}";
        }

        /** {@code /switchman <sub>} with string options {@code opts} (name, value, name, value...). */
        public static String command(String id, String token, String channel, String member, String sub, String... opts) {
            StringBuilder o = new StringBuilder();
            for (int i = 0; i + 1 < opts.length; i += 2) {
                if (o.length() > 0) o.append(',');
                o.append("{\"name\":\"").append(opts[i]).append("\",\"type\":3,\"value\":\"").append(opts[i + 1]).append("\"}");
            }
            return "{\"id\":\"" + id + "\",\"application_id\":\"" + FakeDiscordApi.APP_ID + "\",\"type\":2,\"token\":\"" + token
                    + "\",\"version\":1,\"guild_id\":\"42\",\"channel_id\":\"" + channel + "\"," + member
                    + ",\"data\":{\"id\":\"5\",\"name\":\"switchman\",\"type\":1,\"options\":[{\"name\":\"" + sub + "\",\"type\":1,\"options\":["
                    + o + "]}]}}";
        }

        public static String button(String id, String token, String channel, String member, String customId, String messageId) {
            return "{\"id\":\"" + id + "\",\"application_id\":\"" + FakeDiscordApi.APP_ID + "\",\"type\":3,\"token\":\"" + token
                    + "\",\"version\":1,\"guild_id\":\"42\",\"channel_id\":\"" + channel + "\"," + member
                    + ",\"message\":{\"id\":\"" + messageId + "\",\"channel_id\":\"" + channel + "\"}"
                    + ",\"data\":{\"component_type\":2,\"custom_id\":\"" + customId + "\"}}";
        }

        public static String autocomplete(String id, String token, String channel, String member, String sub, String option, String partial) {
            return "{\"id\":\"" + id + "\",\"application_id\":\"" + FakeDiscordApi.APP_ID + "\",\"type\":4,\"token\":\"" + token
                    + "\",\"version\":1,\"guild_id\":\"42\",\"channel_id\":\"" + channel + "\"," + member
                    + ",\"data\":{\"id\":\"5\",\"name\":\"switchman\",\"type\":1,\"options\":[{\"name\":\"" + sub + "\",\"type\":1,\"options\":["
                    + "{\"name\":\"" + option + "\",\"type\":3,\"value\":\"" + partial + "\",\"focused\":true}]}]}}";
        }
    }
}
