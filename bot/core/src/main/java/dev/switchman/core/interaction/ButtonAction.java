package dev.switchman.core.interaction;

import dev.switchman.core.run.PlannedStep;
import java.time.Instant;

/**
 * What a button id stands for: the run, the step that was current when the button was drawn (null:
 * the run as a whole), the status revision it was drawn at, the command it runs and whether it asks
 * for confirmation first. Recorded in the run's log as a {@code BUTTONS} event.
 */
public record ButtonAction(String id, String runId, PlannedStep step, long revision, String label, String command,
                           boolean confirm, Instant drawnAt) {
}
