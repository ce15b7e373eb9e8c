package dev.switchman.core.check;

import dev.switchman.core.secret.Secrets;
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

    /**
     * The same result with every secret in its target, message and text observations masked
     * ({@link dev.switchman.core.secret.Secrets#redact}); this result when there is none.
     */
    public CheckResult redacted() {
        String t = Secrets.redact(target);
        String m = Secrets.redact(message);
        Map<String, Object> obs = observations;
        boolean changed = !t.equals(target) || !m.equals(message);
        for (Map.Entry<String, Object> e : observations.entrySet()) {
            Object v = redactValue(e.getValue());
            if (v != e.getValue()) {
                if (obs == observations) obs = new LinkedHashMap<>(observations);
                obs.put(e.getKey(), v);
                changed = true;
            }
        }
        return changed ? new CheckResult(checkId, kind, t, status, obs, m, observedAt, duration) : this;
    }

    /** The value with secrets masked; the same instance when nothing changed. */
    private static Object redactValue(Object v) {
        if (v instanceof String s) {
            String r = Secrets.redact(s);
            return r.equals(s) ? s : r;
        }
        if (v instanceof List<?> list) {
            List<Object> out = null;
            for (int i = 0; i < list.size(); i++) {
                Object r = redactValue(list.get(i));
                if (r != list.get(i)) {
                    if (out == null) out = new java.util.ArrayList<>(list);
                    out.set(i, r);
                }
            }
            return out == null ? v : Collections.unmodifiableList(out);
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = null;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object r = redactValue(e.getValue());
                if (r != e.getValue()) {
                    if (out == null) out = new LinkedHashMap<>(map);
                    out.put(e.getKey(), r);
                }
            }
            return out == null ? v : Collections.unmodifiableMap(out);
        }
        return v;
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
