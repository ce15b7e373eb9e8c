package dev.switchman.simulator.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.decision.Evidence;
import dev.switchman.core.yaml.SourceLocation;
import dev.switchman.simulator.scenario.Expectation;
import dev.switchman.simulator.scenario.Scenario;
import dev.switchman.simulator.scenario.Scripted;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    static Expectation decision(DecisionKind k, Duration within, String of) {
        return new Expectation(Expectation.Kind.DECISION, k, null, within, of, null, null, null, false, null, "decision " + k, SourceLocation.UNKNOWN);
    }

    static Scenario scenario(Expectation... x) {
        return new Scenario("s", "S", null, Path.of("s.yaml"), null, T0, Scenario.Speed.MAX, Scenario.Responders.auto(), Scripted.PASS,
                Map.of(), Map.of(), List.of(), List.of(x), Duration.ofHours(10));
    }

    static ReplayLog log() {
        ReplayLog log = new ReplayLog();
        log.phase("prepare", "Prepare", T0);
        log.fault("lag-spike", "db-lag", "lag 45 s", T0.plusSeconds(3600));
        log.decision(new Decision(DecisionKind.HOLD, "replication.lag-spike", "lag", List.of(new Evidence("db-lag", CheckStatus.FAIL, Map.of(), T0)),
                T0.plusSeconds(3600 + 120), "prepare"));
        log.decision(new Decision(DecisionKind.ROLLBACK, "rollback.x", "roll back", List.of(new Evidence("db-lag", CheckStatus.FAIL, Map.of(), T0)),
                T0.plusSeconds(3600 + 900), "prepare"));
        log.end("rolled-back", T0.plusSeconds(7200));
        return log;
    }

    @Test
    void decisionWithinHoldsOnlyInsideTheWindowAfterTheFault() {
        Scenario s = scenario(decision(DecisionKind.ROLLBACK, Duration.ofMinutes(20), "lag-spike"), decision(DecisionKind.ROLLBACK, Duration.ofMinutes(10), "lag-spike"));
        List<Verdict> v = Analysis.verdicts(s, log());
        assertTrue(v.get(0).holds(), v.get(0).detail());
        assertEquals("ROLLBACK by rollback.x at +1h15m, 15m after lag-spike", v.get(0).detail());
        assertFalse(v.get(1).holds());
        assertTrue(v.get(1).detail().contains("first ROLLBACK came at +1h15m"), v.get(1).detail());
    }

    @Test
    void neverFailsNamingTheOffendingDecision() {
        Scenario s = scenario(new Expectation(Expectation.Kind.NEVER, DecisionKind.ROLLBACK, null, null, null, null, null, null, false, null, "never", SourceLocation.UNKNOWN));
        Verdict v = Analysis.verdicts(s, log()).get(0);
        assertFalse(v.holds());
        assertTrue(v.detail().startsWith("ROLLBACK by rollback.x at +1h15m"), v.detail());
    }

    @Test
    void phaseAndOutcomeExpectations() {
        Scenario s = scenario(
                new Expectation(Expectation.Kind.PHASE, null, null, null, null, null, "prepare", Duration.ofMinutes(1), false, null, "p", SourceLocation.UNKNOWN),
                new Expectation(Expectation.Kind.PHASE, null, null, null, null, null, "cutover", null, true, null, "c", SourceLocation.UNKNOWN),
                new Expectation(Expectation.Kind.OUTCOME, null, null, null, null, null, null, null, false, "rolled-back", "o", SourceLocation.UNKNOWN));
        assertTrue(Analysis.verdicts(s, log()).stream().allMatch(Verdict::holds));
    }

    @Test
    void faultTimingsCountFromTheFaultToTheFirstDecisionCitingItsCheck() {
        FaultMetrics f = Analysis.faults(scenario(), log()).get(0);
        assertEquals(Duration.ofMinutes(2), f.timeToDetect());
        assertEquals("replication.lag-spike", f.detectedBy());
        assertEquals(Duration.ofMinutes(15), f.timeToDecision());
        assertNull(f.teamTimeToDetect(), "no human answered");
    }

    @Test
    void unansweredAlarmsAreMissedSignals() {
        ReplayLog log = log();
        assertEquals(2, Analysis.missedSignals(log).size());
    }

    @Test
    void statusSegmentsAreRunLengthEncoded() {
        ReplayLog log = new ReplayLog();
        for (int i = 0; i < 1000; i++) {
            log.result("c", i < 500 ? CheckStatus.PASS : CheckStatus.FAIL, T0.plusSeconds(i), "");
        }
        log.end("completed", T0.plusSeconds(1000));
        assertEquals(1000, log.results());
        assertEquals(2, log.segments().get("c").size());
    }
}
