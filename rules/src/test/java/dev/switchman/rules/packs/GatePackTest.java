package dev.switchman.rules.packs;

import static dev.switchman.rules.Fixture.gateVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.rules.Fixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatePackTest {
    static final Duration MIN = Duration.ofMinutes(1);

    Fixture twoChecks() {
        return new Fixture().check("a", "http.probe", MIN).check("b", "http.probe", MIN).approval("approve-cutover").open();
    }

    @Test
    void goWhenEveryBlockingCheckPassesFreshAndApprovalsAreIn() {
        Fixture f = twoChecks();
        f.result("a", "http.probe", CheckStatus.PASS);
        f.result("b", "http.probe", CheckStatus.PASS);
        f.approve("approve-cutover");
        Decision d = gateVerdict(f.gate("a", "b"));
        assertEquals(DecisionKind.GO, d.kind());
        assertEquals("gate.go", d.ruleId());
        assertEquals("prepare", d.phase());
        assertEquals(Fixture.T0, d.at());
    }

    @Test
    void noGoListsEveryBlockerNotJustTheFirst() {
        Fixture f = twoChecks();
        f.result("a", "http.probe", CheckStatus.FAIL);
        Decision d = gateVerdict(f.gate("a", "b"));
        assertEquals(DecisionKind.NO_GO, d.kind());
        assertEquals("gate.no-go", d.ruleId());
        assertTrue(d.reason().contains("3 blockers"), d.reason());
        assertTrue(d.reason().contains("[gate.check-not-passing]"), d.reason());
        assertTrue(d.reason().contains("[gate.check-missing]"), d.reason());
        assertTrue(d.reason().contains("[gate.approval-missing]"), d.reason());
        // blockers in a fixed order (by rule id), whatever order the rules fired in: the same blockers make the
        // same sentence, so the run does not post the NO-GO again on every evaluation
        int approval = d.reason().indexOf("[gate.approval-missing]");
        int missing = d.reason().indexOf("[gate.check-missing]");
        int failing = d.reason().indexOf("[gate.check-not-passing]");
        assertTrue(approval < missing && missing < failing, d.reason());
        assertEquals(d.reason(), gateVerdict(f.gate("a", "b")).reason(), "asked again, the same sentence");
    }

    @Test
    void warnIsABlocker() {
        Fixture f = new Fixture().check("a", "http.probe", MIN).open();
        f.result("a", "http.probe", CheckStatus.WARN);
        assertEquals(DecisionKind.NO_GO, gateVerdict(f.gate("a")).kind());
    }

    @Test
    void aPassExactlyTwoIntervalsOldIsStillFresh() {
        Fixture f = new Fixture().check("a", "http.probe", MIN).open();
        f.result("a", "http.probe", CheckStatus.PASS);
        f.clock.advance(Duration.ofMinutes(2));
        assertEquals(DecisionKind.GO, gateVerdict(f.gate("a")).kind());
    }

    @Test
    void aPassOlderThanTwoIntervalsIsStale() {
        Fixture f = new Fixture().check("a", "http.probe", MIN).open();
        f.result("a", "http.probe", CheckStatus.PASS);
        f.clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        Decision d = gateVerdict(f.gate("a"));
        assertEquals(DecisionKind.NO_GO, d.kind());
        assertTrue(d.reason().contains("[gate.check-stale]"), d.reason());
    }

    @Test
    void everyEvaluationAnswersEvenWhenNothingChanged() {
        Fixture f = new Fixture().check("a", "http.probe", MIN).open();
        f.result("a", "http.probe", CheckStatus.PASS);
        assertEquals(DecisionKind.GO, gateVerdict(f.gate("a")).kind());
        assertEquals(DecisionKind.GO, gateVerdict(f.gate("a")).kind());
    }

    @Test
    void unknownCheckIdIsAMissingResult() {
        Fixture f = new Fixture().open();
        Decision d = gateVerdict(f.gate("nope"));
        assertEquals(DecisionKind.NO_GO, d.kind());
        assertTrue(d.reason().contains("nope has no result yet"), d.reason());
    }

    @Test
    void aFindingOnACoveredCheckBlocksEvenWhenTheCheckPasses() {
        Fixture f = new Fixture().check("ttl", "dns.ttl", MIN).threshold("dns-max-ttl", "300").open();
        f.result("ttl", "dns.ttl", CheckStatus.PASS, "ttl", 3600);
        Decision d = gateVerdict(f.gate("ttl"));
        assertEquals(DecisionKind.NO_GO, d.kind());
        assertTrue(d.reason().contains("[dns.ttl-above-max]"), d.reason());
    }
}
