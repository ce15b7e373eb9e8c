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
        return new Fixture().check("errors", "metrics.error-rate", TEN_S)
                .threshold("error-rate", "0.05").threshold("error-window", "5m").open();
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
        Fixture f = new Fixture().check("p99", "metrics.latency", TEN_S)
                .threshold("latency-p99-ms", "800").threshold("latency-window", "2m").open();
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
        Fixture f = new Fixture().check("p99", "metrics.latency", TEN_S)
                .threshold("latency-p99-ms", "800").threshold("latency-window", "2m").open();
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
        Fixture f = new Fixture().check("health", "http.health", TEN_S).threshold("health-failure-limit", "3").open();
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
    void rollsBackWhenAHeartbeatIsMissed() {
        Fixture f = new Fixture().check("cron", "heartbeat", Duration.ofMinutes(1)).open();
        f.cutover();
        f.clock.advance(Duration.ofMinutes(1));
        List<Decision> ds = f.result("cron", "heartbeat", CheckStatus.PASS, "missed", 0, "last-seen", f.clock.instant().toString());
        assertFalse(has(ds, "rollback.heartbeat-missed"), ids(ds));
        f.clock.advance(Duration.ofMinutes(1));
        ds = f.result("cron", "heartbeat", CheckStatus.FAIL, "missed", 1);
        assertEquals(DecisionKind.ROLLBACK, byRule(ds, "rollback.heartbeat-missed").get(0).kind(), ids(ds));
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
        Fixture f = new Fixture().check("stripe", "webhook.delivery", Duration.ofMinutes(1)).threshold("webhook-failure-limit", "2").open();
        f.cutover();
        f.clock.advance(Duration.ofMinutes(1));
        List<Decision> ds = f.result("stripe", "webhook.delivery", CheckStatus.WARN, "failures", 1);
        assertFalse(has(ds, "rollback.webhook-failures"), ids(ds));
        f.clock.advance(Duration.ofMinutes(1));
        ds = f.result("stripe", "webhook.delivery", CheckStatus.FAIL, "failures", 2);
        assertEquals(DecisionKind.ROLLBACK, byRule(ds, "rollback.webhook-failures").get(0).kind(), ids(ds));
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
        Fixture f = new Fixture().check("health", "http.health", TEN_S).pointOfNoReturn(Duration.ofHours(1)).open();
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
        assertTrue(d.reason().contains("600 writes"), d.reason());
    }

    @Test
    void announcesAgainWhenTheRecommendationChanges() {
        Fixture f = new Fixture().check("health", "http.health", TEN_S).rollbackWindow(Duration.ofMinutes(5)).open();
        f.cutover();
        List<Decision> ds = health(f, CheckStatus.FAIL, CheckStatus.FAIL, CheckStatus.FAIL);
        assertEquals(DecisionKind.ROLLBACK, byRule(ds, "rollback.health-failures").get(0).kind());
        ds = health(f, CheckStatus.FAIL, CheckStatus.FAIL, CheckStatus.FAIL);
        assertFalse(has(ds, "rollback.health-failures"), "same state: " + ids(ds));
        ds = f.advance(Duration.ofMinutes(5));
        assertEquals(DecisionKind.HOLD, byRule(ds, "rollback.health-failures").get(0).kind(),
                "critical trigger past the rollback window asks the authority: " + ids(ds));
    }
}
