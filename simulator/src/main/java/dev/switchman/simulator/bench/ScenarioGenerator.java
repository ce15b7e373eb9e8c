package dev.switchman.simulator.bench;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Roles;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.yaml.SourceLocation;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import dev.switchman.core.runbook.Thresholds;
import dev.switchman.core.runbook.WaitSpec;
import dev.switchman.simulator.scenario.Expectation;
import dev.switchman.simulator.scenario.Scenario;
import dev.switchman.simulator.scenario.Scripted;
import dev.switchman.simulator.scenario.TimelineEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generates a soak runbook and scenario for the replay benchmark: a cutover, then {@code checks}
 * checks every {@code interval} through a {@code hours}-long watch phase - replication lag, error
 * rate, health, heartbeat and webhook checks in rotation, the rollback triggers the rule packs watch
 * after cutover - all healthy but for one short replication lag spike a day (an ADVISE).
 */
public final class ScenarioGenerator {

    public static final Instant START = Instant.parse("2026-11-20T00:00:00Z");

    /** The kinds the rule packs watch after cutover, in rotation, so the rules have real work. */
    static final String[] KINDS = {"db.replication", "metrics.error-rate", "http.health", "heartbeat", "webhook.delivery"};

    private ScenarioGenerator() {
    }

    static Map<String, Object> healthy(String kind) {
        return switch (kind) {
            case "db.replication" -> Map.of("lag-s", 0.2);
            case "metrics.error-rate" -> Map.of("rate", 0.003);
            case "heartbeat" -> Map.of("missed", 0);
            case "webhook.delivery" -> Map.of("failures", 0);
            default -> Map.of("status", 200);
        };
    }

    public record Generated(Runbook runbook, Scenario scenario) {
    }

    public static Generated generate(int hours, int checks, Duration interval) {
        List<CheckSpec> specs = new ArrayList<>();
        Map<String, Scripted> baseline = new java.util.LinkedHashMap<>();
        for (int i = 0; i < checks; i++) {
            String id = String.format("check-%02d", i);
            String kind = KINDS[i % KINDS.length];
            // not blocking: the feeder alone delivers them (the engine would run blocking ones again after cutover)
            specs.add(new CheckSpec(id, kind, Map.of("n", String.valueOf(i)), interval, Duration.ofSeconds(5), false, null, SourceLocation.UNKNOWN));
            baseline.put(id, new Scripted(CheckStatus.PASS, healthy(kind), "ok"));
        }
        Step cut = new Step("switch", "Switch traffic", StepKind.NOTIFY, null, List.of(), null, null, null,
                new dev.switchman.core.runbook.NotifySpec("team", "switched"), null, null, SourceLocation.UNKNOWN);
        Step watch = new Step("watch", "Watch for " + hours + "h", StepKind.WAIT, null, List.of(), new WaitSpec(Duration.ofHours(hours), null, null, null),
                null, null, null, null, null, SourceLocation.UNKNOWN);
        Runbook runbook = new Runbook("bench-soak", "Replay benchmark: " + checks + " checks every " + interval, null,
                new Roles(Map.of(Roles.OWNER, List.of("console:bench"), Roles.ROLLBACK_AUTHORITY, List.of("console:bench"))),
                List.of(), null, Thresholds.none(), Duration.ofHours(hours), null, specs,
                List.of(new Phase("cutover", "Cutover", true, List.of(cut), List.of(), SourceLocation.UNKNOWN),
                        new Phase("soak", "Soak", false, List.of(watch), List.of(), SourceLocation.UNKNOWN)), List.of(), "generated");
        List<TimelineEntry> timeline = new ArrayList<>();
        for (int day = 0; day * 24 + 12 < hours; day++) {
            timeline.add(new TimelineEntry(Duration.ofHours(day * 24L + 12), "spike-" + day, "check-00",
                    new Scripted(CheckStatus.WARN, Map.of("lag-s", 5), "lag spike"), Duration.ofMinutes(10), null, null, null, null,
                    SourceLocation.UNKNOWN));
        }
        Scenario scenario = new Scenario("bench-" + hours + "h-" + checks + "x" + interval.toSeconds() + "s", "Replay benchmark", null,
                Path.of("generated.yaml"), null, START, Scenario.Speed.MAX, Scenario.Responders.auto(),
                new Scripted(CheckStatus.PASS, Map.of(), "ok"), baseline, Map.of(), timeline,
                List.<Expectation>of(), Duration.ofHours(hours).plusMinutes(1));
        return new Generated(runbook, scenario);
    }
}
