package dev.switchman.discord.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discord's REST API on loopback, for tests (reached through {@code DISCORD_API_URL}): records every call
 * (method, path, Authorization, JSON body) and answers like Discord (message objects with ids), or with a
 * scripted 429 ({@code retry_after}) or 5xx for the next calls on a route.
 */
public final class FakeDiscordApi implements AutoCloseable {

    public static final String APP_ID = "900000000000000001";

    /** One request as received. */
    public record Call(String method, String path, String authorization, JsonNode body, int status) {
        /** The embed's title and description and the button labels, for assertions. */
        public String text() {
            StringBuilder b = new StringBuilder();
            for (JsonNode e : body.path("embeds")) b.append(e.path("title").asText("")).append('\n').append(e.path("description").asText("")).append('\n');
            for (JsonNode row : body.path("components")) for (JsonNode c : row.path("components")) b.append('[').append(c.path("label").asText()).append("] ");
            return b.toString();
        }

        /** The custom id of the button labelled {@code label}, or null. */
        public String customId(String label) {
            for (JsonNode row : body.path("components")) {
                for (JsonNode c : row.path("components")) if (c.path("label").asText().equals(label)) return c.path("custom_id").asText();
            }
            return null;
        }
    }

    private record Failure(String methodAndPrefix, int status, String body) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ORIGINAL = Pattern.compile("/api/v10/webhooks/(\\d+)/([^/]+)/messages/@original");
    private static final Pattern FOLLOW_UP = Pattern.compile("/api/v10/webhooks/(\\d+)/([^/]+)");
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/api/v10/channels/(\\d+)/messages(?:/(\\d+))?");

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Map<String, String> channelOfToken = new ConcurrentHashMap<>();
    private final Map<String, String> originalOfToken = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(700000000000000000L);

    public FakeDiscordApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The base URL to give as {@code DISCORD_API_URL}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10";
    }

    /** Tells the fake which channel an interaction token belongs to (Discord knows; the fake is told). */
    public void interaction(String token, String channelId) {
        channelOfToken.put(token, channelId);
    }

    /** The next {@code n} calls whose "METHOD /path" starts with {@code methodAndPrefix} (path after /api/v10) fail with {@code status}. */
    public synchronized void failNext(String methodAndPrefix, int n, int status, String body) {
        for (int i = 0; i < n; i++) failures.add(new Failure(methodAndPrefix, status, body));
    }

    /** A 429 as Discord sends it: {@code retry_after} in seconds in the JSON body. */
    public void rateLimitNext(String methodAndPrefix, int n, Duration retryAfter) {
        failNext(methodAndPrefix, n, 429, "{\"message\":\"You are being rate limited.\",\"retry_after\":" + retryAfter.toMillis() / 1000.0
                + ",\"global\":false}");
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(Predicate<Call> p) {
        return calls.stream().filter(p).toList();
    }

    /** Waits until a successful call satisfies {@code p}; returns it. */
    public synchronized Call await(Predicate<Call> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < calls.size(); seen++) {
                Call c = calls.get(seen);
                if (c.status() < 300 && p.test(c)) return c;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("no matching call within " + timeout + "; calls:\n" + render());
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The id of the message {@code c} (an edit of {@code @original}) created. */
    public String messageId(Call c) {
        Matcher m = ORIGINAL.matcher(c.path());
        if (!m.matches()) throw new IllegalArgumentException("not an @original edit: " + c.path());
        return originalOfToken.get(m.group(2));
    }

    public synchronized String render() {
        StringBuilder b = new StringBuilder();
        for (Call c : calls) b.append(c.status()).append(' ').append(c.method()).append(' ').append(c.path()).append(' ').append(c.text().replace('\n', ' ')).append('\n');
        return b.toString();
    }

    private void handle(HttpExchange x) throws IOException {
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getPath();
        byte[] raw = x.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(raw);
        String auth = x.getRequestHeaders().getFirst("Authorization");
        Failure f = takeFailure(method + " " + path.substring("/api/v10".length()));
        int status;
        String answer;
        if (f != null) {
            status = f.status();
            answer = f.body();
        } else {
            status = 200;
            answer = answer(method, path, body);
            if (answer == null) {
                status = 404;
                answer = "{\"message\":\"404: Not Found\",\"code\":0}";
            }
        }
        synchronized (this) {
            calls.add(new Call(method, path, auth, body, status));
            notifyAll();
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        if (status == 200 && out.length == 0) status = 204;
        x.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        try (OutputStream os = x.getResponseBody()) {
            os.write(out);
        }
    }

    private synchronized Failure takeFailure(String call) {
        for (var it = failures.iterator(); it.hasNext(); ) {
            Failure f = it.next();
            if (call.startsWith(f.methodAndPrefix())) {
                it.remove();
                return f;
            }
        }
        return null;
    }

    private String answer(String method, String path, JsonNode body) {
        Matcher m;
        if ((m = ORIGINAL.matcher(path)).matches() && method.equals("DELETE")) {
            return "";
        }
        if ((m = ORIGINAL.matcher(path)).matches() && method.equals("PATCH")) {
            String token = m.group(2);
            String id = originalOfToken.computeIfAbsent(token, t -> String.valueOf(ids.incrementAndGet()));
            return message(id, channelOfToken.getOrDefault(token, "0"));
        }
        if ((m = FOLLOW_UP.matcher(path)).matches() && method.equals("POST")) {
            return message(String.valueOf(ids.incrementAndGet()), channelOfToken.getOrDefault(m.group(2), "0"));
        }
        if ((m = CHANNEL_MESSAGES.matcher(path)).matches()) {
            if (method.equals("POST") && m.group(2) == null) return message(String.valueOf(ids.incrementAndGet()), m.group(1));
            if (method.equals("PATCH") && m.group(2) != null) return message(m.group(2), m.group(1));
        }
        if (method.equals("PUT") && path.matches("/api/v10/applications/\\d+(/guilds/\\d+)?/commands")) return body.toString();
        if (method.equals("GET") && path.equals("/api/v10/users/@me")) return "{\"id\":\"" + APP_ID + "\",\"username\":\"switchman\",\"bot\":true}";
        if (method.equals("GET") && path.equals("/api/v10/oauth2/applications/@me")) return "{\"id\":\"" + APP_ID + "\",\"name\":\"Switchman\"}";
        return null;
    }

    private static String message(String id, String channel) {
        return "{\"id\":\"" + id + "\",\"channel_id\":\"" + channel + "\",\"type\":0}";
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
