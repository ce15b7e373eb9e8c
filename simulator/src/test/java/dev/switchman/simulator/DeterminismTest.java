package dev.switchman.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.switchman.core.decision.Decision;
import dev.switchman.simulator.replay.RehearsalResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static List<String> decisions(RehearsalResult r) {
        return r.log().decisions().stream().map((Decision d) -> d.at() + " " + d.kind() + " " + d.ruleId() + " " + d.phase() + " " + d.reason()).toList();
    }

    @Test
    void sameScenarioGivesSameDecisionsInSameOrderAtSameVirtualTimes() {
        var file = ProjectPaths.root().resolve("runbooks/server-migration/scenarios/stale-lag-results.yaml");
        RehearsalResult a = Rehearsal.run(file, Rehearsal.Options.defaults()).result();
        RehearsalResult b = Rehearsal.run(file, Rehearsal.Options.defaults()).result();
        assertFalse(decisions(a).isEmpty(), "the scenario must make decisions for this test to mean anything");
        assertEquals(decisions(a), decisions(b));
        assertEquals(a.log().results(), b.log().results());
        assertEquals(a.log().endedAt(), b.log().endedAt());
        assertEquals(a.log().steps(), b.log().steps());
    }
}
