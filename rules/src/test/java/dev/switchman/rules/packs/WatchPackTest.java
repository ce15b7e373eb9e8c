package dev.switchman.rules.packs;

import static dev.switchman.rules.Fixture.byRule;
import static dev.switchman.rules.Fixture.gateVerdict;
import static dev.switchman.rules.Fixture.has;
import static dev.switchman.rules.Fixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.rules.Fixture;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** watch.check-failing: a monitored check's failure is judged when it arrives, and the gate repeats it. */
class WatchPackTest {
    static final Duration MIN = Duration.ofMinutes(1);

    @Test
    void aFailureBetweenGatesIsAdvisedAtOnceAndTheGateRepeatsIt() {
        Fixture f = new Fixture().check("www", "dns.record", MIN).open();
        f.clock.advance(MIN);
        assertFalse(has(f.result("www", "dns.record", CheckStatus.PASS), "watch.check-failing"));
        f.clock.advance(MIN);
        List<Decision> ds = f.result("www", "dns.record", CheckStatus.FAIL);
        Decision d = byRule(ds, "watch.check-failing").get(0);
        assertEquals(DecisionKind.ADVISE, d.kind());
        assertTrue(d.reason().contains("NO_GO"), d.reason());
        f.clock.advance(MIN);
        assertFalse(has(f.result("www", "dns.record", CheckStatus.FAIL), "watch.check-failing"), "said once");
        Decision gate = gateVerdict(f.gate("www"));
        assertEquals(DecisionKind.NO_GO, gate.kind());
        assertTrue(gate.reason().contains("[gate.check-not-passing]"), gate.reason());
    }

    @Test
    void afterCutoverABlockingCheckHoldsAndANonBlockingOneAdvises() {
        Fixture f = new Fixture().check("mx", "mail.mx", MIN).optionalCheck("www", "dns.record", MIN).open();
        f.cutover();
        f.clock.advance(MIN);
        List<Decision> ds = f.result("mx", "mail.mx", CheckStatus.FAIL);
        assertEquals(DecisionKind.HOLD, byRule(ds, "watch.check-failing").get(0).kind(), ids(ds));
        ds = f.result("www", "dns.record", CheckStatus.FAIL);
        assertEquals(DecisionKind.ADVISE, byRule(ds, "watch.check-failing").get(0).kind(), ids(ds));
    }

    @Test
    void warnUnknownAndUnmonitoredChecksAreNotFailures() {
        Fixture f = new Fixture().check("a", "dns.record", MIN).check("b", "dns.record", MIN).open();
        f.session.onMonitoring(Set.of("a"));
        f.clock.advance(MIN);
        List<Decision> ds = f.result("a", "dns.record", CheckStatus.WARN);
        ds.addAll(f.result("a", "dns.record", CheckStatus.UNKNOWN));
        ds.addAll(f.result("b", "dns.record", CheckStatus.FAIL));
        assertFalse(has(ds, "watch.check-failing"), ids(ds));
    }

    @Test
    void aMoreSpecificRuleSpeaksInstead() {
        Fixture f = new Fixture().check("tls", "tls.certificate", MIN).open();
        f.clock.advance(MIN);
        List<Decision> ds = f.result("tls", "tls.certificate", CheckStatus.FAIL, "missing-names", List.of("www.example.test"));
        assertTrue(has(ds, "tls.missing-names"), ids(ds));
        assertFalse(has(ds, "watch.check-failing"), ids(ds));
    }

    @Test
    void rollbackTriggersAfterCutoverAreLeftToTheirRules() {
        Fixture f = new Fixture().check("h", "http.health", MIN).open();
        f.cutover();
        f.clock.advance(MIN);
        assertFalse(has(f.result("h", "http.health", CheckStatus.FAIL), "watch.check-failing"));
    }
}
