package dev.switchman.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.decision.RunFacts;
import dev.switchman.rules.fact.Limits;
import dev.switchman.rules.fact.RunState;
import dev.switchman.rules.fact.Weighing;
import dev.switchman.rules.fact.Weighing.Severity;
import dev.switchman.rules.fact.WriteCount;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WeighingTest {
    static final long H = 3_600_000L;

    Limits limits() {
        return new Limits(new Fixture().threshold("fix-forward-writes", "100")
                .rollbackWindow(Duration.ofHours(24)).pointOfNoReturn(Duration.ofHours(72)).runbook());
    }

    RunState cutAt(long ms) {
        RunState r = new RunState();
        r.apply(new RunFacts("r", "rb", "cutover", "RUNNING", null, java.time.Instant.ofEpochMilli(ms), null, null));
        return r;
    }

    WriteCount writes(long n) {
        WriteCount w = new WriteCount("orders", 100);
        w.observe(0, false);
        w.observe(n, true);
        return w;
    }

    @Test
    void rollsBackInsideTheWindowWithFewWritesAndSaysTheTradeOff() {
        Weighing.Verdict v = Weighing.weigh(Severity.MAJOR, "5% errors", cutAt(0), writes(12), H, limits());
        assertEquals(DecisionKind.ROLLBACK, v.kind());
        assertTrue(v.words().contains("12 writes accepted on the new side"), v.words());
        assertTrue(v.words().contains("5% errors"), v.words());
        assertTrue(v.words().contains("23h left in the rollback window"), v.words());
    }

    @Test
    void fixesForwardWhenManyWritesAndTheTriggerIsNotCritical() {
        assertEquals("weigh.writes-at-risk", Weighing.weigh(Severity.MAJOR, "x", cutAt(0), writes(100), H, limits()).branch());
        assertEquals("weigh.rollback", Weighing.weigh(Severity.MAJOR, "x", cutAt(0), writes(99), H, limits()).branch());
        assertEquals(DecisionKind.ROLLBACK, Weighing.weigh(Severity.CRITICAL, "x", cutAt(0), writes(5000), H, limits()).kind());
    }

    @Test
    void outsideTheWindowFixesForwardOrAsksWhenCritical() {
        assertEquals(DecisionKind.FIX_FORWARD, Weighing.weigh(Severity.MAJOR, "x", cutAt(0), writes(1), 24 * H, limits()).kind());
        assertEquals(DecisionKind.HOLD, Weighing.weigh(Severity.CRITICAL, "x", cutAt(0), writes(1), 24 * H, limits()).kind());
        assertEquals(DecisionKind.ROLLBACK, Weighing.weigh(Severity.CRITICAL, "x", cutAt(0), writes(1), 24 * H - 1, limits()).kind());
    }

    @Test
    void pastThePointOfNoReturnAlwaysFixesForward() {
        Weighing.Verdict v = Weighing.weigh(Severity.CRITICAL, "x", cutAt(0), writes(1), 72 * H, limits());
        assertEquals(DecisionKind.FIX_FORWARD, v.kind());
        assertEquals("weigh.past-point-of-no-return", v.branch());
    }

    @Test
    void unknownWritesAreSaidToBeUnknown() {
        Weighing.Verdict v = Weighing.weigh(Severity.MAJOR, "x", cutAt(0), new WriteCount("", 100), H, limits());
        assertTrue(v.words().contains("unknown number of writes"), v.words());
    }
}
