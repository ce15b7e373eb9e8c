package dev.switchman.simulator.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.yaml.SourceLocation;
import dev.switchman.simulator.TestRunbooks;
import dev.switchman.simulator.scenario.Chaos;
import dev.switchman.simulator.scenario.Scenario;
import dev.switchman.simulator.scenario.Scripted;
import dev.switchman.simulator.scenario.TimelineEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptTest {

    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    static Scenario scenario(TimelineEntry... entries) {
        return new Scenario("s", "S", null, Path.of("s.yaml"), null, T0, Scenario.Speed.MAX, Scenario.Responders.auto(),
                new Scripted(CheckStatus.PASS, Map.of("lag-s", 0.2), "ok"), Map.of(), Map.of(), List.of(entries), List.of(), Duration.ofHours(10));
    }

    static TimelineEntry result(Duration at, CheckStatus status, double lag, Duration holdFor) {
        return new TimelineEntry(at, null, "db-lag", new Scripted(status, Map.of("lag-s", lag), status.name()), holdFor, null, null, null, null, SourceLocation.UNKNOWN);
    }

    static TimelineEntry chaos(Duration at, Chaos c, Duration holdFor) {
        return new TimelineEntry(at, null, "db-lag", null, holdFor, c, null, null, null, SourceLocation.UNKNOWN);
    }

    @Test
    void scriptedResultHoldsForItsDurationThenBaselineReturns() {
        Script s = new Script(scenario(result(Duration.ofHours(1), CheckStatus.FAIL, 45, Duration.ofMinutes(30))), TestRunbooks.tiny());
        assertEquals(CheckStatus.PASS, s.measure("db-lag", "db", T0.plusSeconds(3599)).status());
        assertEquals(CheckStatus.FAIL, s.measure("db-lag", "db", T0.plusSeconds(3600)).status());
        assertEquals(45.0, s.measure("db-lag", "db", T0.plusSeconds(5000)).numberOr("lag-s", 0));
        assertEquals(CheckStatus.PASS, s.measure("db-lag", "db", T0.plusSeconds(5400)).status());
    }

    @Test
    void flipTurnsPassIntoFail() {
        Script s = new Script(scenario(chaos(Duration.ofHours(1), Chaos.simple(Chaos.Kind.FLIP), null)), TestRunbooks.tiny());
        assertEquals(CheckStatus.FAIL, s.measure("db-lag", "db", T0.plusSeconds(3600)).status());
    }

    @Test
    void staleRepeatsTheLastDeliveredResultWithItsOldTime() {
        Script s = new Script(scenario(chaos(Duration.ofHours(1), Chaos.simple(Chaos.Kind.STALE), null)), TestRunbooks.tiny());
        CheckResult before = s.measure("db-lag", "db", T0.plusSeconds(3500));
        CheckResult during = s.measure("db-lag", "db", T0.plusSeconds(7200));
        assertEquals(before.observedAt(), during.observedAt());
    }

    @Test
    void delayDeliversOldObservations() {
        Script s = new Script(scenario(result(Duration.ofHours(2), CheckStatus.FAIL, 45, null),
                chaos(Duration.ofHours(1), new Chaos(Chaos.Kind.DELAY, Duration.ofMinutes(10), null, 0, 0, null, Double.NaN), null)), TestRunbooks.tiny());
        CheckResult r = s.measure("db-lag", "db", T0.plusSeconds(7200 + 300));
        assertEquals(CheckStatus.PASS, r.status(), "the FAIL at +2h arrives 10 minutes late");
        assertEquals(T0.plusSeconds(7200 - 300), r.observedAt());
        assertEquals(CheckStatus.FAIL, s.measure("db-lag", "db", T0.plusSeconds(7200 + 600)).status());
    }

    @Test
    void curveRampsAnObservationAndFailsAboveTheThreshold() {
        Chaos c = new Chaos(Chaos.Kind.CURVE, null, "error-rate", 0.0, 0.1, Duration.ofMinutes(100), 0.02);
        Script s = new Script(scenario(chaos(Duration.ZERO, c, null)), TestRunbooks.tiny());
        CheckResult early = s.measure("db-lag", "db", T0.plusSeconds(600));
        assertEquals(0.01, early.numberOr("error-rate", -1), 1e-9);
        assertEquals(CheckStatus.PASS, early.status());
        assertEquals(CheckStatus.FAIL, s.measure("db-lag", "db", T0.plusSeconds(1800)).status());
    }

    @Test
    void resolverOldAnswersTheOldAddress() {
        Script s = new Script(scenario(new TimelineEntry(Duration.ZERO, null, "www-dns", null, null, Chaos.simple(Chaos.Kind.RESOLVER_OLD), null, null, null,
                SourceLocation.UNKNOWN)), TestRunbooks.tiny());
        CheckResult r = s.measure("www-dns", "dns.resolve", T0);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("203.0.113.10"), r.message());
    }
}
