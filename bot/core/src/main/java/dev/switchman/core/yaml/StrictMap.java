package dev.switchman.core.yaml;

import dev.switchman.core.text.Suggestions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a YAML mapping strictly. Every key you ask for (read or {@link #allow}) becomes a known key;
 * {@link #finish()} then reports every other key as unknown, with a did-you-mean suggestion among the
 * known ones. Missing required keys and values of the wrong type are reported where they are, and
 * the reading goes on, so one load reports every problem.
 *
 * <p>If the node is not a mapping, {@link #of} reports it once ("step: expected a mapping, got a
 * list") and returns a reader on which every key is absent and nothing more is reported.
 *
 * <p>Optional keys whose value is YAML null ({@code key:} or {@code key: ~}) count as absent.
 */
public final class StrictMap {

    private final YamlMap map;
    private final SourceLocation location;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();
    private String what;

    private StrictMap(YamlMap map, SourceLocation location, String what, Problems problems) {
        this.map = map;
        this.location = location;
        this.what = what;
        this.problems = problems;
    }

    /**
     * A reader of {@code node}; {@code what} names the mapping in messages ("check", "the runbook",
     * "step 'lower-ttl'"). A null node (nothing parsed) gives an empty reader and no problem.
     */
    public static StrictMap of(YamlNode node, String what, Problems problems) {
        if (node instanceof YamlMap m) {
            return new StrictMap(m, m.location(), what, problems);
        }
        if (node != null) {
            YamlValues.mismatch(node, what, "a mapping", problems);
        }
        return new StrictMap(null, node == null ? SourceLocation.UNKNOWN : node.location(), what, problems);
    }

    /** Renames the mapping in later messages, e.g. once its id is known. */
    public StrictMap describedAs(String what) {
        this.what = what;
        return this;
    }

    /** True when the node was a mapping. */
    public boolean isMap() {
        return map != null;
    }

    public SourceLocation location() {
        return location;
    }

    public Problems problems() {
        return problems;
    }

    /** Declares keys as known without reading them. */
    public StrictMap allow(String... keys) {
        known.addAll(List.of(keys));
        return this;
    }

    /** The keys asked for so far, in order. */
    public Set<String> knownKeys() {
        return Set.copyOf(known);
    }

    /** Whether the key is present (its value may be null); marks it known. */
    public boolean has(String key) {
        known.add(key);
        return map != null && map.has(key);
    }

    /** Where the key itself is written, if present. */
    public Optional<SourceLocation> keyLocation(String key) {
        known.add(key);
        return map == null ? Optional.empty() : map.entry(key).map(YamlMap.Entry::keyLocation);
    }

    /** The value, present and not null. */
    public Optional<YamlNode> optional(String key) {
        known.add(key);
        if (map == null) {
            return Optional.empty();
        }
        return map.get(key).filter(n -> !(n instanceof YamlScalar s && s.isNull()));
    }

    /** The value, present and not null; otherwise reports "missing required key" and returns null. */
    public YamlNode required(String key) {
        known.add(key);
        if (map == null) {
            return null;
        }
        Optional<YamlMap.Entry> e = map.entry(key);
        if (e.isEmpty()) {
            problems.error(location, "missing required key '" + key + "' in " + what);
            return null;
        }
        YamlNode v = e.get().value();
        if (v instanceof YamlScalar s && s.isNull()) {
            problems.error(e.get().keyLocation(), key + ": expected a value, got nothing");
            return null;
        }
        return v;
    }

    public String requiredString(String key) {
        YamlNode n = required(key);
        return n == null ? null : YamlValues.text(n, key, problems);
    }

    public String optionalString(String key, String fallback) {
        return optional(key).map(n -> YamlValues.string(n, key, problems)).orElse(fallback);
    }

    /** A required id ({@link YamlValues#ID}). */
    public String requiredId(String key) {
        YamlNode n = required(key);
        return n == null ? null : YamlValues.id(n, key, problems);
    }

    public boolean optionalBoolean(String key, boolean fallback) {
        Boolean b = optional(key).map(n -> YamlValues.bool(n, key, problems)).orElse(null);
        return b == null ? fallback : b;
    }

    /** A number, or the fallback when absent (or wrong, after reporting). */
    public Double optionalNumber(String key, Double fallback) {
        Double d = optional(key).map(n -> YamlValues.number(n, key, problems)).orElse(null);
        return d == null ? fallback : d;
    }

    /** A strictly positive duration, or the fallback when absent (or wrong, after reporting). */
    public Duration optionalDuration(String key, Duration fallback) {
        Duration d = optional(key).map(n -> YamlValues.positiveDuration(n, key, problems)).orElse(null);
        return d == null ? fallback : d;
    }

    /** A duration inside {@code range}, or the fallback when absent (or wrong or out of range, after reporting). */
    public Duration optionalDuration(String key, Duration fallback, dev.switchman.core.time.DurationRange range) {
        Duration d = optional(key).map(n -> YamlValues.duration(n, key, range, problems)).orElse(null);
        return d == null ? fallback : d;
    }

    public Instant optionalInstant(String key) {
        return optional(key).map(n -> YamlValues.instant(n, key, problems)).orElse(null);
    }

    /** The items of a list value; empty when absent or not a list (reported). */
    public List<YamlNode> optionalList(String key) {
        return optional(key).map(n -> YamlValues.list(n, key, problems)).orElse(List.of());
    }

    public List<String> optionalStringList(String key) {
        return optional(key).map(n -> YamlValues.stringList(n, key, problems)).orElse(List.of());
    }

    /** A nested mapping, or an empty reader when absent. */
    public StrictMap optionalMap(String key, String what) {
        return StrictMap.of(optional(key).orElse(null), what, problems);
    }

    /**
     * A mapping of string keys to scalar values (numbers and booleans as their text); other values
     * are reported.
     */
    public Map<String, String> optionalStringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<YamlNode> n = optional(key);
        if (n.isEmpty()) {
            return out;
        }
        if (!(n.get() instanceof YamlMap m)) {
            YamlValues.mismatch(n.get(), key, "a mapping of names to values", problems);
            return out;
        }
        for (YamlMap.Entry e : m.entries()) {
            String v = YamlValues.string(e.value(), key + "." + e.key(), problems);
            if (v != null) {
                out.put(e.key(), v);
            }
        }
        return out;
    }

    /** Reports every key that was never asked for, with a did-you-mean suggestion. Call last. */
    public void finish() {
        if (map == null) {
            return;
        }
        for (YamlMap.Entry e : map.entries()) {
            if (!known.contains(e.key())) {
                String hint = Suggestions.closest(e.key(), known)
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse("; expected one of: " + String.join(", ", known));
                problems.error(e.keyLocation(), "unknown key '" + e.key() + "' in " + what + hint);
            }
        }
    }
}
