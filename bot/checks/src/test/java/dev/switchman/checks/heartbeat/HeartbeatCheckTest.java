package dev.switchman.checks.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.http.HttpRequest;
import dev.switchman.core.http.HttpResponse;
import dev.switchman.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** heartbeat on a manual clock: pings through its /ping endpoint, the check judged at chosen instants. */
class HeartbeatCheckTest {

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T09:00:00Z"));

    static HttpResponse ping(HeartbeatCheck c, String path) {
        return c.endpoints().get(0).handle(new HttpRequest("POST", path, "", Map.of(), new byte[0]));
    }

    CheckResult run(HeartbeatCheck c, String id, Map<String, String> params) {
        return run(c, clock, id, params);
    }

    static CheckResult run(HeartbeatCheck c, ManualClock at, String id, Map<String, String> params) {
        assertEquals(List.of(), c.validate(params));
        return c.run(new CheckRequest(id, HeartbeatCheck.KIND, params, Duration.ofSeconds(5), at, at.instant(), null));
    }

    @Test
    void aJobOnTimePassesLateWarnsAndMissedFailsNamingWhenItWasLastSeen() {
        HeartbeatCheck c = new HeartbeatCheck(clock, v -> null);
        Map<String, String> every = Map.of("period", "1h", "grace", "10m", "job", "queue-worker");
        CheckResult fresh = run(c, "worker", every);
        assertEquals(CheckStatus.WARN, fresh.status(), "no ping yet and not overdue: not late, never PASS, and not blind");
        assertEquals("new", fresh.observations().get("state"));
        assertEquals(200, ping(c, "/ping/worker").status());
        Instant pinged = clock.instant();
        clock.advance(Duration.ofMinutes(30));
        assertEquals(CheckStatus.PASS, run(c, "worker", every).status());
        clock.advance(Duration.ofMinutes(35));
        CheckResult late = run(c, "worker", every);
        assertEquals(CheckStatus.WARN, late.status(), late.message());
        assertEquals("late", late.observations().get("state"));
        clock.advance(Duration.ofMinutes(10));
        CheckResult down = run(c, "worker", every);
        assertEquals(CheckStatus.FAIL, down.status());
        assertEquals(1L, down.observations().get("missed"));
        assertEquals(pinged.toString(), down.observations().get("last-seen"));
        assertTrue(down.message().startsWith("queue-worker missed 1 run (every 1h, grace 10m); last seen " + pinged), down.message());
        ping(c, "/ping/worker");
        assertEquals(CheckStatus.PASS, run(c, "worker", every).status(), "a new ping recovers it");
    }

