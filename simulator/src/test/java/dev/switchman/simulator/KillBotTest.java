package dev.switchman.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.decision.Decision;
import dev.switchman.simulator.replay.RehearsalResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Killing the bot mid-run changes nothing: the new bot resumes from the event log and the rules decide the same. */
class KillBotTest {

    @TempDir
    Path dir;

    /** Kind and rule of each decision; a resumed bot re-arms its own check timers from the restart, so times may shift by a check interval. */
    private static List<String> decisions(RehearsalResult r) {
        return r.log().decisions().stream().map((Decision d) -> d.kind() + " " + d.ruleId()).distinct().toList();
    }

    @Test
    void resumedRunMakesTheSameDecisionsAsAnUninterruptedOne() throws Exception {
        Path original = ProjectPaths.root().resolve("runbooks/server-migration/scenarios/webhooks-old-ip.yaml");
        Path runbook = ProjectPaths.root().resolve("runbooks/server-migration/server-migration.yaml");
        String text = Files.readString(original).replace("runbook: ../server-migration.yaml", "runbook: " + runbook);
        Path killed = dir.resolve("killed.yaml");
        Files.writeString(killed, text.replace("timeline:\n", "timeline:\n  - at: +30h\n    chaos: kill-bot\n  - at: +48h16m\n    chaos: kill-bot\n"));

        RehearsalResult plain = Rehearsal.run(original, Rehearsal.Options.defaults()).result();
        RehearsalResult resumed = Rehearsal.run(killed, Rehearsal.Options.defaults()).result();
        assertEquals(2, resumed.log().restarts());
        assertEquals(decisions(plain), decisions(resumed));
        assertEquals(plain.log().outcome(), resumed.log().outcome());
        assertTrue(java.time.Duration.between(plain.log().endedAt(), resumed.log().endedAt()).abs().toMinutes() <= 5,
                plain.log().endedAt() + " vs " + resumed.log().endedAt());
        assertEquals(0, resumed.exitCode(), Rehearsal.text(resumed, null));
    }
}
