package dev.switchman.core.interaction;

import java.time.Duration;

/**
 * How often and how long the bot retries a message the platform refused: {@code attempts} tries in all,
 * waiting {@code first}, then twice as long each time, at most {@code max}, on the injected scheduler.
 */
public record Retry(int attempts, Duration first, Duration max) {

    public Retry {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }

    /** Five tries over about 15 s: 1, 2, 4, 8 s apart. */
    public static Retry defaults() {
        return new Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** The wait before attempt {@code failed + 1} after {@code failed} failures (1-based). */
    Duration backoff(int failed) {
        Duration d = first.multipliedBy(1L << Math.min(20, Math.max(0, failed - 1)));
        return d.compareTo(max) > 0 ? max : d;
    }

    /**
     * The wait after {@code failed} failures, the last one {@code cause}: the back-off, or longer when the
     * platform said how long to wait ({@link dev.switchman.core.chat.RateLimitedException#retryAfter()}).
     */
    Duration backoff(int failed, Throwable cause) {
        Duration d = backoff(failed);
        if (cause instanceof dev.switchman.core.chat.RateLimitedException r && r.retryAfter().compareTo(d) > 0) {
            return r.retryAfter();
        }
        return d;
    }
}
