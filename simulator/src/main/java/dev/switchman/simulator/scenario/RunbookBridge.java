package dev.switchman.simulator.scenario;

import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.RunbookLoader;
import dev.switchman.core.yaml.LoadResult;
import java.nio.file.Path;

/** Reads runbooks with core's loader (kinds checked against the providers on the class path). */
final class RunbookBridge {

    private RunbookBridge() {
    }

    static ScenarioLoader.RunbookLoad load(Path path) {
        LoadResult<Runbook> r = RunbookLoader.load(path);
        return new ScenarioLoader.RunbookLoad(r.value(), r.problems());
    }
}
