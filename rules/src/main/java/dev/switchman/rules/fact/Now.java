package dev.switchman.rules.fact;

import java.time.Instant;

/**
 * The session's time as a fact, so rules can compare against it (moved on each call, at most once a
 * second on results). {@code band} is where the run stands against the cutover, the rollback window and
 * the point of no return; it changes rarely, so rules that only care about it watch it alone
 * ({@code Now() @watch(band)}) and are not re-evaluated every second.
 */
public final class Now {
    public static final String BEFORE_CUTOVER = "before-cutover";
    public static final String IN_WINDOW = "in-window";
    public static final String OUTSIDE_WINDOW = "outside-window";
    public static final String PAST_POINT_OF_NO_RETURN = "past-point-of-no-return";

    private long ms;
    private String band = BEFORE_CUTOVER;

    public Now(long ms) {
        this.ms = ms;
    }

    public long getMs() {
        return ms;
    }

    public void setMs(long ms) {
        this.ms = ms;
    }

    public String getBand() {
        return band;
    }

    public void setBand(String band) {
        this.band = band;
    }

    /** The band at {@code ms} for a run that cut over at {@code cutoverMs} (-1: not yet). */
    public static String bandAt(long ms, long cutoverMs, Limits limits) {
        if (cutoverMs < 0) {
            return BEFORE_CUTOVER;
        }
        long since = ms - cutoverMs;
        if (limits.getPointOfNoReturnMs() >= 0 && since >= limits.getPointOfNoReturnMs()) {
            return PAST_POINT_OF_NO_RETURN;
        }
        return since >= limits.getRollbackWindowMs() ? OUTSIDE_WINDOW : IN_WINDOW;
    }

    public Instant instant() {
        return Instant.ofEpochMilli(ms);
    }

    @Override
    public String toString() {
        return "Now[" + instant() + "]";
    }
}
