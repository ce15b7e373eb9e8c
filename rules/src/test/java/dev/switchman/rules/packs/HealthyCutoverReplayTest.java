package dev.switchman.rules.packs;

import static dev.switchman.rules.Fixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.rules.Fixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The rule packs together on a healthy cutover: every kind of check reporting good values every 10 s,
 * 15 minutes before cutover and one hour after. Once all checks pass the gate says GO every time, and
 * nothing after cutover asks for a rollback or a hold.
 */
class HealthyCutoverReplayTest {
    static final Duration TEN_S = Duration.ofSeconds(10);
    static final String[][] CHECKS = {
        {"www-ttl", "dns.ttl"}, {"cert", "tls.certificate"}, {"lag", "db.replication"}, {"errors", "metrics.error-rate"},
        {"p99", "metrics.latency"}, {"health", "http.health"}, {"home", "http.probe"}, {"cron", "heartbeat"},
        {"stripe", "webhook.delivery"}, {"spf", "mail.spf"}, {"dkim", "mail.dkim"}, {"dmarc", "mail.dmarc"},
        {"mx", "mail.mx"}, {"parity", "db.parity"}, {"orders", "writes"}};

    @Test
    void aHealthyOneHourCutoverNeverRollsBackAndNeverSaysNoGoOnceAllChecksPass() {
        Fixture f = new Fixture().oldSide(Map.of("host", "mx.old.example.test"))
                .threshold("write-counter-check", "orders").approval("approve-cutover");
        for (String[] c : CHECKS) {
            f.check(c[0], c[1], TEN_S);
        }
        f.open();
        f.approve("approve-cutover");
        SplittableRandom rnd = new SplittableRandom(7);
        List<String> all = java.util.Arrays.stream(CHECKS).map(c -> c[0]).toList();
        List<Decision> before = new ArrayList<>();
        List<Decision> gates = new ArrayList<>();
        long orders = 5000;
        for (int round = 0; round < 6 * 75; round++) {
            boolean after = round >= 6 * 15;
            if (round == 6 * 15) {
                Decision go = Fixture.gateVerdict(f.gate(all.toArray(String[]::new)));
                assertEquals(DecisionKind.GO, go.kind(), go.reason());
                f.cutover();
            }
            for (String[] c : CHECKS) {
                f.clock.advance(Duration.ofMillis(10_000 / CHECKS.length));
                orders += after ? rnd.nextInt(5) : 0;
                List<Decision> ds = f.result(c[0], c[1], CheckStatus.PASS, healthy(c[1], rnd, orders));
                if (!after) {
                    before.addAll(ds);
                }
            }
            if (round >= 6 * 11 && round % 6 == 0) {
                gates.add(Fixture.gateVerdict(f.gate(all.toArray(String[]::new))));
            }
        }
        assertTrue(before.isEmpty(), "nothing to say before cutover: " + ids(before));
        for (Decision g : gates) {
            assertEquals(DecisionKind.GO, g.kind(), g.reason());
        }
        List<Decision> bad = f.all.stream().filter(d -> d.kind() != DecisionKind.GO).toList();
        assertTrue(bad.isEmpty(), "no rollback, hold, advice or no-go: " + ids(bad));
    }

    static Object[] healthy(String kind, SplittableRandom rnd, long orders) {
        return switch (kind) {
            case "dns.ttl" -> new Object[] {"ttl", 300, "server", "ns1.example.test"};
            case "tls.certificate" -> new Object[] {"days-left", 80, "missing-names", List.of(), "chain-valid", true};
            case "db.replication" -> new Object[] {"lag-s", rnd.nextDouble() * 0.9};
            case "metrics.error-rate" -> new Object[] {"rate", rnd.nextDouble() * 0.01};
            case "metrics.latency" -> new Object[] {"p99-ms", 120 + rnd.nextInt(200)};
            case "http.health", "http.probe" -> new Object[] {"status", 200, "ttfb-ms", 40};
            case "heartbeat" -> new Object[] {"missed", 0};
            case "webhook.delivery" -> new Object[] {"failures", 0};
            case "mail.spf" -> new Object[] {"result", "pass"};
            case "mail.dkim" -> new Object[] {"key-type", "rsa", "key-bits", 2048};
            case "mail.dmarc" -> new Object[] {"policy", "reject", "pct", 100};
            case "mail.mx" -> new Object[] {"hosts", List.of("10 mx.new.example.test.")};
            case "db.parity" -> new Object[] {"old-count", 1000, "new-count", 1000, "old-checksum", "ab12", "new-checksum", "ab12"};
            case "writes" -> new Object[] {"writes", orders};
            default -> new Object[0];
        };
    }
}
