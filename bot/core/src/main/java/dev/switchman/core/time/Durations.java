package dev.switchman.core.time;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: {@code 90s}, {@code 5m}, {@code 2h30m}, {@code 3d}, {@code 250ms};
 * ISO-8601 ({@code PT5M}) is accepted too. A bare number is seconds.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w)");

    private Durations() {
    }

    /** Parses or throws IllegalArgumentException with a message saying what was expected. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected a duration such as 90s, 5m, 2h30m or 3d, got nothing");
        }
        String s = text.trim();
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("a duration cannot be negative: '" + text + "'");
        }
        if (s.startsWith("P") || s.startsWith("p")) {
            try {
                return Duration.parse(s.toUpperCase());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("expected an ISO-8601 duration such as PT5M, got '" + text + "'");
            }
        }
        if (s.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
        }
        Matcher m = PART.matcher(s);
        int pos = 0;
        double millis = 0;
        while (m.find()) {
            if (m.start() != pos) {
                break;
            }
            double n = Double.parseDouble(m.group(1));
            millis += n * switch (m.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                case "d" -> 86_400_000L;
                default -> 604_800_000L;
            };
            pos = m.end();
        }
        if (pos != s.length() || pos == 0) {
            throw new IllegalArgumentException("expected a duration such as 90s, 5m, 2h30m or 3d, got '" + text + "'");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** Compact form: 2h30m, 45s, 250ms, 0s. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        if (d.isNegative()) {
            b.append('-');
            d = d.negated();
        }
        long days = d.toDays();
        long h = d.toHoursPart();
        long m = d.toMinutesPart();
        long s = d.toSecondsPart();
        long ms = d.toMillisPart();
        if (days > 0) b.append(days).append('d');
        if (h > 0) b.append(h).append('h');
        if (m > 0) b.append(m).append('m');
        if (s > 0) b.append(s).append('s');
        if (ms > 0) b.append(ms).append("ms");
        return b.toString();
    }
}
