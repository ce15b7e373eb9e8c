package dev.switchman.checks.dns;

import java.time.Duration;

/**
 * A point in monotonic time ({@link System#nanoTime()}) by which DNS work must end. Derived from a
 * check request's remaining time, so it is independent of the (possibly manual) wall clock.
 */
public record Deadline(long nanoTime) {

    public static Deadline after(Duration d) {
        return new Deadline(System.nanoTime() + Math.max(0, d.toNanos()));
    }

    public Duration remaining() {
        long left = nanoTime - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public boolean expired() {
        return nanoTime - System.nanoTime() <= 0;
    }
}
