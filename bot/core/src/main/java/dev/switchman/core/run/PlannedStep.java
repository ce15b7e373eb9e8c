package dev.switchman.core.run;

/** A step in the order a run walks them: its phase, its id, and whether it is a rollback step. */
public record PlannedStep(String phaseId, String stepId, boolean rollback) {
}
