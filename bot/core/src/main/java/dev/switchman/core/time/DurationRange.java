package dev.switchman.core.time;

import java.time.Duration;

/**
 * The accepted range of a duration a runbook or scenario sets (inclusive). Every duration field has
 * one, listed in docs/runbooks.md; validation names the range when a value falls outside it.
 */
public record DurationRange(Duration min, Duration max) {

    /** A check runs at most this often, whatever its runbook says: the engine's floor. */
    public static final Duration CHECK_INTERVAL_FLOOR = Duration.ofSeconds(1);

    /** {@code interval:} of a check, from {@link #CHECK_INTERVAL_FLOOR 1 s} to 1 day. */
    public static final DurationRange CHECK_INTERVAL = new DurationRange(CHECK_INTERVAL_FLOOR, Duration.ofDays(1));
    /** {@code timeout:} of a check (and {@code probe --timeout}): 100 ms to 10 min. */
    public static final DurationRange CHECK_TIMEOUT = new DurationRange(Duration.ofMillis(100), Duration.ofMinutes(10));
    /** {@code cadence:} of a stakeholder's updates: 1 min to 7 days. */
    public static final DurationRange CADENCE = new DurationRange(Duration.ofMinutes(1), Duration.ofDays(7));
    /** {@code rollback-window:} and {@code point-of-no-return:}: 1 min to 30 days. */
    public static final DurationRange RUN_WINDOW = new DurationRange(Duration.ofMinutes(1), Duration.ofDays(30));
    /** A wait step's {@code duration:} and expectations' windows: 1 s to 30 days. */
    public static final DurationRange WAIT = new DurationRange(Duration.ofSeconds(1), Duration.ofDays(30));
    /** Duration thresholds the rules read: 0 s to 30 days. */
    public static final DurationRange THRESHOLD = new DurationRange(Duration.ZERO, Duration.ofDays(30));
    /** Anything written as a duration at all: at most 10 years, so instant arithmetic never overflows. */
    public static final DurationRange ANY = new DurationRange(Duration.ZERO, Duration.ofDays(3650));

    public boolean contains(Duration d) {
        return d != null && d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
    }

    /** {@code d} moved into the range (the engine's floor and ceiling). */
    public Duration clamp(Duration d) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }

    /** {@code "from 1s to 1d"}, as error messages and docs say it. */
    public String describe() {
        return "from " + Durations.format(min) + " to " + Durations.format(max);
    }
}
