package dev.switchman.rules;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionKind;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A small runbook builder and a session driver on a ManualClock, so each rule test reads as a story:
 * declare checks and thresholds, open, feed results as time passes, assert on the decisions.
 */
public final class Fixture {
    public static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    public static final DroolsDecisionEngine ENGINE = new DroolsDecisionEngine();

    private final List<CheckSpec> checks = new ArrayList<>();
    private final Map<String, String> thresholds = new LinkedHashMap<>();
    private final List<String> gateApprovals = new ArrayList<>();
    private final List<String> ruleFiles = new ArrayList<>();
    private Duration rollbackWindow;
    private Duration pointOfNoReturn;
    private String source = "";
    private Map<String, String> oldSide = Map.of();

    public final ManualClock clock = new ManualClock(T0);
    public DecisionSession session;
    public final List<Decision> all = new ArrayList<>();
    private RunFacts facts = new RunFacts("run-1", "test", "prepare", "RUNNING", T0, null, Set.of(), Set.of());

    public Fixture check(String id, String kind, Duration interval) {
        checks.add(new CheckSpec(id, kind, Map.of(), interval, null, true, null, null));
        return this;
    }

    /** A check with a declared severity (null: the kind's default). */
    public Fixture check(String id, String kind, Duration interval, dev.switchman.core.runbook.Severity severity) {
        checks.add(new CheckSpec(id, kind, Map.of(), interval, null, true, null, null, severity));
        return this;
    }

    /** A non-blocking check (kind default severity: minor unless the kind says otherwise). */
    public Fixture optionalCheck(String id, String kind, Duration interval) {
        checks.add(new CheckSpec(id, kind, Map.of(), interval, null, false, null, null));
        return this;
    }

    /** Declares the write counter {@code orders} (threshold write-counter-check). */
    public Fixture writeCounter() {
        checks.add(new CheckSpec("orders", "db.writes", Map.of(), Duration.ofMinutes(1), null, false, null, null));
        return threshold("write-counter-check", "orders");
    }

    /** The write counter reads {@code n} now (before cutover: the baseline). */
    public List<Decision> writes(long n) {
        return result("orders", "db.writes", CheckStatus.PASS, "writes", n);
    }

    public Fixture threshold(String name, String value) {
        thresholds.put(name, value);
        return this;
    }

    public Fixture approval(String stepId) {
        gateApprovals.add(stepId);
        return this;
    }

    public Fixture rollbackWindow(Duration d) {
        rollbackWindow = d;
        return this;
    }

    public Fixture pointOfNoReturn(Duration d) {
        pointOfNoReturn = d;
        return this;
    }

    public Fixture oldSide(Map<String, String> old) {
        oldSide = old;
        return this;
    }

    public Fixture rules(String source, String... files) {
        this.source = source;
        ruleFiles.addAll(List.of(files));
        return this;
    }

    public Runbook runbook() {
        List<Step> prep = new ArrayList<>();
        prep.add(new Step("gate-prepare", null, StepKind.GATE, null, List.of(), null,
                new GateSpec(checks.stream().map(CheckSpec::id).toList(), gateApprovals), null, null, null, null, null));
        for (String a : gateApprovals) {
            prep.add(new Step(a, null, StepKind.APPROVAL, null, List.of(), null, null, Roles.ROLLBACK_AUTHORITY, null, null, null, null));
        }
        List<Phase> phases = List.of(
                new Phase("prepare", "Prepare", false, prep, List.of(), null),
                new Phase("cutover", "Cutover", true, List.of(), List.of(), null));
        return new Runbook("test", "Test", null,
                new Roles(Map.of(Roles.ROLLBACK_AUTHORITY, List.of("console:carol"))), List.of(),
                new Targets(oldSide, Map.of(), List.of("example.test")), new Thresholds(thresholds),
                rollbackWindow, pointOfNoReturn, checks, phases, ruleFiles, source);
    }

    public Fixture open() {
        session = ENGINE.open(runbook(), clock);
        return this;
    }

    public List<Decision> result(String id, String kind, CheckStatus status, Object... kv) {
        Map<String, Object> obs = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            obs.put((String) kv[i], kv[i + 1]);
        }
        return keep(session.onResult(new CheckResult(id, kind, "target", status, obs, "", clock.instant(), Duration.ZERO)));
    }

    public List<Decision> advance(Duration d) {
        clock.advance(d);
        return keep(session.tick());
    }

    public List<Decision> cutover() {
        facts = new RunFacts("run-1", "test", "cutover", "RUNNING", T0, clock.instant(), facts.approvedSteps(), facts.completedSteps());
        return keep(session.onRunFacts(facts));
    }

    public List<Decision> approve(String step) {
        Set<String> a = new java.util.HashSet<>(facts.approvedSteps());
        a.add(step);
        facts = new RunFacts("run-1", "test", facts.phase(), "RUNNING", T0, facts.cutoverAt(), a, facts.completedSteps());
        return keep(session.onRunFacts(facts));
    }

    public List<Decision> gate(String... ids) {
        return keep(session.evaluateGate("prepare", List.of(ids)));
    }

    public List<Decision> keep(List<Decision> ds) {
        all.addAll(ds);
        return ds;
    }

    public static List<Decision> byRule(List<Decision> ds, String ruleId) {
        return ds.stream().filter(d -> d.ruleId().equals(ruleId)).toList();
    }

    public static boolean has(List<Decision> ds, String ruleId) {
        return !byRule(ds, ruleId).isEmpty();
    }

    public static Decision gateVerdict(List<Decision> ds) {
        List<Decision> v = ds.stream().filter(d -> d.kind() == DecisionKind.GO || d.kind() == DecisionKind.NO_GO).toList();
        if (v.size() != 1) {
            throw new AssertionError("expected exactly one GO/NO_GO, got " + v);
        }
        return v.get(0);
    }

    public static String ids(List<Decision> ds) {
        return ds.stream().map(d -> d.kind() + ":" + d.ruleId()).collect(Collectors.joining(", "));
    }
}
