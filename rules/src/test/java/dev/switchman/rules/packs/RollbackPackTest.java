package dev.switchman.rules.packs;

import static dev.switchman.rules.Fixture.byRule;
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

class RollbackPackTest {
    static final Duration TEN_S = Duration.ofSeconds(10);

    /** Feeds one error-rate sample every 10 s for {@code d}, returning every decision. */
    static List<Decision> errorRate(Fixture f, double rate, Duration d) {
        List<Decision> out = new ArrayList<>();
        for (long s = 0; s < d.toSeconds(); s += 10) {
            f.clock.advance(TEN_S);
            out.addAll(f.result("errors", "metrics.error-rate", CheckStatus.PASS, "rate", rate));
        }
        return out;
    }

    static Fixture errorsFixture() {
        Fixture f = new Fixture().check("errors", "metrics.error-rate", TEN_S).writeCounter()
                .threshold("error-rate", "0.05").threshold("error-window", "5m").open();
        f.writes(0);
        return f;
    }

    /** A fixture with the write counter read before cutover (nothing written since: a rollback strands nothing). */
    static Fixture nothingWritten(Fixture f) {
        f.writeCounter().open();
        f.writes(0);
        return f;
    }

    @Test
    void rollsBackWhenErrorRateStaysAboveThresholdForWindow() {
        Fixture f = errorsFixture();
        f.cutover();
        List<Decision> ds = errorRate(f, 0.08, Duration.ofMinutes(6));
        List<Decision> rb = byRule(ds, "rollback.error-rate");
        assertEquals(1, rb.size(), ids(ds));
        assertEquals(DecisionKind.ROLLBACK, rb.get(0).kind());
        assertTrue(rb.get(0).reason().contains("8%"), rb.get(0).reason());
        assertEquals("cutover", rb.get(0).phase());
    }

    @Test
    void doesNotRollBackBeforeTheWindowIsFull() {
        Fixture f = errorsFixture();
        f.cutover();
        List<Decision> ds = errorRate(f, 0.08, Duration.ofSeconds(290));
        assertFalse(has(ds, "rollback.error-rate"), ids(ds));
        // the sample that completes the 5-minute window (first at +10s, this one at +5m10s) fires it
        ds = errorRate(f, 0.08, Duration.ofSeconds(20));
        assertTrue(has(ds, "rollback.error-rate"), ids(ds));
    }

    @Test
    void doesNotRollBackAtExactlyTheThreshold() {
        Fixture f = errorsFixture();
        f.cutover();
        List<Decision> ds = errorRate(f, 0.05, Duration.ofMinutes(10));
        assertFalse(has(ds, "rollback.error-rate"), ids(ds));
    }

    @Test
    void rollsBackJustAboveTheThreshold() {
        Fixture f = errorsFixture();
        f.cutover();
        List<Decision> ds = errorRate(f, 0.0501, Duration.ofMinutes(6));
        assertTrue(has(ds, "rollback.error-rate"), ids(ds));
    }

    @Test
    void oneGoodSampleInTheWindowResetsIt() {
        Fixture f = errorsFixture();
        f.cutover();
        List<Decision> ds = new ArrayList<>(errorRate(f, 0.08, Duration.ofMinutes(3)));
        ds.addAll(errorRate(f, 0.01, Duration.ofSeconds(10)));
        ds.addAll(errorRate(f, 0.08, Duration.ofMinutes(4)));
        assertFalse(has(ds, "rollback.error-rate"), ids(ds));
    }

    @Test
    void firesOnceWhileTheBreachLastsAndAgainAfterItClears() {
        Fixture f = errorsFixture();
        f.cutover();
        List<Decision> ds = errorRate(f, 0.08, Duration.ofMinutes(20));
        assertEquals(1, byRule(ds, "rollback.error-rate").size(), ids(ds));
        ds = errorRate(f, 0.01, Duration.ofMinutes(1));
        assertFalse(has(ds, "rollback.error-rate"));
        ds = errorRate(f, 0.08, Duration.ofMinutes(6));
        assertEquals(1, byRule(ds, "rollback.error-rate").size(), ids(ds));
    }

