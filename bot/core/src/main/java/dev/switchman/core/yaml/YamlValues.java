package dev.switchman.core.yaml;

import dev.switchman.core.time.Durations;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one node as a value of an expected type, reporting a problem located at the node when it is
 * not ("interval: expected a duration such as 90s, 5m or 2h30m, got 'abc'"). Every method returns
 * null (or an empty list) after reporting. {@code name} is how the message names the value, usually
 * its key.
 */
public final class YamlValues {

    /** Ids: lowercase letters, digits and dashes, starting with a letter or digit. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    static final String DURATION = "a duration such as 90s, 5m or 2h30m";
    static final String INSTANT = "an ISO-8601 instant such as 2026-11-22T10:00:00Z";

    private YamlValues() {
    }

    /** How messages show what was found: {@code 'abc'}, {@code 42}, {@code true}, {@code nothing}, {@code a list}. */
    public static String got(YamlNode node) {
        if (node instanceof YamlScalar s) {
            return switch (s.type()) {
                case STRING -> "'" + s.text() + "'";
                case NUMBER, BOOLEAN -> s.text();
                case NULL -> "nothing";
            };
        }
        return node.describe();
    }

    /** Reports {@code name: expected <expected>, got <what the node is>} at the node. */
    public static void mismatch(YamlNode node, String name, String expected, Problems problems) {
        problems.error(node.location(), name + ": expected " + expected + ", got " + got(node));
    }

    /** Any non-null scalar, as its source text (numbers and booleans are accepted as text). */
    public static String string(YamlNode node, String name, Problems problems) {
        if (node instanceof YamlScalar s && !s.isNull()) {
            return s.text();
        }
        mismatch(node, name, "a string", problems);
        return null;
    }

    /** A non-blank string. */
    public static String text(YamlNode node, String name, Problems problems) {
        String s = string(node, name, problems);
        if (s != null && s.isBlank()) {
            problems.error(node.location(), name + ": expected some text, got an empty string");
            return null;
        }
        return s;
    }

    /** An id: lowercase letters, digits and dashes ({@link #ID}). */
    public static String id(YamlNode node, String name, Problems problems) {
        if (!(node instanceof YamlScalar s) || s.type() != YamlScalar.Type.STRING && s.type() != YamlScalar.Type.NUMBER) {
            mismatch(node, name, "an id of lowercase letters, digits and dashes such as lower-ttl", problems);
            return null;
        }
        if (!ID.matcher(s.text()).matches()) {
            mismatch(node, name, "an id of lowercase letters, digits and dashes such as lower-ttl", problems);
            return null;
        }
        return s.text();
    }

    /** {@code true} or {@code false}. */
    public static Boolean bool(YamlNode node, String name, Problems problems) {
        if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.BOOLEAN) {
            return Boolean.parseBoolean(s.text().toLowerCase());
        }
        mismatch(node, name, "true or false", problems);
        return null;
    }

    /** A number (an unquoted YAML number, or a string that parses as one). */
    public static Double number(YamlNode node, String name, Problems problems) {
        if (node instanceof YamlScalar s && (s.type() == YamlScalar.Type.NUMBER || s.type() == YamlScalar.Type.STRING)) {
            try {
                return Double.parseDouble(s.text().replace("_", ""));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        mismatch(node, name, "a number", problems);
        return null;
    }

    /**
     * A strictly positive duration ({@code 90s}, {@code 5m}, {@code 2h30m}, {@code 3d}, {@code 250ms},
     * ISO {@code PT5M}; a bare number is seconds). Zero and negative durations are reported.
     */
    public static Duration positiveDuration(YamlNode node, String name, Problems problems) {
        if (!(node instanceof YamlScalar s) || s.isNull() || s.type() == YamlScalar.Type.BOOLEAN) {
            mismatch(node, name, DURATION, problems);
            return null;
        }
        String text = s.text().trim();
        if (text.startsWith("-")) {
            problems.error(node.location(), name + ": expected a positive duration such as 90s or 5m, got '" + s.text() + "'");
            return null;
        }
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            mismatch(node, name, DURATION, problems);
            return null;
        }
        if (d.isZero() || d.isNegative()) {
            problems.error(node.location(), name + ": expected a positive duration such as 90s or 5m, got '" + s.text() + "'");
            return null;
        }
        return d;
    }

    /**
     * A duration inside {@code range} ({@link #positiveDuration} first): {@code interval: expected a
     * duration from 1s to 1d, got '1ms'}. Null (reported) when outside.
     */
    public static Duration duration(YamlNode node, String name, dev.switchman.core.time.DurationRange range, Problems problems) {
        Duration d = positiveDuration(node, name, problems);
        if (d != null && !range.contains(d)) {
            problems.error(node.location(), name + ": expected a duration " + range.describe() + ", got '" + ((YamlScalar) node).text() + "'");
            return null;
        }
        return d;
    }

    /** An ISO-8601 instant with a zone or offset: {@code 2026-11-22T10:00:00Z}, {@code 2026-11-22T11:00:00+01:00}. */
    public static Instant instant(YamlNode node, String name, Problems problems) {
        if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.STRING) {
            try {
                return Instant.parse(s.text().trim());
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(s.text().trim()).toInstant();
                } catch (DateTimeParseException e2) {
                    // reported below
                }
            }
        }
        mismatch(node, name, INSTANT, problems);
        return null;
    }

    /** The items of a list; a non-list is reported and gives an empty list. */
    public static List<YamlNode> list(YamlNode node, String name, Problems problems) {
        if (node instanceof YamlList l) {
            return l.items();
        }
        mismatch(node, name, "a list", problems);
        return List.of();
    }

    /** A list of strings; bad items are reported and left out. */
    public static List<String> stringList(YamlNode node, String name, Problems problems) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : list(node, name, problems)) {
            String s = string(item, name + " item", problems);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
