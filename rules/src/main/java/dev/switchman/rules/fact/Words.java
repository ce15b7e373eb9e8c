package dev.switchman.rules.fact;

import dev.switchman.core.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Small formatting helpers for decision sentences: durations, times, numbers. */
public final class Words {
    private Words() {
    }

    /** 2h30m, 45s. */
    public static String dur(long ms) {
        return Durations.format(Duration.ofMillis(Math.max(0, ms)).truncatedTo(ChronoUnit.SECONDS));
    }

    /** 2026-11-22T10:00:00Z. */
    public static String time(long ms) {
        return Instant.ofEpochMilli(ms).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A number without needless decimals: 3, 0.25, 1.5. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "?";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** A share 0..1 as a percentage: 0.052 -> 5.2%. */
    public static String pct(double share) {
        return num(Math.round(share * 1000) / 10.0) + "%";
    }

    public static double d(Object n) {
        return n instanceof Number x ? x.doubleValue() : Double.NaN;
    }

    public static long l(Object n) {
        return n instanceof Number x ? x.longValue() : 0;
    }
}