    @Test
    void errorRateBeforeCutoverIsNoTrigger() {
        Fixture f = errorsFixture();
        List<Decision> ds = errorRate(f, 0.5, Duration.ofMinutes(10));
        assertFalse(has(ds, "rollback.error-rate"), ids(ds));
    }

    @Test
    void rollsBackWhenP99LatencyStaysAboveThresholdForWindow() {
        Fixture f = nothingWritten(new Fixture().check("p99", "metrics.latency", TEN_S)
                .threshold("latency-p99-ms", "800").threshold("latency-window", "2m"));
        f.cutover();
        List<Decision> ds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            f.clock.advance(TEN_S);
            ds.addAll(f.result("p99", "metrics.latency", CheckStatus.PASS, "p99-ms", 801));
        }
        assertFalse(has(ds, "rollback.latency-p99"), "window of 2m not yet full: " + ids(ds));
        f.clock.advance(TEN_S);
        ds = f.result("p99", "metrics.latency", CheckStatus.PASS, "p99-ms", 1200);
        assertEquals(DecisionKind.ROLLBACK, byRule(ds, "rollback.latency-p99").get(0).kind(), ids(ds));
    }

    @Test
    void latencyAtExactlyTheThresholdIsNoTrigger() {
        Fixture f = nothingWritten(new Fixture().check("p99", "metrics.latency", TEN_S)
                .threshold("latency-p99-ms", "800").threshold("latency-window", "2m"));
        f.cutover();
        List<Decision> ds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            f.clock.advance(TEN_S);
            ds.addAll(f.result("p99", "metrics.latency", CheckStatus.PASS, "p99-ms", 800));
        }
        assertFalse(has(ds, "rollback.latency-p99"), ids(ds));
    }

    static List<Decision> health(Fixture f, CheckStatus... statuses) {
        List<Decision> ds = new ArrayList<>();
        for (CheckStatus st : statuses) {
            f.clock.advance(TEN_S);
            ds.addAll(f.result("health", "http.health", st, "status", st == CheckStatus.PASS ? 200 : 503));
        }
        return ds;
    }

    @Test
    void rollsBackAfterFailureLimitConsecutiveFailedHealthChecks() {
        Fixture f = nothingWritten(new Fixture().check("health", "http.health", TEN_S).threshold("health-failure-limit", "3"));
        f.cutover();
        List<Decision> ds = health(f, CheckStatus.FAIL, CheckStatus.FAIL);
        assertFalse(has(ds, "rollback.health-failures"), "two of three: " + ids(ds));
        ds = health(f, CheckStatus.ERROR);
        Decision d = byRule(ds, "rollback.health-failures").get(0);
        assertEquals(DecisionKind.ROLLBACK, d.kind());
        assertTrue(d.reason().contains("3 health checks in a row"), d.reason());
    }

    @Test
    void aPassBetweenFailuresResetsTheCount() {
        Fixture f = new Fixture().check("health", "http.health", TEN_S).threshold("health-failure-limit", "3").open();
        f.cutover();
        List<Decision> ds = health(f, CheckStatus.FAIL, CheckStatus.FAIL, CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.FAIL);
        assertFalse(has(ds, "rollback.health-failures"), ids(ds));
    }

    @Test
    void healthFailuresBeforeCutoverAreNoTrigger() {
        Fixture f = new Fixture().check("health", "http.health", TEN_S).open();
        List<Decision> ds = health(f, CheckStatus.FAIL, CheckStatus.FAIL, CheckStatus.FAIL, CheckStatus.FAIL);
        assertFalse(has(ds, "rollback.health-failures"), ids(ds));
    }

    @Test
    void aMissedHeartbeatIsMajorHoldsNamingItThenEscalatesPastMajorEscalateAfter() {
        Fixture f = nothingWritten(new Fixture().check("cron", "heartbeat", Duration.ofMinutes(1))
                .threshold("major-escalate-after", "30m"));
        f.cutover();
        f.clock.advance(Duration.ofMinutes(1));
        List<Decision> ds = f.result("cron", "heartbeat", CheckStatus.PASS, "missed", 0, "last-seen", f.clock.instant().toString());
        assertFalse(has(ds, "rollback.heartbeat-missed"), ids(ds));
        f.clock.advance(Duration.ofMinutes(1));
        ds = f.result("cron", "heartbeat", CheckStatus.FAIL, "missed", 1);
        Decision hold = byRule(ds, "rollback.heartbeat-missed").get(0);
        assertEquals(DecisionKind.HOLD, hold.kind(), ids(ds));
        assertTrue(hold.reason().contains("major: heartbeat checks are major by default"), hold.reason());
        assertTrue(hold.reason().contains("whether to fix cron forward or roll back"), hold.reason());
        assertTrue(hold.reason().contains("[weigh.major]"), hold.reason());
        ds = f.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertFalse(has(ds, "rollback.heartbeat-missed"), "not yet 30m: " + ids(ds));
        ds = f.advance(Duration.ofSeconds(1));
        assertTrue(has(ds, "rollback.heartbeat-missed"), ids(f.all));
        Decision rb = byRule(ds, "rollback.heartbeat-missed").get(0);
        assertEquals(DecisionKind.ROLLBACK, rb.kind(), ids(ds));
        assertTrue(rb.reason().contains("major, escalated"), rb.reason());
    }

    @Test
    void aMajorTriggerThatClearsBeforeEscalatingIsNeverARollback() {
        Fixture f = nothingWritten(new Fixture().check("cron", "heartbeat", Duration.ofMinutes(1)));
        f.cutover();
        f.clock.advance(Duration.ofMinutes(1));
        f.result("cron", "heartbeat", CheckStatus.FAIL, "missed", 1);
        f.clock.advance(Duration.ofMinutes(20));
        f.result("cron", "heartbeat", CheckStatus.PASS, "missed", 0);
        List<Decision> ds = f.advance(Duration.ofHours(1));
        assertFalse(f.all.stream().anyMatch(d -> d.kind() == DecisionKind.ROLLBACK), ids(f.all));
        assertFalse(has(ds, "rollback.heartbeat-missed"), ids(ds));
    }

    @Test
    void aMinorTriggerOnlyAdvises() {
        Fixture f = nothingWritten(new Fixture().check("cron", "heartbeat", Duration.ofMinutes(1),
                dev.switchman.core.runbook.Severity.MINOR));
        f.cutover();
        f.clock.advance(Duration.ofMinutes(1));
        List<Decision> ds = f.result("cron", "heartbeat", CheckStatus.FAIL, "missed", 1);
        Decision d = byRule(ds, "rollback.heartbeat-missed").get(0);
        assertEquals(DecisionKind.ADVISE, d.kind(), ids(ds));
        assertTrue(d.reason().contains("minor: the runbook declares cron severity: minor"), d.reason());
        f.advance(Duration.ofHours(2));
        assertEquals(List.of(DecisionKind.ADVISE), byRule(f.all, "rollback.heartbeat-missed").stream().map(Decision::kind).toList());
        assertFalse(f.all.stream().anyMatch(x -> x.kind() == DecisionKind.ROLLBACK), ids(f.all));
    }

    @Test
    void heartbeatLastSeenOlderThanMaxAgeIsATrigger() {
        Fixture f = new Fixture().check("cron", "heartbeat", Duration.ofMinutes(1)).threshold("heartbeat-max-age", "10m").open();
        f.cutover();
        f.clock.advance(Duration.ofMinutes(10));
        List<Decision> ds = f.result("cron", "heartbeat", CheckStatus.PASS, "last-seen", Fixture.T0.toString());
        assertFalse(has(ds, "rollback.heartbeat-missed"), "exactly 10m old: " + ids(ds));
        f.clock.advance(Duration.ofSeconds(1));
        ds = f.result("cron", "heartbeat", CheckStatus.PASS, "last-seen", Fixture.T0.toString());
        assertTrue(has(ds, "rollback.heartbeat-missed"), ids(ds));
    }

    @Test
    void rollsBackOnPaymentWebhookFailures() {
        Fixture f = nothingWritten(new Fixture().check("stripe", "webhook.delivery", Duration.ofMinutes(1),
                dev.switchman.core.runbook.Severity.CRITICAL).threshold("webhook-failure-limit", "2"));
        f.cutover();
        f.clock.advance(Duration.ofMinutes(1));
        List<Decision> ds = f.result("stripe", "webhook.delivery", CheckStatus.WARN, "failures", 1);
        assertFalse(has(ds, "rollback.webhook-failures"), ids(ds));
        f.clock.advance(Duration.ofMinutes(1));
        ds = f.result("stripe", "webhook.delivery", CheckStatus.FAIL, "failures", 2);
        Decision d = byRule(ds, "rollback.webhook-failures").get(0);
        assertEquals(DecisionKind.ROLLBACK, d.kind(), ids(ds));
        assertTrue(d.reason().contains("critical: the runbook declares stripe severity: critical"), d.reason());
    }

    @Test
    void oneWebhookEndpointIsMajorByDefault() {
        Fixture f = nothingWritten(new Fixture().check("stripe", "webhook.delivery", Duration.ofMinutes(1))
                .threshold("webhook-failure-limit", "2"));
        f.cutover();
        f.clock.advance(Duration.ofMinutes(1));
        List<Decision> ds = f.result("stripe", "webhook.delivery", CheckStatus.FAIL, "failures", 2);
        assertEquals(DecisionKind.HOLD, byRule(ds, "rollback.webhook-failures").get(0).kind(), ids(ds));
    }

    @Test
    void aCriticalTriggerWithAnUnknownWriteCountAsksTheAuthority() {
        Fixture f = new Fixture().check("health", "http.health", TEN_S).open();
        f.cutover();
        List<Decision> ds = health(f, CheckStatus.FAIL, CheckStatus.FAIL, CheckStatus.FAIL);
        Decision d = byRule(ds, "rollback.health-failures").get(0);
        assertEquals(DecisionKind.HOLD, d.kind());
        assertTrue(d.reason().contains("[weigh.writes-unknown]"), d.reason());
        assertTrue(d.reason().contains("never zero"), d.reason());
    }

    @Test
    void aCriticalTriggerThatWouldStrandSomeWritesAsksWithBothSides() {
        Fixture f = new Fixture().check("health", "http.health", TEN_S).threshold("write-noun", "orders");
        f.writeCounter().open();
        f.writes(5000);
        f.cutover();
        f.clock.advance(Duration.ofMinutes(1));
        f.writes(5600);
        List<Decision> ds = health(f, CheckStatus.FAIL, CheckStatus.FAIL, CheckStatus.FAIL);
        Decision d = byRule(ds, "rollback.health-failures").get(0);
        assertEquals(DecisionKind.HOLD, d.kind(), d.reason());
        assertTrue(d.reason().contains("Rolling back strands ~600 orders written since 2026-11-22T10:00:00Z"), d.reason());
        assertTrue(d.reason().contains("fixing forward keeps them, with health failing its health checks for 20s"), d.reason());
    }

    @Test
    void unmeasurableTriggerAfterCutoverHoldsAndAsksTheRollbackAuthority() {
        Fixture f = errorsFixture();
        f.cutover();
        f.clock.advance(TEN_S);
        List<Decision> ds = f.result("errors", "metrics.error-rate", CheckStatus.UNKNOWN);
        Decision d = byRule(ds, "rollback.inconclusive").get(0);
        assertEquals(DecisionKind.HOLD, d.kind());
        assertTrue(d.reason().contains("console:carol"), d.reason());
        assertFalse(ds.stream().anyMatch(x -> x.kind() == DecisionKind.GO));
    }

    @Test
    void unmeasurableTriggerBeforeCutoverIsNoHold() {
        Fixture f = errorsFixture();
        f.clock.advance(TEN_S);
        List<Decision> ds = f.result("errors", "metrics.error-rate", CheckStatus.UNKNOWN);
        assertFalse(has(ds, "rollback.inconclusive"), ids(ds));
    }

    @Test
    void triggerWithNoDataSinceCutoverHolds() {
        Fixture f = errorsFixture();
        f.cutover();
        List<Decision> ds = f.advance(Duration.ofSeconds(30));
        assertFalse(has(ds, "rollback.no-data"), "exactly three intervals: " + ids(ds));
        ds = f.advance(Duration.ofSeconds(1));
        assertEquals(DecisionKind.HOLD, byRule(ds, "rollback.no-data").get(0).kind(), ids(ds));
    }

    @Test
    void recommendsFixForwardPastThePointOfNoReturn() {
        Fixture f = nothingWritten(new Fixture().check("health", "http.health", TEN_S).pointOfNoReturn(Duration.ofHours(1)));
        f.cutover();
        f.advance(Duration.ofHours(1));
        List<Decision> ds = health(f, CheckStatus.FAIL, CheckStatus.FAIL, CheckStatus.FAIL);
        Decision d = byRule(ds, "rollback.health-failures").get(0);
        assertEquals(DecisionKind.FIX_FORWARD, d.kind());
        assertTrue(d.reason().contains("point of no return"), d.reason());
    }

    @Test
    void weighsWritesOnTheNewSide() {
        Fixture f = new Fixture().check("p99", "metrics.latency", TEN_S).check("orders", "writes", Duration.ofMinutes(1))
                .threshold("write-counter-check", "orders").threshold("fix-forward-writes", "500")
                .threshold("latency-window", "1m").open();
        f.result("orders", "writes", CheckStatus.PASS, "writes", 10_000);
        f.cutover();
        f.clock.advance(TEN_S);
        f.result("orders", "writes", CheckStatus.PASS, "writes", 10_600);
        List<Decision> ds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            f.clock.advance(TEN_S);
            ds.addAll(f.result("p99", "metrics.latency", CheckStatus.FAIL, "p99-ms", 2500));
        }
        Decision d = byRule(ds, "rollback.latency-p99").get(0);
        assertEquals(DecisionKind.FIX_FORWARD, d.kind(), d.reason());
        assertTrue(d.reason().contains("~600 writes"), d.reason());
    }

    @Test
    void announcesAgainWhenTheRecommendationChanges() {
        Fixture f = nothingWritten(new Fixture().check("health", "http.health", TEN_S).rollbackWindow(Duration.ofMinutes(5)));
        f.cutover();
        List<Decision> ds = health(f, CheckStatus.FAIL, CheckStatus.FAIL, CheckStatus.FAIL);
        assertEquals(DecisionKind.ROLLBACK, byRule(ds, "rollback.health-failures").get(0).kind());
        ds = health(f, CheckStatus.FAIL, CheckStatus.FAIL, CheckStatus.FAIL);
        assertFalse(has(ds, "rollback.health-failures"), "same state: " + ids(ds));
        ds = f.advance(Duration.ofMinutes(5));
        assertEquals(DecisionKind.FIX_FORWARD, byRule(ds, "rollback.health-failures").get(0).kind(),
                "past the rollback window rolling back is no longer planned: " + ids(ds));
    }
}
