package dev.switchman.simulator.scenario;

import dev.switchman.core.yaml.Problem;

import dev.switchman.core.runbook.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A thin reading layer over SnakeYAML's node tree that keeps every value's file:line:column and
 * collects problems instead of throwing, so a file reports all its mistakes at once.
 */
final class YamlTree {

    private final String file;
    private final List<Problem> problems;

    YamlTree(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Parses a file into its root node, or records the syntax error and returns null. */
    static Node parse(Path path, List<Problem> problems) {
        try (Reader r = Files.newBufferedReader(path)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Yaml(options).compose(r);
        } catch (MarkedYAMLException e) {
            var m = e.getProblemMark();
            problems.add(Problem.error(new SourceLocation(path.toString(), m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1),
                    "YAML syntax: " + e.getProblem()));
            return null;
        } catch (IOException e) {
            problems.add(Problem.error(new SourceLocation(path.toString(), 0, 0), "cannot read: " + e.getMessage()));
            return null;
        } catch (RuntimeException e) {
            problems.add(Problem.error(new SourceLocation(path.toString(), 0, 0), "YAML: " + e.getMessage()));
            return null;
        }
    }

    SourceLocation at(Node n) {
        if (n == null) {
            return new SourceLocation(file, 0, 0);
        }
        return new SourceLocation(file, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
    }

    void error(Node n, String message) {
        problems.add(Problem.error(at(n), message));
    }

    void warn(Node n, String message) {
        problems.add(Problem.warning(at(n), message));
    }

    /** A mapping's entries by key, reporting unknown keys (with a did-you-mean) and non-mappings. */
    Map<String, Entry> mapping(Node n, String what, Collection<String> allowed) {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (!(n instanceof MappingNode m)) {
            error(n, what + " must be a mapping (key: value)");
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                error(t.getKeyNode(), "keys of " + what + " must be plain words");
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                String hint = DidYouMean.suggest(key, allowed);
                error(t.getKeyNode(), "unknown key '" + key + "' in " + what
                        + (hint == null ? "" : "; did you mean '" + hint + "'?") + " Expected one of " + sorted(allowed));
                continue;
            }
            out.put(key, new Entry(key, t.getKeyNode(), t.getValueNode()));
        }
        return out;
    }

    List<Node> sequence(Node n, String what) {
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        error(n, what + " must be a list");
        return List.of();
    }

    /** A scalar's text, or null (with a problem) if the node is not a scalar. */
    String scalar(Node n, String what) {
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        error(n, what + " must be a single value, not a " + (n instanceof MappingNode ? "mapping" : "list"));
        return null;
    }

    /** Plain Java value of a node: String/Long/Double/Boolean for scalars, List or Map otherwise. */
    Object plain(Node n) {
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            if (s.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) {
                return v;
            }
            if (v.matches("-?\\d+")) {
                try {
                    return Long.parseLong(v);
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            if (v.matches("-?\\d+\\.\\d+([eE][-+]?\\d+)?")) {
                return Double.parseDouble(v);
            }
            if (v.equals("true") || v.equals("false")) {
                return Boolean.parseBoolean(v);
            }
            if (v.equals("null") || v.equals("~")) {
                return null;
            }
            return v;
        }
        if (n instanceof SequenceNode s) {
            List<Object> l = new ArrayList<>();
            for (Node c : s.getValue()) {
                l.add(plain(c));
            }
            return l;
        }
        if (n instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                out.put(t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(plain(t.getKeyNode())), plain(t.getValueNode()));
            }
            return out;
        }
        return null;
    }

    private static List<String> sorted(Collection<String> c) {
        return c.stream().sorted().toList();
    }

    record Entry(String key, Node keyNode, Node value) {
    }
}
