package dev.switchman.core.yaml;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping in source order. Keys are strings; each {@link Entry} keeps the key's own location
 * (where unknown-key errors point) and the value node. Duplicate keys never get here: the parser
 * reports them and keeps the first.
 */
public final class YamlMap implements YamlNode {

    /** One key/value pair. */
    public record Entry(String key, SourceLocation keyLocation, YamlNode value) {
    }

    private final Map<String, Entry> entries;
    private final SourceLocation location;

    public YamlMap(Map<String, Entry> entries, SourceLocation location) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.location = location;
    }

    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public Optional<YamlNode> get(String key) {
        return entry(key).map(Entry::value);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }

    @Override
    public SourceLocation location() {
        return location;
    }

    @Override
    public String describe() {
        return "a mapping";
    }

    @Override
    public String toString() {
        return "YamlMap" + entries.keySet() + "@" + location;
    }
}
