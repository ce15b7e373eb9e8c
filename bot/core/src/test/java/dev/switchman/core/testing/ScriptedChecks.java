package dev.switchman.core.testing;

import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data, not a mock: a check kind ({@code test.scripted}) whose results per check id are scripted in
 * order; the last scripted status repeats; an unscripted check passes. {@link #gate()} makes runs block
 * until released (to show that command handling does not wait for checks).
 */
public final class ScriptedChecks implements CheckProvider {

    public static final String KIND = "test.scripted";

    private final Map<String, Deque<CheckStatus>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> observations = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private volatile CountDownLatch gate;

    public ScriptedChecks script(String checkId, CheckStatus... statuses) {
        scripts.put(checkId, new ArrayDeque<>(List.of(statuses)));
        return this;
    }

    public ScriptedChecks observe(String checkId, Map<String, Object> values) {
        observations.put(checkId, values);
        return this;
    }

    /** Runs block until {@link CountDownLatch#countDown()} on the returned latch. */
    public CountDownLatch gate() {
        gate = new CountDownLatch(1);
        return gate;
    }

    /** Providers for other kinds ({@code dns.ttl}, {@code http.probe}...) sharing this script, plus this one. */
    public dev.switchman.core.check.CheckProviders asKinds(java.util.Collection<String> kinds) {
        java.util.List<CheckProvider> all = new java.util.ArrayList<>();
        all.add(this);
        for (String k : new java.util.TreeSet<>(kinds)) {
            if (k.equals(KIND)) continue;
            ScriptedChecks self = this;
            all.add(new CheckProvider() {
                @Override public String kind() { return k; }
                @Override public String summary() { return "scripted " + k; }
                @Override public List<ParamSpec> parameters() { return List.of(); }
                @Override public List<String> validate(Map<String, String> params) { return List.of(); }
                @Override public CheckResult run(CheckRequest request) { return self.run(request); }
            });
        }
        return new dev.switchman.core.check.CheckProviders(all);
    }

    public int runs(String checkId) {
        AtomicInteger n = runs.get(checkId);
        return n == null ? 0 : n.get();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "scripted results for tests";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.optional("note", null, "free text"));
    }

    @Override
    public CheckResult run(CheckRequest request) {
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        runs.computeIfAbsent(request.checkId(), k -> new AtomicInteger()).incrementAndGet();
        CheckStatus status;
        Deque<CheckStatus> script = scripts.get(request.checkId());
        if (script == null) {
            status = CheckStatus.PASS;
        } else {
            synchronized (script) {
                status = script.size() > 1 ? script.poll() : script.isEmpty() ? CheckStatus.PASS : script.peek();
            }
        }
        return request.result(status, "scripted", "scripted " + status, observations.getOrDefault(request.checkId(), Map.of()));
    }
}
