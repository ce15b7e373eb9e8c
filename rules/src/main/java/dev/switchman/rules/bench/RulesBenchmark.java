package dev.switchman.rules.bench;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.DecisionSession;
import dev.switchman.core.decision.RunFacts;
import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.GateSpec;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Roles;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import dev.switchman.core.runbook.Targets;
import dev.switchman.core.runbook.Thresholds;
import dev.switchman.core.time.ManualClock;
import dev.switchman.rules.engine.DroolsDecisionEngine;
import dev.switchman.rules.engine.RuleBases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The rules benchmark behind docs/benchmarks.md: 50 checks of mixed kinds reporting every 10 s on a
 * pseudo clock, mixed statuses, every built-in pack loaded, cutover half way. Reports
 * {@code results_per_s} (onResult calls, each inserting and firing), {@code p99_ms} (one result's
 * insert-to-decision latency), {@code kiebase_build_ms} (compiling the packs from DRL, uncached) and
 * {@code first_decision_ms} (compile + open a session + first gate answer: the cold path), and
 * {@code results_per_cpu_s} (the same throughput per second of this thread's CPU time, which does not
 * depend on how busy the machine is).
 * A benchmark, not a test: run it with {@code switchman bench rules --format json} or this class's main.
 */
public final class RulesBenchmark {

    static final Instant START = Instant.parse("2026-11-22T00:00:00Z");
    static final int CHECKS = 50;
    static final Duration INTERVAL = Duration.ofSeconds(10);

    private RulesBenchmark() {
    }

