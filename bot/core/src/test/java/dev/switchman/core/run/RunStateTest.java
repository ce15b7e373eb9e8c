package dev.switchman.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.decision.Evidence;
import dev.switchman.core.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunStateTest {

    static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void resultsAndDecisionsSurviveTheJsonRoundTripEvenWithNullObservations() {
        Map<String, Object> obs = new HashMap<>();
        obs.put("ttl", 300);
        obs.put("note", null);
        CheckResult r = new CheckResult("www-ttl", "dns.ttl", "www", CheckStatus.PASS, obs, "ok", T, Duration.ofMillis(12));
        Decision d = new Decision(DecisionKind.ROLLBACK, "rule.x", "error rate high",
                List.of(new Evidence("www-ttl", CheckStatus.FAIL, Map.of("rate", 0.04), T)), T, null);
        List<Event> log = List.of(
                new Event("r", 1, EventTypes.RUN_STARTED, Payloads.of("runbook", "rb", "title", "T", "channel", "c"), "console:a", T, null),
                new Event("r", 2, EventTypes.CHECK_RESULT, Payloads.checkResult(r), "check:dns.ttl", T, null),
                new Event("r", 3, EventTypes.DECISION, Payloads.of("decision", d), "rules:rule.x", T, null));
        RunState s = RunState.replay("r", log);
        CheckResult back = s.latestResults().get("www-ttl");
        assertEquals(300, back.observations().get("ttl"));
        assertEquals(Duration.ofMillis(12), back.duration());
        assertEquals(d, s.decisions().get(0));
        assertNull(s.decisions().get(0).phase());
        assertEquals(3, s.lastSequence());
    }

    @Test
    void unknownEventTypesChangeNothing() {
        RunState s = RunState.replay("r", List.of(
                new Event("r", 1, EventTypes.RUN_STARTED, Payloads.of("runbook", "rb", "channel", "c"), "console:a", T, null),
                new Event("r", 2, "FROM_A_NEWER_VERSION", "{\"x\":1}", "x", T, null)));
        assertEquals(RunStatus.ACTIVE, s.status());
        assertEquals(2, s.lastSequence());
    }
}
