package dev.switchman.core.check;

/** Outcome of one check. Anything that could not be measured is UNKNOWN or ERROR, never PASS. */
public enum CheckStatus {
    PASS, WARN, FAIL, ERROR, UNKNOWN;

    /** True for PASS only: a gate treats everything else as a blocker. */
    public boolean isPass() {
        return this == PASS;
    }

    /** Worst of two statuses: FAIL > ERROR > UNKNOWN > WARN > PASS. */
    public CheckStatus worst(CheckStatus other) {
        return severity(other) > severity(this) ? other : this;
    }

    private static int severity(CheckStatus s) {
        return switch (s) {
            case PASS -> 0;
            case WARN -> 1;
            case UNKNOWN -> 2;
            case ERROR -> 3;
            case FAIL -> 4;
        };
    }
}