    public static void main(String[] args) {
        int n = 1_000_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--results") && i + 1 < args.length) {
                n = Integer.parseInt(args[++i]);
            }
        }
        Map<String, Object> r = run(n);
        StringBuilder b = new StringBuilder("{");
        r.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof String ? "\"" + v + "\"" : v));
        System.out.println(b.append('}'));
    }

    /** Runs the benchmark over {@code results} check results (after a warm-up of a fifth as many, at least 20,000). */
    public static Map<String, Object> run(int results) {
        Runbook rb = runbook();
        long t0 = System.nanoTime();
        RuleBases.build(List.of());
        long buildNs = System.nanoTime() - t0;

        long c0 = System.nanoTime();
        RuleBases.build(List.of());
        DroolsDecisionEngine engine = new DroolsDecisionEngine();
        ManualClock coldClock = new ManualClock(START);
        // the cold path: compile (measured above, again here so the figure stands alone), open, first gate answer
        try (DecisionSession cold = engine.open(rb, coldClock)) {
            cold.evaluateGate("prepare", List.of("c0"));
        }
        long firstNs = System.nanoTime() - c0;

        drive(engine, rb, Math.max(20_000, results / 5), null);
        long[] lat = new long[results];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
        long w0 = System.nanoTime();
        int decisions = drive(engine, rb, results, lat);
        long wallNs = System.nanoTime() - w0;
        long cpuNs = cpu0 < 0 ? -1 : mx.getCurrentThreadCpuTime() - cpu0;
        Arrays.sort(lat);
        long p99 = lat[Math.min(lat.length - 1, (int) Math.ceil(lat.length * 0.99) - 1)];
        long p50 = lat[lat.length / 2];

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "rules");
        out.put("results", results);
        out.put("checks", CHECKS);
        out.put("results_per_s", Math.round(results / (wallNs / 1e9)));
        out.put("results_per_cpu_s", cpuNs <= 0 ? -1 : Math.round(results / (cpuNs / 1e9)));
        out.put("p50_ms", round3(p50 / 1e6));
        out.put("p99_ms", round3(p99 / 1e6));
        out.put("max_ms", round3(lat[lat.length - 1] / 1e6));
        out.put("kiebase_build_ms", Math.round(buildNs / 1e6));
        out.put("first_decision_ms", Math.round(firstNs / 1e6));
        out.put("decisions", decisions);
        out.put("virtual_hours", round3(results * INTERVAL.toMillis() / (double) CHECKS / 3_600_000.0));
        return out;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Feeds {@code n} results round-robin over the checks, 200 ms of virtual time apart; cutover half way. */
    private static int drive(DroolsDecisionEngine engine, Runbook rb, int n, long[] lat) {
        ManualClock clock = new ManualClock(START);
        SplittableRandom rnd = new SplittableRandom(42);
        List<CheckSpec> checks = rb.checks();
        long step = INTERVAL.toMillis() / CHECKS;
        int decisions = 0;
        try (DecisionSession s = engine.open(rb, clock)) {
            for (int i = 0; i < n; i++) {
                if (i == n / 2) {
                    decisions += s.onRunFacts(new RunFacts("bench", rb.id(), "cutover", "RUNNING", START,
                            clock.instant(), java.util.Set.of("approve"), java.util.Set.of())).size();
                }
                clock.advance(Duration.ofMillis(step));
                CheckSpec c = checks.get(i % CHECKS);
                CheckResult r = result(c, clock.instant(), rnd, i);
                if (lat != null) {
                    long a = System.nanoTime();
                    decisions += s.onResult(r).size();
                    lat[i] = System.nanoTime() - a;
                } else {
                    decisions += s.onResult(r).size();
                }
                if (i % 5000 == 4999) {
                    decisions += s.evaluateGate("prepare", List.of("c0", "c1", "c2")).size();
                }
            }
        }
        return decisions;
    }

    private static CheckResult result(CheckSpec c, Instant at, SplittableRandom rnd, int i) {
        Map<String, Object> o = new LinkedHashMap<>();
        CheckStatus st = CheckStatus.PASS;
        int roll = rnd.nextInt(100);
        switch (c.kind()) {
            case "metrics.error-rate" -> {
                double rate = roll < 3 ? 0.2 : rnd.nextDouble() * 0.03;
                o.put("rate", rate);
                st = rate > 0.05 ? CheckStatus.FAIL : CheckStatus.PASS;
            }
            case "metrics.latency" -> o.put("p99-ms", roll < 3 ? 2500 : 150 + rnd.nextInt(300));
            case "db.replication" -> o.put("lag-s", roll < 2 ? 12.0 : rnd.nextDouble() * 0.8);
            case "http.health", "http.probe" -> {
                st = roll < 4 ? CheckStatus.FAIL : roll < 6 ? CheckStatus.WARN : CheckStatus.PASS;
                o.put("status", st == CheckStatus.FAIL ? 503 : 200);
                o.put("ttfb-ms", 20 + rnd.nextInt(80));
            }
            case "dns.ttl" -> {
                o.put("ttl", (i / CHECKS) % 400 == 0 ? 3600 : 300);
                o.put("server", "ns1.example.test");
            }
            case "tls.certificate" -> {
                o.put("days-left", roll < 2 ? 5 : 80);
                o.put("missing-names", roll < 1 ? List.of("shop.example.test") : List.of());
                o.put("chain-valid", true);
            }
            case "mail.spf" -> o.put("result", roll < 3 ? "softfail" : "pass");
            case "mail.dmarc" -> o.put("policy", "reject");
            case "mail.mx" -> o.put("hosts", List.of(roll < 2 ? "10 mx.old.example.test." : "10 mx.new.example.test."));
            case "db.parity" -> {
                o.put("old-count", 1000);
                o.put("new-count", roll < 2 ? 999 : 1000);
            }
            case "heartbeat" -> o.put("missed", roll < 2 ? 1 : 0);
            case "webhook.delivery" -> o.put("failures", roll < 2 ? 3 : 0);
            default -> { }
        }
        if (roll >= 97 && st == CheckStatus.PASS) {
            st = CheckStatus.WARN;
        }
        return new CheckResult(c.id(), c.kind(), "bench", st, o, "", at, Duration.ofMillis(5));
    }

    static Runbook runbook() {
        String[] kinds = {
            "metrics.error-rate", "metrics.latency", "db.replication", "http.health", "dns.ttl",
            "tls.certificate", "http.probe", "mail.spf", "mail.dmarc", "mail.mx",
            "db.parity", "heartbeat", "webhook.delivery"};
        int[] counts = {5, 5, 5, 5, 5, 5, 5, 3, 2, 2, 3, 3, 2};
        List<CheckSpec> checks = new ArrayList<>();
        int id = 0;
        for (int k = 0; k < kinds.length; k++) {
            for (int j = 0; j < counts[k]; j++) {
                checks.add(new CheckSpec("c" + id++, kinds[k], Map.of(), INTERVAL, null, true, null, null));
            }
        }
        List<Step> steps = List.of(new Step("gate", null, StepKind.GATE, null, List.of(), null,
                new GateSpec(List.of("c0", "c1", "c2"), List.of("approve")), null, null, null, null, null));
        return new Runbook("bench", "Rules benchmark", null, new Roles(Map.of(Roles.ROLLBACK_AUTHORITY, List.of("console:carol"))),
                List.of(), new Targets(Map.of("host", "mx.old.example.test"), Map.of(), List.of("example.test")),
                new Thresholds(Map.of("write-counter-check", "c0")), Duration.ofHours(24), Duration.ofHours(72), checks,
                List.of(new Phase("prepare", "Prepare", false, steps, List.of(), null),
                        new Phase("cutover", "Cutover", true, List.of(), List.of(), null)), List.of(), "");
    }
}
