package dev.switchman.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.runbook.Severity;
import dev.switchman.rules.fact.CheckState;
import dev.switchman.rules.fact.DataAtRisk;
import dev.switchman.rules.fact.Limits;
import dev.switchman.rules.fact.Trigger;
import dev.switchman.rules.fact.Weighing;
import dev.switchman.rules.fact.WriteCount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weighing's branches at their boundaries, and the writes a rollback would strand. */
class WeighingTest {
    static final long H = 3_600_000L;
    static final long M = 60_000L;

    Limits limits() {
        return new Limits(new Fixture().threshold("fix-forward-writes", "100").threshold("write-noun", "orders")
                .threshold("major-escalate-after", "30m")
                .rollbackWindow(Duration.ofHours(24)).pointOfNoReturn(Duration.ofHours(72)).runbook());
    }

    static Trigger trigger(Severity s, long sinceMs) {
        return new Trigger("rollback.error-rate", "error-rate", s, "test", "error rate up", "the error rate at 3.1%",
                sinceMs, 30 * M, List.of());
    }

    DataAtRisk atRisk(long writes) {
        DataAtRisk d = new DataAtRisk();
        WriteCount w = new WriteCount("orders", 100);
        if (writes >= 0) {
            w.observe(0, false);
            w.observe(writes, true);
        }
        d.update(w, null, null, 0, H, limits());
        return d;
    }

    Weighing.Verdict weigh(Severity s, long writes, long nowMs) {
        return Weighing.weigh(trigger(s, nowMs - 9 * M), atRisk(writes), 0, nowMs, limits());
    }

    @Test
    void criticalWithNothingStrandedRollsBackAtOnceAndSaysWhy() {
        Weighing.Verdict v = weigh(Severity.CRITICAL, 0, H);
        assertEquals(DecisionKind.ROLLBACK, v.kind());
        assertEquals("weigh.rollback", v.branch());
        assertTrue(v.words().contains("critical: test"), v.words());
        assertTrue(v.words().contains("Rolling back strands nothing"), v.words());
        assertTrue(v.words().contains("the error rate at 3.1% for 9m"), v.words());
        assertTrue(v.words().contains("23h left in the rollback window"), v.words());
    }

    @Test
    void strandedWritesAskTheAuthorityWithBothSidesInNumbers() {
        Weighing.Verdict v = weigh(Severity.CRITICAL, 1, H);
        assertEquals(DecisionKind.HOLD, v.kind());
        assertEquals("weigh.writes-stranded", v.branch());
        v = weigh(Severity.CRITICAL, 99, H);
        assertEquals("weigh.writes-stranded", v.branch());
        assertTrue(v.words().contains("Rolling back strands ~99 orders written since 1970-01-01T00:00:00Z that the old side"
                + " does not have"), v.words());
        assertTrue(v.words().contains("fixing forward keeps them, with the error rate at 3.1% for 9m"), v.words());
        assertTrue(v.words().contains("console:carol"), v.words());
    }

    @Test
    void atTheFixForwardLimitFixesForward() {
        assertEquals("weigh.writes-at-risk", weigh(Severity.CRITICAL, 100, H).branch());
        assertEquals(DecisionKind.FIX_FORWARD, weigh(Severity.CRITICAL, 100, H).kind());
    }

    @Test
    void anUnknownWriteCountIsNeverZero() {
        Weighing.Verdict v = weigh(Severity.CRITICAL, -1, H);
        assertEquals(DecisionKind.HOLD, v.kind());
        assertEquals("weigh.writes-unknown", v.branch());
        assertTrue(v.words().contains("unknown number of orders"), v.words());
    }

    @Test
    void majorHoldsAndNamesTheCheckUntilItEscalates() {
        Trigger t = trigger(Severity.MAJOR, 0);
        Weighing.Verdict v = Weighing.weigh(t, atRisk(0), 0, 29 * M, limits());
        assertEquals(DecisionKind.HOLD, v.kind());
        assertEquals("weigh.major", v.branch());
        assertTrue(v.words().contains("fix error-rate forward or roll back"), v.words());
        assertTrue(v.words().contains("still fails at 1970-01-01T00:30:00Z"), v.words());
        assertEquals(30 * M, t.getEscalateAtMs());
        t.setEscalated(true);
        v = Weighing.weigh(t, atRisk(0), 0, 30 * M, limits());
        assertEquals(DecisionKind.ROLLBACK, v.kind());
        assertTrue(v.words().contains("major, escalated"), v.words());
        assertEquals("weigh.writes-at-risk", Weighing.weigh(t, atRisk(500), 0, 30 * M, limits()).branch());
    }

    @Test
    void minorOnlyAdvises() {
        Weighing.Verdict v = weigh(Severity.MINOR, 0, H);
        assertEquals(DecisionKind.ADVISE, v.kind());
        assertEquals("weigh.minor", v.branch());
    }

