package dev.switchman.core.chat;

import java.time.Duration;

/**
 * Thrown by {@link ChatBackend#send} or {@link ChatBackend#update} when the platform answered "too many
 * requests" (HTTP 429) with a {@code Retry-After}: the bot's retry waits at least {@link #retryAfter()}
 * before the next attempt (RFC 9110 section 10.2.3; Slack: docs.slack.dev/apis/web-api/rate-limits).
 */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    /** {@code retryAfter}: how long the platform asked to wait (negative or null counts as zero). */
    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
