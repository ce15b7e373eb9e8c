package dev.switchman.simulator.replay;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.simulator.scenario.Chaos;
import dev.switchman.simulator.scenario.Scenario;
import dev.switchman.simulator.scenario.Scripted;
import dev.switchman.simulator.scenario.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scripted world: what each check would measure at any virtual instant, from the scenario's
 * baseline, its timeline of results and its chaos. Pure function of time except for staleness, which
 * repeats the last result delivered. Deterministic; not thread-safe (the replay is single-threaded).
 */
public final class Script {

    private record Timed(Instant from, Instant until, Scripted result) {
    }

    private record TimedChaos(Instant from, Instant until, Chaos chaos) {
    }

    private final Scenario scenario;
    private final Runbook runbook;
    private final Map<String, List<Timed>> results = new HashMap<>();
    private final Map<String, List<TimedChaos>> chaos = new HashMap<>();
    private final Map<String, CheckResult> lastDelivered = new HashMap<>();
    private final Map<String, String> targets = new HashMap<>();

    public Script(Scenario scenario, Runbook runbook) {
        this.scenario = scenario;
        this.runbook = runbook;
        for (TimelineEntry e : scenario.timeline()) {
            Instant from = scenario.at(e.at());
            Instant until = e.holdFor() == null ? null : from.plus(e.holdFor());
            if (e.isResult() && e.check() != null) {
                results.computeIfAbsent(e.check(), k -> new ArrayList<>()).add(new Timed(from, until, e.result()));
            } else if (e.chaos() != null && e.check() != null) {
                chaos.computeIfAbsent(e.check(), k -> new ArrayList<>()).add(new TimedChaos(from, until, e.chaos()));
            }
        }
    }

    /** The scripted outcome of {@code checkId} at {@code t}, before chaos. */
    public Scripted scripted(String checkId, Instant t) {
        Scripted state = scenario.baseline().getOrDefault(checkId, scenario.defaultBaseline());
        List<Timed> list = results.get(checkId);
        if (list != null) {
            for (Timed x : list) {
                if (x.from().isAfter(t)) {
                    break;
                }
                if (x.until() == null || t.isBefore(x.until())) {
                    state = x.result();
                }
            }
        }
        return state;
    }

    /** The result the engine receives when it runs {@code checkId} at {@code now}, chaos applied. */
    public CheckResult measure(String checkId, String kind, Instant now) {
        Instant observed = now;
        Scripted s = scripted(checkId, now);
        List<TimedChaos> active = activeChaos(checkId, now);
        for (TimedChaos c : active) {
            if (c.chaos().kind() == Chaos.Kind.STALE) {
                CheckResult last = lastDelivered.get(checkId);
                return last != null ? last : new CheckResult(checkId, kind, target(checkId), CheckStatus.UNKNOWN, Map.of(),
                        "no result: the check's results are dropped (scripted staleness)", now.minus(interval(checkId)), Duration.ZERO);
            }
            if (c.chaos().kind() == Chaos.Kind.DELAY) {
                observed = now.minus(c.chaos().amount());
                s = scripted(checkId, observed.isBefore(scenario.start()) ? scenario.start() : observed);
            }
        }
        CheckStatus status = s.status();
        Map<String, Object> obs = s.observations();
        String message = s.message();
        for (TimedChaos c : active) {
            switch (c.chaos().kind()) {
                case FLIP -> {
                    if (status == CheckStatus.PASS) {
                        status = CheckStatus.FAIL;
                        message = "flipped to FAIL (chaos): " + message;
                    } else if (status == CheckStatus.FAIL) {
                        status = CheckStatus.PASS;
                        message = "flipped to PASS (chaos): " + message;
                    }
                }
                case CURVE -> {
                    Chaos k = c.chaos();
                    double frac = k.over().isZero() ? 1 : Math.min(1.0, (double) Duration.between(c.from(), now).toMillis() / k.over().toMillis());
                    double value = k.from() + (k.to() - k.from()) * frac;
                    obs = new LinkedHashMap<>(obs);
                    obs.put(k.observation(), value);
                    if (!Double.isNaN(k.failAbove()) && value > k.failAbove()) {
                        status = CheckStatus.FAIL;
                        message = k.observation() + " " + fmt(value) + " above " + fmt(k.failAbove());
                    } else if (!Double.isNaN(k.failAbove())) {
                        status = CheckStatus.PASS;
                        message = k.observation() + " " + fmt(value);
                    }
                }
                case RESOLVER_OLD -> {
                    String old = runbook.targets().oldSide().getOrDefault("address", "the old address");
                    status = CheckStatus.FAIL;
                    obs = new LinkedHashMap<>(obs);
                    obs.put("addresses", List.of(old));
                    obs.put("stale-answer", true);
                    message = "resolver still answers the old address " + old;
                }
                default -> {
                }
            }
        }
        CheckResult r = new CheckResult(checkId, kind, target(checkId), status, obs, message, observed, Duration.ZERO);
        lastDelivered.put(checkId, r);
        return r;
    }

    private List<TimedChaos> activeChaos(String checkId, Instant t) {
        List<TimedChaos> list = chaos.get(checkId);
        if (list == null) {
            return List.of();
        }
        List<TimedChaos> out = new ArrayList<>(2);
        for (TimedChaos c : list) {
            if (!c.from().isAfter(t) && (c.until() == null || t.isBefore(c.until()))) {
                out.add(c);
            }
        }
        return out;
    }

    private Duration interval(String checkId) {
        return scenario.intervals().getOrDefault(checkId, runbook.check(checkId).map(CheckSpec::interval).orElse(CheckSpec.DEFAULT_INTERVAL));
    }

    private String target(String checkId) {
        return targets.computeIfAbsent(checkId, this::targetOf);
    }

    private String targetOf(String checkId) {
        return runbook.check(checkId).map(c -> c.params().getOrDefault("name", c.params().getOrDefault("host", c.params().getOrDefault("url", "")))).orElse("");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