    @Test
    void outsideTheWindowFixesForwardAndPastThePointOfNoReturnToo() {
        assertEquals("weigh.rollback", weigh(Severity.CRITICAL, 0, 24 * H - 1).branch());
        assertEquals("weigh.outside-window", weigh(Severity.CRITICAL, 0, 24 * H).branch());
        assertEquals("weigh.outside-window", weigh(Severity.CRITICAL, -1, 24 * H).branch());
        assertEquals("weigh.past-point-of-no-return", weigh(Severity.CRITICAL, 0, 72 * H).branch());
        assertEquals("weigh.past-point-of-no-return", weigh(Severity.MINOR, 0, 72 * H).branch());
    }

    // ---- what a rollback strands -----------------------------------------------------------------

    Limits reverseLimits() {
        return new Limits(new Fixture().threshold("fix-forward-writes", "1000").threshold("write-counter-check", "orders")
                .threshold("replication-lag-s", "1").runbook());
    }

    static CheckState reverse(CheckStatus st, Double lag, long atMs) {
        CheckState s = new CheckState("db-reverse", "db.replication", 30_000, true, 0);
        Map<String, Object> obs = lag == null ? Map.of() : Map.of("lag-s", lag);
        s.observe(new CheckResult("db-reverse", "db.replication", "t", st, obs, "", Instant.ofEpochMilli(atMs), Duration.ZERO),
                3, 2, 0);
        return s;
    }

    DataAtRisk withReverse(CheckState rev, long writes) {
        WriteCount w = new WriteCount("orders", 1000);
        w.observe(0, false);
        w.observe(writes, true);
        DataAtRisk d = new DataAtRisk();
        d.update(w, rev, null, 0, 600_000, reverseLimits());
        return d;
    }

    @Test
    void healthyReverseReplicationStrandsNothingUpToTheLagThreshold() {
        assertEquals(DataAtRisk.NONE, withReverse(reverse(CheckStatus.PASS, 1.0, 590_000), 600).getBand());
        DataAtRisk d = withReverse(reverse(CheckStatus.WARN, 60.0, 590_000), 600);
        assertEquals(DataAtRisk.SOME, d.getBand());
        assertEquals(60, d.getWrites()); // the last 60 s of 10 minutes of writes
    }

    @Test
    void brokenUnknownOrSilentReverseReplicationStrandsEveryWrite() {
        assertEquals(600, withReverse(reverse(CheckStatus.FAIL, 0.2, 590_000), 600).getWrites());
        assertEquals(600, withReverse(reverse(CheckStatus.UNKNOWN, null, 590_000), 600).getWrites());
        assertEquals(600, withReverse(reverse(CheckStatus.PASS, 0.2, -1), 600).getWrites()); // nothing since cutover
        assertEquals(600, withReverse(reverse(CheckStatus.PASS, 0.2, 400_000), 600).getWrites()); // silent 200 s > 3 x 30 s
        assertEquals(DataAtRisk.MANY, withReverse(reverse(CheckStatus.FAIL, 0.2, 590_000), 1000).getBand());
    }

    @Test
    void aParityCheckCountsWhatTheOldSideLacks() {
        CheckState p = new CheckState("parity", "db.parity", 60_000, true, 0);
        p.observe(new CheckResult("parity", "db.parity", "t", CheckStatus.FAIL, Map.of("old-count", 1000, "new-count", 1600),
                "", Instant.ofEpochMilli(500_000), Duration.ZERO), 3, 2, 0);
        DataAtRisk d = new DataAtRisk();
        d.update(new WriteCount("", 1000), null, p, 0, 600_000, reverseLimits());
        assertEquals(600, d.getWrites());
        assertTrue(d.getBasis().contains("parity check parity"), d.getBasis());
    }

    @Test
    void defaultSeveritiesPerKind() {
        assertEquals(Severity.CRITICAL, dev.switchman.rules.fact.Kinds.defaultSeverity("metrics.error-rate", false));
        assertEquals(Severity.CRITICAL, dev.switchman.rules.fact.Kinds.defaultSeverity("metrics.latency", true));
        assertEquals(Severity.CRITICAL, dev.switchman.rules.fact.Kinds.defaultSeverity("http.health", true));
        assertEquals(Severity.MAJOR, dev.switchman.rules.fact.Kinds.defaultSeverity("heartbeat", false));
        assertEquals(Severity.MAJOR, dev.switchman.rules.fact.Kinds.defaultSeverity("webhook.delivery", true));
        assertEquals(Severity.MAJOR, dev.switchman.rules.fact.Kinds.defaultSeverity("queue.depth", false));
        assertEquals(Severity.MAJOR, dev.switchman.rules.fact.Kinds.defaultSeverity("dns.record", true));
        assertEquals(Severity.MINOR, dev.switchman.rules.fact.Kinds.defaultSeverity("dns.record", false));
    }
}
