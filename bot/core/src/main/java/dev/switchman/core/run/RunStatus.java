package dev.switchman.core.run;

/**
 * Where a run stands. Only ACTIVE and HELD runs accept step commands. WATCHING: every phase is done and
 * the rollback window is open (checks run, decisions flow, {@code rollback} and {@code abort} work); the
 * run completes when the window closes. The others are finished.
 */
public enum RunStatus {
    ACTIVE, HELD, COMPLETED, ROLLED_BACK, ABORTED, WATCHING;

    public boolean finished() {
        return this == COMPLETED || this == ROLLED_BACK || this == ABORTED;
    }
}
