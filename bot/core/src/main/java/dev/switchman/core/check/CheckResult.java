package dev.switchman.core.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One measurement of one check.
 *
 * <p>{@code observations} are typed values by the names of the contract tables in docs/checks.md
 * (for example {@code ttl}, {@code missing-names}, {@code result}, {@code lag-s}); values are
 * {@link Number}, {@link String}, {@link Boolean}, {@link List} or {@link Map}. Units are part of the
 * name where they matter ({@code ttfb-ms}, {@code lag-s}).
 */
public record CheckResult(
        String checkId,
        String kind,
        String target,
        CheckStatus status,
        Map<String, Object> observations,
        String message,
        Instant observedAt,
        Duration duration) {

    public CheckResult {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(observedAt, "observedAt");
        target = target == null ? "" : target;
        message = message == null ? "" : message;
        duration = duration == null ? Duration.ZERO : duration;
        observations = observations == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(observations));
    }

    /** A numeric observation, if present and numeric (numeric strings are accepted). */
    public OptionalDouble number(String name) {
        Object v = observations.get(name);
        if (v instanceof Number n) {
            return OptionalDouble.of(n.doubleValue());
        }
        if (v instanceof String s) {
            try {
                return OptionalDouble.of(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    /** A numeric observation or the fallback: convenient from rules. */
    public double numberOr(String name, double fallback) {
        OptionalDouble d = number(name);
        return d.isPresent() ? d.getAsDouble() : fallback;
    }

    /** An observation rendered as text, if present. */
    public Optional<String> text(String name) {
        Object v = observations.get(name);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    /** The same result with another check id (a provider run ad hoc has the kind as its id). */
    public CheckResult withCheckId(String id) {
        return new CheckResult(id, kind, target, status, observations, message, observedAt, duration);
    }

    /** The same result observed at another time (used by the simulator to place scripted results). */
    public CheckResult at(Instant when) {
        return new CheckResult(checkId, kind, target, status, observations, message, when, duration);
    }
}
