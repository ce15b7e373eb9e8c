package dev.switchman.rules.fact;

/**
 * Writes accepted on the new side since cutover, from the runbook's write-counter check
 * (threshold {@code write-counter-check}); {@code writes} is -1 while unknown.
 */
public final class WriteCount {
    private final String checkId;
    private final long limit;
    private long writes = -1;
    private long baseline = -1;

    /** {@code limit}: the fix-forward-writes threshold, so rules can watch {@link #isOverLimit()} alone. */
    public WriteCount(String checkId, long limit) {
        this.checkId = checkId;
        this.limit = limit;
    }

    /** Writes since cutover are known and at or above the fix-forward-writes threshold. */
    public boolean isOverLimit() {
        return writes >= 0 && writes >= limit;
    }

    public String getCheckId() {
        return checkId;
    }

    public long getWrites() {
        return writes;
    }

    public boolean isKnown() {
        return writes >= 0;
    }

    /** Before cutover the counter's value is the baseline; after cutover writes = value - baseline. */
    public void observe(long value, boolean afterCutover) {
        if (!afterCutover) {
            baseline = value;
            writes = 0;
        } else {
            writes = Math.max(0, value - Math.max(0, baseline));
        }
    }
}
