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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StalenessPackTest {
    static final Duration MIN = Duration.ofMinutes(1);

    @Test
    void noResultForThreeIntervalsIsMonitoringBlind() {
        Fixture f = new Fixture().check("a", "http.probe", MIN).open();
        f.result("a", "http.probe", CheckStatus.PASS);
        List<Decision> ds = f.advance(Duration.ofMinutes(3));
        assertFalse(has(ds, "staleness.monitoring-blind"), "exactly three intervals: " + ids(ds));
        ds = f.advance(Duration.ofSeconds(1));
        Decision d = byRule(ds, "staleness.monitoring-blind").get(0);
        assertEquals(DecisionKind.HOLD, d.kind());
        assertTrue(d.reason().startsWith("Monitoring blind"), d.reason());
    }

    @Test
    void aCheckTheEngineStoppedRunningIsNotStale() {
        Fixture f = new Fixture().check("a", "http.probe", MIN).check("b", "http.probe", MIN).open();
        f.session.onMonitoring(Set.of("a", "b"));
        f.result("a", "http.probe", CheckStatus.PASS);
        f.result("b", "http.probe", CheckStatus.PASS);
        f.session.onMonitoring(Set.of("b"));
        List<Decision> ds = f.advance(Duration.ofMinutes(30));
        assertEquals(List.of("b"), byRule(ds, "staleness.monitoring-blind").stream()
                .map(d -> d.evidence().get(0).checkId()).toList(), ids(ds));
    }

    @Test
    void monitoringAgainGivesTheCheckItsStaleIntervalsBeforeItIsBlind() {
        Fixture f = new Fixture().check("a", "http.probe", MIN).open();
        f.result("a", "http.probe", CheckStatus.PASS);
        f.session.onMonitoring(Set.of());
        assertFalse(has(f.advance(Duration.ofMinutes(30)), "staleness.monitoring-blind"));
        assertFalse(has(f.keep(f.session.onMonitoring(Set.of("a"))), "staleness.monitoring-blind"));
        assertFalse(has(f.advance(Duration.ofMinutes(3)), "staleness.monitoring-blind"));
        assertTrue(has(f.advance(Duration.ofSeconds(1)), "staleness.monitoring-blind"));
    }

    @Test
    void firesOnceWhileBlindAndAgainAfterTheNextSilence() {
        Fixture f = new Fixture().check("a", "http.probe", MIN).open();
        f.result("a", "http.probe", CheckStatus.PASS);
        assertEquals(1, byRule(f.advance(Duration.ofMinutes(4)), "staleness.monitoring-blind").size());
        assertFalse(has(f.advance(Duration.ofMinutes(4)), "staleness.monitoring-blind"));
        assertFalse(has(f.result("a", "http.probe", CheckStatus.PASS), "staleness.monitoring-blind"));
        assertEquals(1, byRule(f.advance(Duration.ofMinutes(4)), "staleness.monitoring-blind").size());
    }

    @Test
    void afterCutoverBlindnessAsksTheRollbackAuthority() {
        Fixture f = new Fixture().check("a", "http.probe", MIN).open();
        f.result("a", "http.probe", CheckStatus.PASS);
        f.cutover();
        Decision d = byRule(f.advance(Duration.ofMinutes(4)), "staleness.monitoring-blind").get(0);
        assertTrue(d.reason().contains("console:carol"), d.reason());
    }

    @Test
    void staleIntervalsComeFromTheRunbook() {
        Fixture f = new Fixture().check("a", "http.probe", MIN).threshold("stale-intervals", "5").open();
        f.result("a", "http.probe", CheckStatus.PASS);
        assertFalse(has(f.advance(Duration.ofMinutes(4)), "staleness.monitoring-blind"));
        assertTrue(has(f.advance(Duration.ofMinutes(2)), "staleness.monitoring-blind"));
    }
}
