package dev.switchman.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.rules.Fixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A 72-hour replay keeps a bounded number of facts: latest state per check plus windowed samples. */
class MemoryBoundTest {
    @Test
    void factsStayBoundedOverASeventyTwoHourReplay() {
        Duration every = Duration.ofSeconds(30);
        Fixture f = new Fixture().check("errors", "metrics.error-rate", every).check("p99", "metrics.latency", every)
                .check("lag", "db.replication", every).check("ttl", "dns.ttl", every).check("health", "http.health", every).open();
        f.cutover();
        DroolsDecisionSession s = (DroolsDecisionSession) f.session;
        long at24h = -1;
        int perDay = 24 * 120;
        for (int i = 0; i < 3 * perDay; i++) {
            f.clock.advance(every);
            f.result("errors", "metrics.error-rate", CheckStatus.PASS, "rate", i % 2 == 0 ? 0.2 : 0.001);
            f.result("p99", "metrics.latency", CheckStatus.PASS, "p99-ms", 100 + i % 7);
            f.result("lag", "db.replication", CheckStatus.PASS, "lag-s", i % 50 == 0 ? 5 : 0.1);
            f.result("ttl", "dns.ttl", CheckStatus.PASS, "ttl", i % 100 == 0 ? 600 : 300);
            f.result("health", "http.health", i % 4 == 0 ? CheckStatus.FAIL : CheckStatus.PASS);
            if (i == perDay) {
                at24h = s.factCount();
            }
        }
        long at72h = s.factCount();
        // 5 check states + run, now, write count + at most (5m window + 2 intervals) / 30 s samples for 3 windowed checks
        // + a few findings and TTL lowerings
        assertTrue(at72h < 100, "facts after 72h: " + at72h + "\n" + s.dump());
        assertEquals(at24h, at72h, "no growth between 24h and 72h");
    }
}
