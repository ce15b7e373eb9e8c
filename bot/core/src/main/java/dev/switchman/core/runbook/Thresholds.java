package dev.switchman.core.runbook;

import dev.switchman.core.time.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named numbers and durations the rules read ({@code replication-lag-s: 1}, {@code lag-sustain: 10m}).
 * Defaults live with the rules and are documented in docs/rules.md, never in DRL constants.
 */
public record Thresholds(Map<String, String> values) {

    public Thresholds {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Thresholds none() {
        return new Thresholds(Map.of());
    }

    public double number(String name, double fallback) {
        String v = values.get(name);
        return v == null ? fallback : Double.parseDouble(v.trim());
    }

    public Duration duration(String name, Duration fallback) {
        String v = values.get(name);
        return v == null ? fallback : Durations.parse(v);
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
