package dev.switchman.core.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.time.DurationRange;
import dev.switchman.core.yaml.LoadResult;
import dev.switchman.core.yaml.Problem;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every duration and threshold has a stated range; values outside it, NaN, Infinity and unknown names are errors at file:line:column. */
class RunbookBoundsTest {

    private static final String CHECK = """
            id: t
            title: T
            checks:
              - id: c
                kind: dns.ttl
                %s
            phases:
              - id: p
                steps:
                  - {id: s, verify: [c]}
            """;

    private static final String THRESHOLD = """
            id: t
            title: T
            thresholds:
              %s
            phases:
              - id: p
                steps:
                  - {id: s, do: x}
            """;

    private static LoadResult<Runbook> load(String yaml) {
        return RunbookLoader.withoutProviders().read("t.yaml", yaml);
    }

    private static void assertOnlyError(String yaml, int line, int column, String message) {
        LoadResult<Runbook> r = load(yaml);
        assertEquals(1, r.problems().size(), () -> r.problems().toString());
        Problem p = r.problems().get(0);
        assertEquals("t.yaml:" + line + ":" + column + ": error: " + message, p.toString());
        assertNull(r.value());
    }

    @Test
    void rejectsACheckIntervalBelowTheOneSecondFloor() {
        assertOnlyError(CHECK.formatted("interval: 1ms"), 6, 15, "interval: expected a duration from 1s to 1d, got '1ms'");
        assertOnlyError(CHECK.formatted("interval: 999999999d"), 6, 15, "interval: expected a duration from 1s to 1d, got '999999999d'");
    }

    @Test
    void rejectsATimeoutOutsideItsRange() {
        assertOnlyError(CHECK.formatted("timeout: 10ms"), 6, 14, "timeout: expected a duration from 100ms to 10m, got '10ms'");
        assertOnlyError(CHECK.formatted("timeout: 2h"), 6, 14, "timeout: expected a duration from 100ms to 10m, got '2h'");
    }

    @Test
    void rejectsACadenceBelowOneMinute() {
        assertOnlyError("""
                id: t
                title: T
                stakeholders:
                  - {audience: execs, sink: "chat:#x", cadence: 1ms}
                phases:
                  - id: p
                    steps:
                      - {id: s, do: x}
                """, 4, 49, "cadence: expected a duration from 1m to 7d, got '1ms'");
    }

    @Test
    void rejectsWaitsThatWouldOverflowTime() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps:
                      - {id: s, wait: {duration: 99999999999d}}
                """, 6, 34, "duration: expected a duration from 1s to 30d, got '99999999999d'");
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps:
                      - {id: s, wait: {until: "+999999-01-01T00:00:00Z"}}
                """, 6, 31, "wait.until: expected an instant from 2000-01-01T00:00:00Z to 2200-01-01T00:00:00Z, got '+999999-01-01T00:00:00Z'");
        assertOnlyError("""
                id: t
                title: T
                rollback-window: 400d
                phases:
                  - id: p
                    cutover: true
                    steps:
                      - {id: s, do: x}
                """, 3, 18, "rollback-window: expected a duration from 1m to 30d, got '400d'");
    }

    @Test
    void rejectsNaNInfinityAndHugeThresholds() {
        assertOnlyError(THRESHOLD.formatted("error-rate: NaN"), 4, 15, "thresholds.error-rate: expected a number from 0 to 1 (fraction), got 'NaN'");
        assertOnlyError(THRESHOLD.formatted("replication-lag-s: 1e999"), 4, 22,
                "thresholds.replication-lag-s: expected a number from 0 to 86400 (s), got '1e999'");
        assertOnlyError(THRESHOLD.formatted("latency-p99-ms: .inf"), 4, 19,
                "thresholds.latency-p99-ms: expected a number from 0 to 3600000 (ms), got '.inf'");
        assertOnlyError(THRESHOLD.formatted("health-failure-limit: 2.5"), 4, 25,
                "thresholds.health-failure-limit: expected a whole number from 1 to 1000, got '2.5'");
        assertOnlyError(THRESHOLD.formatted("lag-sustain: 90d"), 4, 16, "thresholds.lag-sustain: expected a duration from 0s to 30d, got '90d'");
        assertOnlyError(THRESHOLD.formatted("x-my-rule-limit: Infinity"), 4, 20, "thresholds.x-my-rule-limit: expected a finite number, got 'Infinity'");
    }

    @Test
    void rejectsAnUnknownThresholdNameWithDidYouMean() {
        LoadResult<Runbook> r = load(THRESHOLD.formatted("error-rat: 0.1"));
        assertEquals(1, r.problems().size(), r.problems().toString());
        String p = r.problems().get(0).toString();
        assertTrue(p.startsWith("t.yaml:4:14: error: thresholds.error-rat: unknown threshold; did you mean 'error-rate'? (known: fresh-intervals,"), p);
        assertTrue(p.endsWith("a runbook's own rules may read names starting with x-)"), p);
    }

    @Test
    void acceptsValuesInsideTheRangesAndCustomThresholds() {
        LoadResult<Runbook> r = load("""
                id: t
                title: T
                thresholds:
                  error-rate: 0.02
                  lag-sustain: 10m
                  write-counter-check: db-writes
                  x-my-rule-limit: 7
                  x-my-rule-window: 5m
                checks:
                  - {id: c, kind: dns.ttl, interval: 1s, timeout: 100ms}
                phases:
                  - id: p
                    steps:
                      - {id: s, verify: [c]}
                      - {id: w, wait: {duration: 30d}}
                """);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertNotNull(r.value());
        assertEquals("7", r.value().thresholds().text("x-my-rule-limit", ""));
    }

    @Test
    void theEngineNeverRunsACheckMoreOftenThanTheFloor() {
        CheckSpec built = new CheckSpec("c", "dns.ttl", Map.of(), Duration.ofMillis(1), Duration.ofMillis(1), false, null, null);
        assertEquals(DurationRange.CHECK_INTERVAL_FLOOR, built.interval());
        assertEquals(Duration.ofMillis(100), built.timeout());
    }
}
