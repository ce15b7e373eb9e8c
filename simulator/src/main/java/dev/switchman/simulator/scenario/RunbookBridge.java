package dev.switchman.simulator.scenario;

import dev.switchman.core.runbook.SourceLocation;
import java.nio.file.Path;
import java.util.List;

/** Reads runbooks with core's loader. */
final class RunbookBridge {

    private RunbookBridge() {
    }

    static ScenarioLoader.RunbookLoad load(Path path) {
        return new ScenarioLoader.RunbookLoad(null, List.of(Problem.error(new SourceLocation(path.toString(), 0, 0), "no runbook loader available")));
    }
}
