package dev.switchman.core.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.testing.TestRunbooks;
import dev.switchman.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BasicDecisionEngineTest {

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
    final DecisionSession session = new BasicDecisionEngine().open(TestRunbooks.hello(), clock);

    private CheckResult result(String id, CheckStatus s) {
        return new CheckResult(id, "test.scripted", "", s, Map.of(), "m", clock.instant(), Duration.ZERO);
    }

    private void approve(String... steps) {
        session.onRunFacts(new RunFacts("r", "hello-cutover", "cutover", "ACTIVE", clock.instant(), null, Set.of(steps), Set.of()));
    }

    @Test
    void goWhenEveryBlockingCheckPassesFreshlyAndApprovalsAreIn() {
        approve("approve-cutover");
        session.onResult(result("new-http", CheckStatus.PASS));
        List<Decision> d = session.evaluateGate("cutover", List.of("new-http"));
        assertEquals(1, d.size());
        assertEquals(DecisionKind.GO, d.get(0).kind());
        assertEquals(BasicDecisionEngine.GO_RULE, d.get(0).ruleId());
        assertEquals("new-http", d.get(0).evidence().get(0).checkId());
    }

    @Test
    void noGoListsEveryBlocker() {
        session.onResult(result("www-ttl", CheckStatus.FAIL));
        session.onResult(result("new-http", CheckStatus.PASS));
        clock.advance(Duration.ofMinutes(3)); // new-http's interval is 1m: stale after 2m
        List<Decision> d = session.evaluateGate("cutover", List.of("www-ttl", "new-http", "missing"));
        assertEquals(DecisionKind.NO_GO, d.get(0).kind());
        String reason = d.get(0).reason();
        assertTrue(reason.contains("www-ttl is FAIL"), reason);
        assertTrue(reason.contains("new-http is stale"), reason);
        assertTrue(reason.contains("missing has no result yet"), reason);
        assertTrue(reason.contains("approval approve-cutover is not granted"), reason);
    }

    @Test
    void aResultWithinTwoIntervalsIsFresh() {
        approve("approve-cutover");
        session.onResult(result("new-http", CheckStatus.PASS));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(DecisionKind.GO, session.evaluateGate("cutover", List.of("new-http")).get(0).kind());
    }

    @Test
    void neverRecommendsRollbackOnItsOwn() {
        assertTrue(session.onResult(result("new-http", CheckStatus.FAIL)).isEmpty());
        assertTrue(session.tick().isEmpty());
    }
}