    @Test
    void aJobThatNeverPingsFailsOncePeriodAndGraceHavePassedSinceListeningBegan() {
        HeartbeatCheck c = new HeartbeatCheck(clock, v -> null);
        clock.advance(Duration.ofMinutes(71));
        CheckResult r = run(c, "never", Map.of("period", "1h", "grace", "10m"));
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("no ping since 2026-11-30T09:00:00Z"), r.message());
    }

    @Test
    void aFailSignalFailsAndStartDoesNotCountAsSuccess() {
        HeartbeatCheck c = new HeartbeatCheck(clock, v -> null);
        ping(c, "/ping/nightly");
        ping(c, "/ping/nightly/start");
        assertEquals(CheckStatus.PASS, run(c, "nightly", Map.of("period", "1d")).status());
        ping(c, "/ping/nightly/fail");
        CheckResult r = run(c, "nightly", Map.of("period", "1d"));
        assertEquals(CheckStatus.FAIL, r.status());
        assertEquals("failed", r.observations().get("state"));
    }

    @Test
    void aCronScheduleInItsTimeZoneRaisesNoFalseAlarmAcrossEitherDstChange() {
        Map<String, String> nightly = Map.of("cron", "0 2 * * *", "tz", "Europe/Berlin", "grace", "30m");
        // autumn: 2026-10-25 03:00 CEST falls back to 02:00 CET; Vixie cron runs the 02:00 job once, at the first 02:00
        ManualClock autumn = new ManualClock(Instant.parse("2026-10-23T12:00:00Z"));
        HeartbeatCheck c = new HeartbeatCheck(autumn, v -> null);
        autumn.set(Instant.parse("2026-10-24T00:00:00Z")); // 02:00 CEST on the 24th
        ping(c, "/ping/nightly");
        autumn.set(Instant.parse("2026-10-25T00:00:30Z")); // the first 02:00 on the 25th (still CEST)
        ping(c, "/ping/nightly");
        for (String t : List.of("2026-10-25T01:45:00Z", "2026-10-25T12:00:00Z", "2026-10-26T00:59:00Z")) {
            autumn.set(Instant.parse(t));
            CheckResult r = run(c, autumn, "nightly", nightly);
            assertEquals(CheckStatus.PASS, r.status(), t + ": " + r.message());
        }
        autumn.set(Instant.parse("2026-10-26T01:31:00Z")); // 02:31 CET on the 26th, no ping since the 25th
        CheckResult missed = run(c, autumn, "nightly", nightly);
        assertEquals(CheckStatus.FAIL, missed.status(), missed.message());
        assertEquals(1L, missed.observations().get("missed"));
        // spring: 2026-03-29 02:00 CET jumps to 03:00 CEST; the job runs at 03:00 and the next is due on the 30th
        ManualClock spring = new ManualClock(Instant.parse("2026-03-28T01:00:00Z"));
        HeartbeatCheck s = new HeartbeatCheck(spring, v -> null);
        ping(s, "/ping/nightly");
        spring.set(Instant.parse("2026-03-29T01:00:10Z")); // 03:00 CEST
        ping(s, "/ping/nightly");
        for (String t : List.of("2026-03-29T12:00:00Z", "2026-03-30T00:20:00Z")) { // the 30th 02:20 CEST: due 02:00, within grace
            spring.set(Instant.parse(t));
            CheckResult r = run(s, spring, "nightly", nightly);
            assertTrue(r.status() == CheckStatus.PASS || r.status() == CheckStatus.WARN, t + ": " + r.message());
        }
    }

    @Test
    void theEndpointRefusesPingsWithoutTheKeyAndOddPaths() {
        HeartbeatCheck c = new HeartbeatCheck(clock, v -> v.equals(HeartbeatCheck.KEY_VARIABLE) ? "k3y-for-pings" : null);
        assertEquals(403, ping(c, "/ping/nightly").status());
        assertTrue(c.book().get("nightly").isEmpty(), "a refused ping records nothing");
        HttpResponse ok = c.endpoints().get(0).handle(new HttpRequest("GET", "/ping/nightly", "key=k3y-for-pings", Map.of(), new byte[0]));
        assertEquals(200, ok.status());
        assertEquals(200, c.endpoints().get(0).handle(new HttpRequest("POST", "/ping/nightly", "",
                Map.of("x-switchman-ping-key", List.of("k3y-for-pings")), new byte[0])).status());
        assertEquals(404, ping(c, "/ping/../etc").status());
        assertEquals(404, ping(c, "/ping/").status());
        assertEquals(405, c.endpoints().get(0).handle(new HttpRequest("DELETE", "/ping/nightly", "", Map.of(), new byte[0])).status());
    }

    @Test
    void validationNamesWhatIsMissing() {
        HeartbeatCheck c = new HeartbeatCheck(clock, v -> null);
        assertTrue(c.validate(Map.of()).get(0).startsWith("give either 'period' (1d) or 'cron' with 'tz'"));
        assertTrue(c.validate(Map.of("cron", "0 2 * * *")).stream().anyMatch(p -> p.startsWith("parameter 'tz' is required with 'cron'")));
        assertTrue(c.validate(Map.of("cron", "61 2 * * *", "tz", "UTC")).get(0).startsWith("parameter 'cron': '61 2 * * *' is not a 5-field cron schedule"));
        assertTrue(c.validate(Map.of("period", "1d", "tz", "Mars/Olympus")).get(0).contains("is not a time zone"));
        assertTrue(c.validate(Map.of("period", "soon")).get(0).contains("'soon' is not a duration"));
    }
}
