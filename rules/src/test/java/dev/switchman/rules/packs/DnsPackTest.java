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
import org.junit.jupiter.api.Test;

class DnsPackTest {
    static final Duration MIN = Duration.ofMinutes(1);

    Fixture dns() {
        return new Fixture().check("ttl", "dns.ttl", MIN).open();
    }

    List<Decision> ttl(Fixture f, long ttl) {
        return f.result("ttl", "dns.ttl", CheckStatus.PASS, "ttl", ttl, "server", "ns1.example.test");
    }

    @Test
    void ttlAboveMaximumIsAdvisedAndBlocksTheGate() {
        Fixture f = dns();
        List<Decision> ds = ttl(f, 301);
        assertEquals(DecisionKind.ADVISE, byRule(ds, "dns.ttl-above-max").get(0).kind(), ids(ds));
        assertEquals(DecisionKind.NO_GO, gateVerdict(f.gate("ttl")).kind());
    }

    @Test
    void ttlAtTheMaximumIsFine() {
        Fixture f = dns();
        List<Decision> ds = ttl(f, 300);
        assertFalse(has(ds, "dns.ttl-above-max"), ids(ds));
        assertEquals(DecisionKind.GO, gateVerdict(f.gate("ttl")).kind());
    }

    @Test
    void maximumComesFromTheRunbook() {
        Fixture f = new Fixture().check("ttl", "dns.ttl", MIN).threshold("dns-max-ttl", "60").open();
        assertTrue(has(ttl(f, 61), "dns.ttl-above-max"));
    }

    @Test
    void loweringMustPropagateForOneOldTtlAndSaysTheEarliestSafeTime() {
        Fixture f = dns();
        ttl(f, 3600);
        f.clock.advance(MIN);
        List<Decision> ds = ttl(f, 300);
        Decision d = byRule(ds, "dns.ttl-not-propagated").get(0);
        assertTrue(d.reason().contains("Earliest safe cutover: 2026-11-22T11:01:00Z"), d.reason());
        f.clock.advance(Duration.ofMinutes(60).minusSeconds(1));
        ttl(f, 300);
        Decision g = gateVerdict(f.gate("ttl"));
        assertEquals(DecisionKind.NO_GO, g.kind(), "one second before the old TTL has passed");
        f.clock.advance(Duration.ofSeconds(1));
        ttl(f, 300);
        Decision go = gateVerdict(f.gate("ttl"));
        assertEquals(DecisionKind.GO, go.kind(), "exactly one old TTL later: " + go.reason());
    }

    @Test
    void stepWiseReductionsThatDoNotWaitAreCalledOut() {
        Fixture f = dns();
        ttl(f, 86400);
        f.clock.advance(MIN);
        ttl(f, 3600);
        f.clock.advance(Duration.ofHours(2));
        List<Decision> ds = ttl(f, 300);
        Decision d = byRule(ds, "dns.ttl-step-too-early").get(0);
        assertTrue(d.reason().contains("earliest safe cutover is 2026-11-23T10:01:00Z"), d.reason());
        Decision g = gateVerdict(f.gate("ttl"));
        assertTrue(g.reason().contains("2026-11-23T10:01:00Z"), g.reason());
    }

    @Test
    void stepWiseReductionsThatWaitAreFine() {
        Fixture f = dns();
        ttl(f, 3600);
        f.clock.advance(MIN);
        ttl(f, 600);
        f.clock.advance(Duration.ofHours(1));
        List<Decision> ds = ttl(f, 300);
        assertFalse(has(ds, "dns.ttl-step-too-early"), ids(ds));
        f.clock.advance(Duration.ofMinutes(10));
        ttl(f, 300);
        assertEquals(DecisionKind.GO, gateVerdict(f.gate("ttl")).kind());
    }

    @Test
    void providersSafeAfterInTheFutureBlocks() {
        Fixture f = dns();
        List<Decision> ds = f.result("ttl", "dns.ttl", CheckStatus.PASS, "ttl", 300, "safe-after", "2026-11-22T10:30:00Z");
        assertTrue(has(ds, "dns.ttl-safe-after"), ids(ds));
        f.clock.advance(Duration.ofMinutes(30));
        f.result("ttl", "dns.ttl", CheckStatus.PASS, "ttl", 300, "safe-after", "2026-11-22T10:30:00Z");
        assertEquals(DecisionKind.GO, gateVerdict(f.gate("ttl")).kind());
    }

    @Test
    void aResultWithoutATtlSaysNothing() {
        Fixture f = dns();
        ttl(f, 300);
        List<Decision> ds = f.result("ttl", "dns.ttl", CheckStatus.UNKNOWN);
        assertTrue(ds.isEmpty(), ids(ds));
        ds = ttl(f, 300);
        assertTrue(ds.isEmpty(), "absent is not a lowering nor a raise: " + ids(ds));
    }

    @Test
    void theFirstResultIsNotALowering() {
        assertTrue(ttl(dns(), 60).isEmpty());
    }

    @Test
    void resolversStillOnTheOldAddressAfterTheGraceAreASplitBrain() {
        Fixture f = new Fixture().check("prop", "dns.propagation", MIN).threshold("propagation-grace", "15m").open();
        f.cutover();
        f.clock.advance(Duration.ofMinutes(14));
        List<Decision> ds = f.result("prop", "dns.propagation", CheckStatus.WARN, "on-new", 0.8, "on-old", 0.2);
        assertFalse(has(ds, "dns.split-brain"), "inside the grace: " + ids(ds));
        f.clock.advance(MIN);
        ds = f.result("prop", "dns.propagation", CheckStatus.WARN, "on-new", 0.8, "on-old", 0.2);
        Decision d = byRule(ds, "dns.split-brain").get(0);
        assertEquals(DecisionKind.ADVISE, d.kind());
        assertTrue(d.reason().contains("20% of resolvers"), d.reason());
    }

    @Test
    void fullPropagationIsNoSplitBrain() {
        Fixture f = new Fixture().check("prop", "dns.propagation", MIN).open();
        f.cutover();
        f.clock.advance(Duration.ofHours(1));
        assertFalse(has(f.result("prop", "dns.propagation", CheckStatus.PASS, "on-new", 1.0, "on-old", 0.0), "dns.split-brain"));
    }
}
