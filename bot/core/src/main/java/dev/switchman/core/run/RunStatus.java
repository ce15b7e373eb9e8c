package dev.switchman.core.run;

/** Where a run stands. Only ACTIVE and HELD runs accept step commands; the others are finished. */
public enum RunStatus {
    ACTIVE, HELD, COMPLETED, ROLLED_BACK, ABORTED;

    public boolean finished() {
        return this == COMPLETED || this == ROLLED_BACK || this == ABORTED;
    }
}
