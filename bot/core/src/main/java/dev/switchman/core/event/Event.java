package dev.switchman.core.event;

import java.time.Instant;

/**
 * One entry of a run's log, appended before it is acted on. {@code sequence} is 1-based per run;
 * {@code payload} is JSON; {@code idempotencyKey} (nullable) makes a redelivered command apply once.
 */
public record Event(String runId, long sequence, String type, String payload, String actor, Instant at, String idempotencyKey) {
}
