package dev.switchman.core.runbook;

import dev.switchman.core.yaml.SourceLocation;
import java.util.List;

/**
 * A phase: steps in order, and the rollback steps that undo it. The phase marked {@code cutover}
 * is where traffic moves: completing it sets the run's cutover time, which starts the rollback window.
 */
public record Phase(String id, String title, boolean cutover, List<Step> steps, List<Step> rollback, SourceLocation location) {
    public Phase {
        steps = steps == null ? List.of() : List.copyOf(steps);
        rollback = rollback == null ? List.of() : List.copyOf(rollback);
        location = location == null ? SourceLocation.UNKNOWN : location;
    }
}
