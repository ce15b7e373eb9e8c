package dev.switchman.core.run;

import java.time.Instant;

/** What happened to one step: when it became current, when and by whom it was completed, the note. */
public record StepRecord(String phaseId, String stepId, boolean rollback, StepStatus status, Instant startedAt,
                         Instant completedAt, String completedBy, String note) {

    StepRecord started(Instant at) {
        return new StepRecord(phaseId, stepId, rollback, StepStatus.CURRENT, at, null, null, null);
    }

    StepRecord completed(Instant at, String by, String note) {
        return new StepRecord(phaseId, stepId, rollback, StepStatus.DONE, startedAt, at, by, note);
    }
}
