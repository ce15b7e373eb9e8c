package dev.switchman.core.runbook;

import dev.switchman.core.time.DurationRange;
import dev.switchman.core.time.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A threshold the rule packs read: its name, whether it is a number, a duration or a check id, and
 * its accepted range. {@link #KNOWN} is the table of docs/rules.md; the rule packs hold the defaults.
 * A runbook's own rule files may read thresholds whose names start with {@value #CUSTOM_PREFIX}.
 */
public record ThresholdSpec(String name, Kind kind, double min, double max, String unit) {

    /** What a threshold's value is. */
    public enum Kind { NUMBER, INTEGER, DURATION, CHECK_ID, WORD }

    /** Names starting with this are a runbook's own (read by its rule files), checked only for a finite number or duration. */
    public static final String CUSTOM_PREFIX = "x-";

    /** Every threshold the built-in rule packs read, by name. */
    public static final Map<String, ThresholdSpec> KNOWN;

    static {
        Map<String, ThresholdSpec> m = new LinkedHashMap<>();
        put(m, number("fresh-intervals", 1, 100, "intervals"));
        put(m, number("stale-intervals", 1, 100, "intervals"));
        put(m, number("dns-max-ttl", 0, 604_800, "s"));
        put(m, duration("propagation-grace"));
        put(m, number("replication-lag-s", 0, 86_400, "s"));
        put(m, duration("lag-sustain"));
        put(m, number("replication-lag-hold-s", 0, 86_400, "s"));
        put(m, number("error-rate", 0, 1, "fraction"));
        put(m, number("error-rate-critical", 0, 1, "fraction"));
        put(m, duration("error-window"));
        put(m, number("latency-p99-ms", 0, 3_600_000, "ms"));
        put(m, duration("latency-window"));
        put(m, integer("health-failure-limit", 1, 1000));
        put(m, integer("heartbeat-missed-limit", 1, 1000));
        put(m, duration("heartbeat-max-age"));
        put(m, integer("webhook-failure-limit", 1, 1000));
        put(m, number("tls-min-days", 0, 3650, "days"));
        put(m, number("dkim-min-bits", 512, 16_384, "bits"));
        put(m, new ThresholdSpec("write-counter-check", Kind.CHECK_ID, 0, 0, "check id"));
        put(m, integer("fix-forward-writes", 0, 1_000_000_000_000L));
        put(m, duration("rollback-window"));
        put(m, integer("blind-intervals", 1, 1000));
        put(m, new ThresholdSpec("write-noun", Kind.WORD, 0, 0, "word"));
        put(m, new ThresholdSpec("reverse-replication-check", Kind.CHECK_ID, 0, 0, "check id"));
        put(m, new ThresholdSpec("parity-check", Kind.CHECK_ID, 0, 0, "check id"));
        put(m, duration("major-escalate-after"));
        KNOWN = java.util.Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, ThresholdSpec> m, ThresholdSpec s) {
        m.put(s.name(), s);
    }

    private static ThresholdSpec number(String name, double min, double max, String unit) {
        return new ThresholdSpec(name, Kind.NUMBER, min, max, unit);
    }

    private static ThresholdSpec integer(String name, double min, double max) {
        return new ThresholdSpec(name, Kind.INTEGER, min, max, "count");
    }

    private static ThresholdSpec duration(String name) {
        DurationRange r = DurationRange.THRESHOLD;
        return new ThresholdSpec(name, Kind.DURATION, r.min().toMillis(), r.max().toMillis(), "duration");
    }

    /**
     * Checks {@code text} against this spec; null when it is accepted, else what was expected
     * ({@code "expected a number from 0 to 1, got 'NaN'"}).
     */
    public String check(String text) {
        String v = text == null ? "" : text.trim();
        switch (kind) {
            case CHECK_ID:
                return v.isEmpty() || v.matches("[a-z0-9][a-z0-9-]*") ? null : "expected a check id, got '" + text + "'";
            case WORD:
                return v.matches("[A-Za-z][A-Za-z0-9 -]{0,39}") ? null : "expected a word such as orders (letters, digits, spaces, dashes; at most 40), got '" + text + "'";
            case DURATION: {
                DurationRange range = new DurationRange(Duration.ofMillis((long) min), Duration.ofMillis((long) max));
                try {
                    Duration d = Durations.parse(v);
                    return range.contains(d) ? null : "expected a duration " + range.describe() + ", got '" + text + "'";
                } catch (IllegalArgumentException e) {
                    return "expected a duration " + range.describe() + " such as 10m, got '" + text + "'";
                }
            }
            default: {
                String expected = "expected " + (kind == Kind.INTEGER ? "a whole number" : "a number") + " from " + num(min) + " to " + num(max)
                        + (unit.equals("count") ? "" : " (" + unit + ")") + ", got '" + text + "'";
                Double d = finite(v);
                if (d == null || d < min || d > max || (kind == Kind.INTEGER && d != Math.rint(d))) {
                    return expected;
                }
                return null;
            }
        }
    }

    /** A finite number, or null for anything else (NaN, Infinity, 1e999, words). */
    public static Double finite(String text) {
        if (!text.trim().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
