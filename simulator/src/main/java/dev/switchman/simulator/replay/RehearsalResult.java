package dev.switchman.simulator.replay;

import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.Evidence;
import dev.switchman.core.time.Durations;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished rehearsal: the log, the verdicts, the per-fault timings, the wall time. {@link #exitCode()}
 * is 0 iff every expectation holds. {@link #summary()} is the JSON summary (plain maps and lists, keys in
 * a stable order) that {@code --format json} prints and report.json holds.
 */
public record RehearsalResult(Scenario scenario, Runbook runbook, ReplayLog log, List<Verdict> verdicts, List<FaultMetrics> faults,
                              long wallMillis, boolean interrupted) {

    public boolean passed() {
        return verdicts.stream().allMatch(Verdict::holds);
    }

    public int exitCode() {
        return passed() ? 0 : 1;
    }

    public Duration virtualDuration() {
        return log.endedAt() == null ? Duration.ZERO : Duration.between(scenario.start(), log.endedAt());
    }

    public double speedup() {
        return wallMillis <= 0 ? virtualDuration().toMillis() : (double) virtualDuration().toMillis() / wallMillis;
    }

    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario.id());
        m.put("title", scenario.title());
        m.put("runbook", runbook.id());
        m.put("start", scenario.start().toString());
        m.put("speed", scenario.speed().toString());
        m.put("passed", passed());
        m.put("exit_code", exitCode());
        m.put("outcome", log.outcome());
        m.put("interrupted", interrupted);
        List<Object> xs = new ArrayList<>();
        for (Verdict v : verdicts) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("expect", v.expectation().text());
            x.put("verdict", v.holds() ? "HOLDS" : "FAILS");
            x.put("detail", v.detail());
            x.put("location", v.expectation().location().toString());
            xs.add(x);
        }
        m.put("expectations", xs);
        List<Object> fs = new ArrayList<>();
        for (FaultMetrics f : faults) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("fault", f.faultId());
            x.put("check", f.checkId());
            x.put("at", Analysis.off(scenario, f.at()));
            x.put("time_to_detect_s", seconds(f.timeToDetect()));
            x.put("detected_by", f.detectedBy());
            x.put("time_to_decision_s", seconds(f.timeToDecision()));
            x.put("decision", f.decidedBy());
            if (scenario.responders().mode() == Scenario.Responders.Mode.CHAT) {
                x.put("team_time_to_detect_s", seconds(f.teamTimeToDetect()));
                x.put("team_time_to_decide_s", seconds(f.teamTimeToDecide()));
            }
            fs.add(x);
        }
        m.put("faults", fs);
        List<Object> ds = new ArrayList<>();
        for (Decision d : log.decisions()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("at", Analysis.off(scenario, d.at()));
            x.put("kind", d.kind().name());
            x.put("rule", d.ruleId());
            x.put("phase", d.phase());
            x.put("reason", d.reason());
            x.put("evidence", d.evidence().stream().map(Evidence::checkId).distinct().toList());
            ds.add(x);
        }
        m.put("decisions", ds);
        List<Object> ps = new ArrayList<>();
        for (ReplayLog.PhaseSpan p : log.phases()) {
            ps.add(Map.of("phase", p.phaseId(), "entered", Analysis.off(scenario, p.from())));
        }
        m.put("phases", ps);
        if (scenario.responders().mode() == Scenario.Responders.Mode.CHAT) {
            List<Object> missed = new ArrayList<>();
            for (Decision d : Analysis.missedSignals(log)) {
                missed.add(Map.of("at", Analysis.off(scenario, d.at()), "kind", d.kind().name(), "rule", d.ruleId(), "reason", d.reason()));
            }
            m.put("missed_signals", missed);
        }
        m.put("results", log.results());
        m.put("restarts", log.restarts());
        m.put("virtual_duration", Durations.format(virtualDuration()));
        m.put("wall_ms", wallMillis);
        m.put("speedup", Math.round(speedup()));
        return m;
    }

    private static Object seconds(Duration d) {
        return d == null ? null : d.toMillis() / 1000.0;
    }
}
