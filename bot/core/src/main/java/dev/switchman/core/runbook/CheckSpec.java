package dev.switchman.core.runbook;

import dev.switchman.core.time.DurationRange;
import dev.switchman.core.yaml.SourceLocation;
import java.time.Duration;
import java.util.Map;

/**
 * A check declared once in a runbook and referenced by id from verify steps and gates.
 * {@code blocking}: a gate of a phase that verifies this check needs it PASS and fresh. {@code interval}
 * and {@code timeout} are kept inside {@link DurationRange#CHECK_INTERVAL} and {@link DurationRange#CHECK_TIMEOUT}
 * (validation reports values outside; a spec built in code is clamped), so no check runs more often than once a second.
 * {@code severity}: how much its failure weighs after cutover; null means the kind's default (the
 * decision engine's, docs/rules.md).
 */
public record CheckSpec(
        String id,
        String kind,
        Map<String, String> params,
        Duration interval,
        Duration timeout,
        boolean blocking,
        String description,
        SourceLocation location,
        Severity severity) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public CheckSpec {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        // the engine's floor: a check never runs more often than DurationRange.CHECK_INTERVAL_FLOOR, whoever built the spec
        interval = interval == null ? DEFAULT_INTERVAL : DurationRange.CHECK_INTERVAL.clamp(interval);
        timeout = timeout == null ? DEFAULT_TIMEOUT : DurationRange.CHECK_TIMEOUT.clamp(timeout);
        location = location == null ? SourceLocation.UNKNOWN : location;
    }

    /** A check with its kind's default severity. */
    public CheckSpec(String id, String kind, Map<String, String> params, Duration interval, Duration timeout,
                     boolean blocking, String description, SourceLocation location) {
        this(id, kind, params, interval, timeout, blocking, description, location, null);
    }
}
