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

/** staleness.cannot-measure: a check that keeps answering UNKNOWN/ERROR is blind, for every kind, in every phase. */
class CannotMeasurePackTest {
    static final Duration MIN = Duration.ofMinutes(1);

    static List<Decision> answer(Fixture f, String id, String kind, CheckStatus st, int times) {
        List<Decision> out = new java.util.ArrayList<>();
        for (int i = 0; i < times; i++) {
            f.clock.advance(MIN);
            out.addAll(f.result(id, kind, st));
        }
        return out;
    }

    @Test
    void threeUnknownsInARowAfterCutoverHoldAndAskTheAuthorityWithTheTimeItBegan() {
        Fixture f = new Fixture().check("prop", "dns.propagation", MIN).open();
        f.cutover();
        List<Decision> ds = answer(f, "prop", "dns.propagation", CheckStatus.UNKNOWN, 2);
        assertFalse(has(ds, "staleness.cannot-measure"), "two of three: " + ids(ds));
        String since = f.clock.instant().minus(MIN).toString();
        ds = answer(f, "prop", "dns.propagation", CheckStatus.ERROR, 1);
        Decision d = byRule(ds, "staleness.cannot-measure").get(0);
        assertEquals(DecisionKind.HOLD, d.kind());
        assertTrue(d.reason().startsWith("Monitoring blind: prop cannot measure since " + since), d.reason());
        assertTrue(d.reason().contains("console:carol"), d.reason());
        assertFalse(has(answer(f, "prop", "dns.propagation", CheckStatus.UNKNOWN, 10), "staleness.cannot-measure"), "said once");
    }

    @Test
    void aMeasuredResultResetsTheCount() {
        Fixture f = new Fixture().check("rep", "db.replication", MIN).open();
        f.cutover();
        answer(f, "rep", "db.replication", CheckStatus.UNKNOWN, 2);
        answer(f, "rep", "db.replication", CheckStatus.FAIL, 1);
        List<Decision> ds = answer(f, "rep", "db.replication", CheckStatus.UNKNOWN, 2);
        assertFalse(has(f.all, "staleness.cannot-measure"), ids(f.all));
        ds = answer(f, "rep", "db.replication", CheckStatus.UNKNOWN, 1);
        assertTrue(has(ds, "staleness.cannot-measure"), ids(ds));
    }

    @Test
    void theThresholdIsTheRunbooks() {
        Fixture f = new Fixture().check("a", "agent.env", MIN).threshold("blind-intervals", "5").open();
        f.cutover();
        assertFalse(has(answer(f, "a", "agent.env", CheckStatus.UNKNOWN, 4), "staleness.cannot-measure"));
        assertTrue(has(answer(f, "a", "agent.env", CheckStatus.UNKNOWN, 1), "staleness.cannot-measure"));
    }

    @Test
    void aGateCoveringABlindCheckListsItAsABlocker() {
        Fixture f = new Fixture().check("rep", "db.replication", MIN).open();
        answer(f, "rep", "db.replication", CheckStatus.UNKNOWN, 3);
        assertEquals(DecisionKind.HOLD, byRule(f.all, "staleness.cannot-measure").get(0).kind(), ids(f.all));
        Decision gate = gateVerdict(f.gate("rep"));
        assertTrue(gate.reason().contains("[staleness.cannot-measure]"), gate.reason());
    }

    @Test
    void aCheckTheEngineIsNotRunningAndNotBlockingIsNotJudged() {
        Fixture f = new Fixture().optionalCheck("x", "dns.record", MIN).open();
        f.session.onMonitoring(Set.of());
        assertFalse(has(answer(f, "x", "dns.record", CheckStatus.UNKNOWN, 5), "staleness.cannot-measure"));
    }

    @Test
    void aHealthCheckErrorIsAFailureNotBlindness() {
        Fixture f = new Fixture().check("h", "http.health", MIN).open();
        f.cutover();
        List<Decision> ds = answer(f, "h", "http.health", CheckStatus.ERROR, 3);
        assertFalse(has(ds, "staleness.cannot-measure"), ids(ds));
        assertTrue(has(ds, "rollback.health-failures"), ids(ds));
    }
}
