package dev.switchman.core.run;

/** Where a step stands in a run. */
public enum StepStatus {
    PENDING, CURRENT, DONE
}
