package dev.switchman.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written check-result payload is exactly what the mapper writes for the record. */
class PayloadsTest {

    private static void same(CheckResult r) throws Exception {
        assertEquals(Payloads.MAPPER.writeValueAsString(r), Payloads.checkResult(r));
    }

    @Test
    void checkResultPayloadMatchesTheMapperForEveryValueType() throws Exception {
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("ttl", 300);
        obs.put("lag-s", 1.25);
        obs.put("big", 12345678901L);
        obs.put("ok", true);
        obs.put("gone", null);
        obs.put("names", List.of("a", "b\"q"));
        obs.put("nested", Map.of("x", 1.0E-7, "y", "é\n"));
        obs.put("float", 0.1f);
        obs.put("huge", 1.0E300);
        same(new CheckResult("www-ttl", "dns.resolve", "www.example.test", CheckStatus.WARN, obs,
                "TTL \"300\" > 60", Instant.parse("2026-11-22T10:00:00.123456789Z"), Duration.ofMillis(1500)));
        same(new CheckResult("a", "k", null, CheckStatus.PASS, null, null, Instant.parse("2026-11-22T10:00:00Z"), null));
        same(new CheckResult("a", "k", "t", CheckStatus.UNKNOWN, Map.of("rate", 0.0), "", Instant.parse("2026-11-22T10:00:00.100Z"), Duration.ofSeconds(10)));
    }
}
