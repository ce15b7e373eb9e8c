package dev.switchman.slack.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A fake of Slack's Web API on loopback, for tests and {@code switchman bench chat --backend slack-http}
 * (main code for the benchmark, like checks' DNS test server): answers {@code auth.test},
 * {@code chat.postMessage}, {@code chat.update} and {@code chat.postEphemeral} as Slack does
 * (docs.slack.dev/reference/methods), records every call with its form parameters, and can be told to
 * answer the next calls of a method with an HTTP error ({@code 429} with {@code Retry-After}, {@code 5xx}).
 * Point a backend at {@link #url()} ({@code SLACK_API_URL}).
 */
public final class FakeSlackWebApi implements AutoCloseable {

    /** One call as received: the method ({@code chat.update}), its form parameters, the HTTP status answered, the ts answered (posts) or edited (updates). */
    public record Call(String method, Map<String, String> params, int status, String answeredTs) {
        public String param(String name) {
            return params.get(name);
        }
    }

    private record Failure(int status, String retryAfter) {
    }

    private final HttpServer server;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new LinkedHashMap<>();
    private final AtomicLong ts = new AtomicLong(1_700_000_000_000_100L);
    /** What apps.connections.open answers (a {@link FakeSocketModeServer}'s URL), or null. */
    private volatile String socketModeUrl;
    /** usergroups.list: group id -> member ids. */
    private volatile Map<String, List<String>> userGroups = Map.of();
    /** channel -> messages posted there (chat.postMessage and chat.postEphemeral answered 200). */
    private final Map<String, Integer> posts = new java.util.HashMap<>();

    private FakeSlackWebApi(HttpServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1, any free port. */
    public static FakeSlackWebApi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        FakeSlackWebApi api = new FakeSlackWebApi(server);
        server.createContext("/api/", api::exchange);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fake-slack-api");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return api;
    }

    /** The base URL to give the backend: {@code http://127.0.0.1:<port>/api/}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** The next {@code times} calls of {@code method} answer HTTP {@code status} (with {@code Retry-After} when not null). */
    public void failNext(String method, int times, int status, String retryAfter) {
        lock.lock();
        try {
            Deque<Failure> q = failures.computeIfAbsent(method, m -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                q.add(new Failure(status, retryAfter));
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@code apps.connections.open} hands out {@code server}'s URL from now on. */
    public void socketMode(FakeSocketModeServer server) {
        this.socketModeUrl = server.url();
    }

    /** What {@code usergroups.list} answers from now on: group id -> member ids. */
    public void userGroups(Map<String, List<String>> groups) {
        this.userGroups = Map.copyOf(groups);
    }

    /** Every call so far, in order. */
    public List<Call> calls() {
        lock.lock();
        try {
            return List.copyOf(calls);
        } finally {
            lock.unlock();
        }
    }

    /** The successful calls of {@code method}, in order. */
    public List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method) && c.status() == 200).toList();
    }

    /**
     * Waits until a recorded call satisfies {@code wanted}, at most {@code seconds}; returns it.
     *
     * @throws AssertionError when none came in time (with the calls seen)
     */
    public Call await(Predicate<Call> wanted, long seconds, String what) {
        lock.lock();
        try {
            long left = TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                for (Call c : calls) {
                    if (wanted.test(c)) {
                        return c;
                    }
                }
                if (left <= 0) {
                    throw new AssertionError("no Slack call " + what + " within " + seconds + " s; calls: " + summary());
                }
                left = changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what);
        } finally {
            lock.unlock();
        }
    }

    /** Messages posted in {@code channel} so far (chat.postMessage and chat.postEphemeral). */
    public int posted(String channel) {
        lock.lock();
        try {
            return posts.getOrDefault(channel, 0);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until more than {@code count} messages were posted in {@code channel}, at most {@code seconds}; false on time-out. */
    public boolean awaitPosted(String channel, int count, long seconds) {
        lock.lock();
        try {
            long left = TimeUnit.SECONDS.toNanos(seconds);
            while (posts.getOrDefault(channel, 0) <= count) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** The ts of the message {@code call} posted (or edited). */
    public String posted(Call call) {
        return call.answeredTs();
    }

    /** Method and text of each call, one per line (for failure messages). */
    public String summary() {
        StringBuilder b = new StringBuilder();
        for (Call c : calls()) {
            b.append('\n').append(c.status()).append(' ').append(c.method()).append(" channel=").append(c.param("channel"))
                    .append(" ts=").append(c.answeredTs()).append(" thread_ts=").append(c.param("thread_ts"))
                    .append(" text=").append(c.param("text"));
        }
        return b.toString();
    }

    private void exchange(HttpExchange x) throws IOException {
        try (x) {
            String method = x.getRequestURI().getPath().substring("/api/".length());
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = form(body);
            Failure failure;
            String answered;
            lock.lock();
            try {
                Deque<Failure> q = failures.get(method);
                failure = q == null ? null : q.poll();
                answered = failure == null && (method.equals("chat.postMessage") || method.equals("chat.postEphemeral")) ? nextTs()
                        : params.get("ts");
                calls.add(new Call(method, params, failure == null ? 200 : failure.status(), answered));
                if (failure == null && (method.equals("chat.postMessage") || method.equals("chat.postEphemeral"))) {
                    posts.merge(String.valueOf(params.get("channel")), 1, Integer::sum);
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            if (failure != null) {
                if (failure.retryAfter() != null) {
                    x.getResponseHeaders().set("Retry-After", failure.retryAfter());
                }
                byte[] err = ("{\"ok\":false,\"error\":\"" + (failure.status() == 429 ? "ratelimited" : "internal_error") + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                x.sendResponseHeaders(failure.status(), err.length);
                x.getResponseBody().write(err);
                return;
            }
            String json = switch (method) {
                case "auth.test" -> "{\"ok\":true,\"url\":\"https://fake.slack.test/\",\"team\":\"Fake\",\"user\":\"switchman\","
                        + "\"team_id\":\"T0FAKE\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}";
                case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + answered + "\"}";
                case "chat.update" -> "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + params.get("ts") + "\"}";
                case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + answered + "\"}";
                case "apps.connections.open" -> socketModeUrl == null ? "{\"ok\":false,\"error\":\"not_allowed_token_type\"}"
                        : "{\"ok\":true,\"url\":\"" + socketModeUrl + "\"}";
                case "usergroups.list" -> "{\"ok\":true,\"usergroups\":[" + userGroups.entrySet().stream()
                        .map(g -> "{\"id\":\"" + g.getKey() + "\",\"handle\":\"" + g.getKey().toLowerCase() + "\",\"users\":["
                                + g.getValue().stream().map(u -> "\"" + u + "\"").collect(java.util.stream.Collectors.joining(",")) + "]}")
                        .collect(java.util.stream.Collectors.joining(",")) + "]}";
                default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
            };
            byte[] out = json.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            x.sendResponseHeaders(200, out.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(out);
            }
        }
    }

    private String nextTs() {
        long n = ts.incrementAndGet();
        return (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : body.split("&")) {
            if (kv.isEmpty()) continue;
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
