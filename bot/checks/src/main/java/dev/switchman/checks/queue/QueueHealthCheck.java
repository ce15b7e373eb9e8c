package dev.switchman.checks.queue;

import dev.switchman.checks.connection.ConnectionException;
import dev.switchman.checks.connection.Connections;
import dev.switchman.checks.connection.Jdbc;
import dev.switchman.checks.connection.Resp;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code queue.health}: are the queues drained on this side? RabbitMQ queues (depth and consumers
 * by AMQP passive declare) or Redis lists (depth by LLEN). Growth per minute needs two samples: the
 * provider keeps the last sample per check id and queue (in memory), so the first run reports no
 * growth. FAIL when a queue grows with fewer than {@code min-consumers} consumers, or is deeper than
 * {@code max-depth}; WARN when consumers are missing but growth is not known yet or the queue is
 * not growing; ERROR when the broker or a queue cannot be read; UNKNOWN on the deadline.
 */
public final class QueueHealthCheck implements CheckProvider {

    public static final String KIND = "queue.health";

    private record Previous(Instant at, long depth) {
    }

    private final Map<String, Previous> previous = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "Queue depth, consumers and growth per minute (RabbitMQ, Redis lists); FAIL when growing without consumers";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("broker", "amqp://user:password@host:5672/vhost or redis://host:6379, ${env:VAR} or a connection name"),
                ParamSpec.required("queues", "comma list of queue names (RabbitMQ) or list keys (Redis)"),
                ParamSpec.optional("min-consumers", "1", "fewest consumers a RabbitMQ queue should have"),
                ParamSpec.optional("max-depth", null, "largest acceptable depth per queue; none by default"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        for (String n : List.of("min-consumers", "max-depth")) {
            String v = params.get(n);
            if (v != null && !v.isBlank()) {
                try {
                    if (Long.parseLong(v.trim()) < 0) {
                        problems.add("parameter '" + n + "': " + v.trim() + " is negative (expected a whole number >= 0)");
                    }
                } catch (NumberFormatException e) {
                    problems.add("parameter '" + n + "': '" + v.trim() + "' is not a whole number");
                }
            }
        }
        return problems;
    }

    @Override
    public CheckResult run(CheckRequest request) {
        String url;
        try {
            url = Connections.of(request).url(request, "broker");
        } catch (ConnectionException e) {
            return request.result(CheckStatus.ERROR, "", e.getMessage(), Map.of());
        }
        String target = Jdbc.where(url);
        List<String> queues = java.util.Arrays.stream(request.param("queues").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Duration left = request.remaining();
        if (left.isZero()) {
            return request.result(CheckStatus.UNKNOWN, target, "no time left before the deadline", Map.of());
        }
        List<QueueSample> samples;
        try {
            samples = url.toLowerCase(Locale.ROOT).startsWith("redis:") ? redis(url, queues, left) : AmqpQueues.read(url, queues, left);
        } catch (ConnectionException e) {
            return request.result(String.valueOf(e.getMessage()).startsWith("timed out") ? CheckStatus.UNKNOWN : CheckStatus.ERROR, target, e.getMessage(), Map.of());
        } catch (IllegalStateException e) {
            return request.result(CheckStatus.ERROR, target, e.getMessage(), Map.of());
        } catch (IOException e) {
            return request.result(e instanceof java.net.SocketTimeoutException ? CheckStatus.UNKNOWN : CheckStatus.ERROR, target,
                    "cannot read queues at " + target + ": " + e.getMessage(), Map.of());
        }
        return judge(request, target, samples);
    }

    private static List<QueueSample> redis(String url, List<String> keys, Duration left) throws IOException {
        try (Resp r = Resp.connect(url, left)) {
            List<QueueSample> out = new ArrayList<>();
            for (String k : keys) {
                Object n = r.command("LLEN", k);
                if (n instanceof Resp.RespError e) {
                    throw new IllegalStateException("key '" + k + "' is not a list: " + e.message());
                }
                out.add(new QueueSample(k, (Long) n, null));
            }
            return out;
        }
    }

    private CheckResult judge(CheckRequest request, String target, List<QueueSample> samples) {
        Instant now = request.clock().instant();
        long minConsumers = Long.parseLong(request.param("min-consumers", "1").trim());
        Long maxDepth = request.param("max-depth") == null ? null : Long.valueOf(request.param("max-depth").trim());
        CheckStatus status = CheckStatus.PASS;
        List<String> notes = new ArrayList<>();
        Map<String, Object> byQueue = new LinkedHashMap<>();
        long depth = 0;
        Integer consumers = null;
        Double growth = 0.0;
        for (QueueSample s : samples) {
            Previous before = previous.put(request.checkId() + "\u0000" + s.queue(), new Previous(now, s.depth()));
            Double g = null;
            if (before != null && now.isAfter(before.at())) {
                g = (s.depth() - before.depth()) * 60_000.0 / Duration.between(before.at(), now).toMillis();
                g = Math.round(g * 100) / 100.0;
            }
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("depth", s.depth());
            if (s.consumers() != null) {
                q.put("consumers", s.consumers());
                consumers = consumers == null ? s.consumers() : Math.min(consumers, s.consumers());
            }
            if (g != null) {
                q.put("growth-per-min", g);
            }
            byQueue.put(s.queue(), q);
            depth += s.depth();
            growth = growth == null || g == null ? null : growth + g;
            boolean starved = s.consumers() != null && s.consumers() < minConsumers;
            if (starved && g != null && g > 0) {
                status = status.worst(CheckStatus.FAIL);
                notes.add(s.queue() + " grows " + g + "/min with " + s.consumers() + " consumer(s)");
            } else if (starved) {
                status = status.worst(CheckStatus.WARN);
                notes.add(s.queue() + " has " + s.consumers() + " consumer(s)" + (g == null ? ", growth unknown until the next sample" : ""));
            }
            if (maxDepth != null && s.depth() > maxDepth) {
                status = status.worst(CheckStatus.FAIL);
                notes.add(s.queue() + " depth " + s.depth() + " > max " + maxDepth);
            }
        }
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("depth", depth);
        if (consumers != null) {
            obs.put("consumers", consumers);
        }
        if (growth != null) {
            obs.put("growth-per-min", Math.round(growth * 100) / 100.0);
        }
        obs.put("by-queue", byQueue);
        String summary = samples.size() + " queue(s), depth " + depth + (consumers == null ? "" : ", consumers " + consumers)
                + (growth == null ? ", growth unknown (first sample)" : ", growth " + obs.get("growth-per-min") + "/min");
        return request.result(status, target, notes.isEmpty() ? summary : summary + ": " + String.join("; ", notes), obs);
    }
}
