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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationPackTest {
    static final Duration TEN_S = Duration.ofSeconds(10);

    Fixture repl() {
        return new Fixture().check("lag", "db.replication", TEN_S)
                .threshold("replication-lag-s", "1").threshold("lag-sustain", "10m").open();
    }

    static List<Decision> lag(Fixture f, double lag, Duration d) {
        List<Decision> out = new ArrayList<>();
        for (long s = 0; s < d.toSeconds(); s += 10) {
            f.clock.advance(TEN_S);
            out.addAll(f.result("lag", "db.replication", CheckStatus.PASS, "lag-s", lag));
        }
        return out;
    }

    @Test
    void goOnceLagStaysUnderThresholdForTheSustainPeriod() {
        Fixture f = repl();
        lag(f, 0.4, Duration.ofMinutes(10).plusSeconds(10));
        assertEquals(DecisionKind.GO, gateVerdict(f.gate("lag")).kind());
    }

    @Test
    void noGoBeforeTheSustainPeriodIsFull() {
        Fixture f = repl();
        lag(f, 0.4, Duration.ofMinutes(9));
        Decision d = gateVerdict(f.gate("lag"));
        assertEquals(DecisionKind.NO_GO, d.kind());
        assertTrue(d.reason().contains("[replication.lag-not-sustained]"), d.reason());
        assertTrue(d.reason().contains("only 8m50s of lag data"), d.reason());
    }

    @Test
    void lagExactlyAtTheThresholdIsNotUnder() {
        Fixture f = repl();
        lag(f, 1.0, Duration.ofMinutes(11));
        assertEquals(DecisionKind.NO_GO, gateVerdict(f.gate("lag")).kind());
    }

    @Test
    void aSpikeInsideTheStretchBlocksWithTheNumbers() {
        Fixture f = repl();
        lag(f, 0.2, Duration.ofMinutes(5));
        lag(f, 4.5, Duration.ofSeconds(10));
        lag(f, 0.2, Duration.ofMinutes(9));
        Decision d = gateVerdict(f.gate("lag"));
        assertEquals(DecisionKind.NO_GO, d.kind());
        assertTrue(d.reason().contains("up to 4.5 s"), d.reason());
    }

    @Test
    void lagSpikeAfterCutoverIsAdvisedThenHeld() {
        Fixture f = repl();
        f.cutover();
        List<Decision> ds = lag(f, 1.0, TEN_S);
        assertFalse(has(ds, "replication.lag-spike"), "at the threshold: " + ids(ds));
        ds = lag(f, 3, TEN_S);
        assertEquals(DecisionKind.ADVISE, byRule(ds, "replication.lag-spike").get(0).kind());
        assertTrue(byRule(ds, "replication.lag-spike").get(0).reason().contains("3 s"));
        ds = lag(f, 3.5, TEN_S);
        assertFalse(has(ds, "replication.lag-spike"), "same state: " + ids(ds));
        ds = lag(f, 45, TEN_S);
        Decision hold = byRule(ds, "replication.lag-spike").get(0);
        assertEquals(DecisionKind.HOLD, hold.kind());
        assertTrue(hold.reason().contains("console:carol"), hold.reason());
    }

    @Test
    void aLagSpikeBeforeCutoverIsAdvisedWhenItArrivesAndTheGateRepeatsIt() {
        Fixture f = repl();
        lag(f, 0.2, Duration.ofMinutes(20));
        List<Decision> ds = lag(f, 1.0, TEN_S);
        assertFalse(has(ds, "replication.lag-spike"), "exactly at the threshold: " + ids(ds));
        ds = lag(f, 50, TEN_S);
        Decision d = byRule(ds, "replication.lag-spike").get(0);
        assertEquals(DecisionKind.ADVISE, d.kind(), "before cutover nothing is at risk yet: " + d.reason());
        assertTrue(d.reason().contains("50 s"), d.reason());
        assertFalse(has(lag(f, 50, Duration.ofMinutes(1)), "replication.lag-spike"), "said once");
        Decision gate = gateVerdict(f.gate("lag"));
        assertEquals(DecisionKind.NO_GO, gate.kind());
        assertTrue(gate.reason().contains("[replication.lag-not-sustained]"), gate.reason());
    }
}
