package dev.switchman.simulator.scenario;

import dev.switchman.core.text.Suggestions;
import dev.switchman.core.yaml.LocatedYaml;
import dev.switchman.core.yaml.Problem;
import dev.switchman.core.yaml.Problems;
import dev.switchman.core.yaml.SourceLocation;
import dev.switchman.core.yaml.YamlList;
import dev.switchman.core.yaml.YamlMap;
import dev.switchman.core.yaml.YamlNode;
import dev.switchman.core.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario loader's reading helpers over core's located YAML ({@link LocatedYaml}): every value
 * keeps its file:line:column, and problems are collected instead of thrown, so a file reports all its
 * mistakes at once.
 */
final class YamlTree {

    private final String file;
    private final List<Problem> problems;

    YamlTree(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Parses a file into its root node, or records the problems (syntax, duplicate keys...) and returns null. */
    static YamlNode parse(Path path, List<Problem> problems) {
        Problems found = new Problems();
        YamlNode root = LocatedYaml.parse(path, found);
        problems.addAll(found.all());
        return found.hasErrors() ? null : root;
    }

    SourceLocation at(YamlNode n) {
        return n == null ? new SourceLocation(file, 0, 0) : n.location();
    }

    void error(YamlNode n, String message) {
        problems.add(Problem.error(at(n), message));
    }

    void warn(YamlNode n, String message) {
        problems.add(Problem.warning(at(n), message));
    }

    /** A mapping's entries by key, reporting unknown keys (with a did-you-mean) and non-mappings. */
    Map<String, Entry> mapping(YamlNode n, String what, Collection<String> allowed) {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (!(n instanceof YamlMap m)) {
            error(n, what + " must be a mapping (key: value)");
            return out;
        }
        for (YamlMap.Entry e : m.entries()) {
            if (allowed != null && !allowed.contains(e.key())) {
                problems.add(Problem.error(e.keyLocation(), "unknown key '" + e.key() + "' in " + what
                        + Suggestions.didYouMean(e.key(), allowed) + " Expected one of " + sorted(allowed)));
                continue;
            }
            out.put(e.key(), new Entry(e.key(), e.keyLocation(), e.value()));
        }
        return out;
    }

    List<YamlNode> sequence(YamlNode n, String what) {
        if (n instanceof YamlList l) {
            return l.items();
        }
        error(n, what + " must be a list");
        return List.of();
    }

    /** A scalar's text (null for an empty value), or null (with a problem) if the node is not a scalar. */
    String scalar(YamlNode n, String what) {
        if (n instanceof YamlScalar s) {
            return s.text();
        }
        error(n, what + " must be a single value, not a " + (n instanceof YamlMap ? "mapping" : "list"));
        return null;
    }

    /** Plain Java value of a node: String/Long/Double/Boolean for scalars, List or Map otherwise. */
    Object plain(YamlNode n) {
        if (n instanceof YamlScalar s) {
            String v = s.text();
            return switch (s.type()) {
                case NULL -> null;
                case BOOLEAN -> Boolean.parseBoolean(v);
                case NUMBER -> number(v);
                case STRING -> v;
            };
        }
        if (n instanceof YamlList l) {
            List<Object> out = new ArrayList<>();
            for (YamlNode c : l.items()) {
                out.add(plain(c));
            }
            return out;
        }
        if (n instanceof YamlMap m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (YamlMap.Entry e : m.entries()) {
                out.put(e.key(), plain(e.value()));
            }
            return out;
        }
        return null;
    }

    /** A long for whole numbers, a double for decimals, else the text as written. */
    private static Object number(String v) {
        try {
            if (v.matches("[-+]?\\d+")) {
                return Long.parseLong(v);
            }
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static List<String> sorted(Collection<String> c) {
        return c.stream().sorted().toList();
    }

    /** One key of a mapping: where the key is written, and its value. */
    record Entry(String key, SourceLocation keyLocation, YamlNode value) {
    }
}
