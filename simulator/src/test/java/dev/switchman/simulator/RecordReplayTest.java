package dev.switchman.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.rules.engine.DroolsDecisionEngine;
import dev.switchman.simulator.record.Recorder;
import dev.switchman.simulator.replay.RehearsalResult;
import dev.switchman.simulator.replay.Replayer;
import dev.switchman.simulator.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: a run's event log becomes a scenario, and replaying that scenario reproduces the run's decisions. */
class RecordReplayTest {

    @TempDir
    Path dir;

    @Test
    void replayingARecordedRunReproducesItsDecisions() throws Exception {
        Path original = ProjectPaths.root().resolve("runbooks/server-migration/scenarios/writes-new-fix-forward.yaml");
        ScenarioLoader.Result loaded = ScenarioLoader.load(original);
        InMemoryEventStore store = new InMemoryEventStore();
        RehearsalResult run = Replayer.replay(loaded.scenario(), loaded.runbook(), Replayer.Options.of(DroolsDecisionEngine::new).withStore(store));
        assertFalse(run.log().decisions().isEmpty());
        String runId = store.runs().get(0);

        Path out = dir.resolve("recorded.yaml");
        Recorder.record(store, runId, out, ProjectPaths.root().resolve("runbooks/server-migration/server-migration.yaml"));
        String yaml = Files.readString(out);
        assertTrue(yaml.contains("mode: scripted") && yaml.contains("command: done dump-restore"), yaml);

        Rehearsal.Outcome replay = Rehearsal.run(out, Rehearsal.Options.defaults());
        assertEquals(Rehearsal.PASSED, replay.exitCode(), replay.output() + "\n" + yaml);
        assertEquals(run.log().decisions().stream().map(d -> d.kind() + " " + d.ruleId()).toList(),
                replay.result().log().decisions().stream().map(d -> d.kind() + " " + d.ruleId()).toList());
        assertEquals(run.log().outcome(), replay.result().log().outcome());
    }
}
