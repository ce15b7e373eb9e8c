package dev.switchman.core.runbook;

import java.time.Duration;
import java.time.Instant;

/**
 * A wait: a {@code duration} from when the step became current, {@code until} an instant, or a
 * {@code condition}: {@code old-ttl-elapsed} (the old TTL of {@code check}, a dns.ttl check, has
 * passed since the TTL was lowered). Exactly one of the three is set.
 */
public record WaitSpec(Duration duration, Instant until, String condition, String check) {
}
