package dev.switchman.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one YAML document into a tree of {@link YamlNode}s that know their file, line and column.
 * Problems (syntax errors with their line and column, duplicate keys, aliases, a second document,
 * an empty file, an unreadable file) go to the given {@link Problems}; nothing is thrown for bad
 * input.
 *
 * <pre>{@code
 * Problems problems = new Problems();
 * YamlNode root = LocatedYaml.parse(path, problems);          // null when unusable
 * StrictMap top = StrictMap.of(root, "the scenario", problems);
 * String id = top.requiredId("id");
 * Duration speed = top.optionalDuration("tick", Duration.ofSeconds(1));
 * top.finish();                                                 // reports unknown keys
 * }</pre>
 *
 * Uses Jackson 2.x (jackson-dataformat-yaml, SnakeYAML underneath). Only {@code true} and {@code false}
 * are booleans ({@code yes}, {@code no}, {@code on}, {@code off} are strings); an empty value is null.
 * Aliases ({@code *name}) are rejected: write values out, so every value has one place in the file.
 */
public final class LocatedYaml {

    /** YAML 1.2-like scalars: only true/false are booleans (not yes/no/on/off); an empty value is null. */
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    private final String file;
    private final Problems problems;

    private LocatedYaml(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Reads and parses a file; the file name in locations is {@code path.toString()}. */
    public static YamlNode parse(Path path, Problems problems) {
        String name = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            problems.error(new SourceLocation(name, 0, 0), "no such file; expected a readable YAML file");
            return null;
        } catch (IOException e) {
            problems.error(new SourceLocation(name, 0, 0), "cannot read the file: " + e.getMessage());
            return null;
        }
        return parse(name, text, problems);
    }

    /** Parses text; {@code file} is the name used in locations. */
    public static YamlNode parse(String file, String text, Problems problems) {
        return parse(file, new StringReader(text), problems);
    }

    /**
     * Parses one document from {@code reader} (not closed). Returns the root node, or null when the
     * input is empty or has a syntax error (reported).
     */
    public static YamlNode parse(String file, Reader reader, Problems problems) {
        return new LocatedYaml(file, problems).run(reader);
    }

    private YamlNode run(Reader reader) {
        try (JsonParser p = FACTORY.createParser(reader)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.error(new SourceLocation(file, 1, 1), "the file is empty; expected a YAML mapping");
                return null;
            }
            YamlNode root = read(p, t);
            JsonToken next = p.nextToken();
            if (next != null) {
                problems.error(at(p), "expected one YAML document, found a second one (remove the '---' separator)");
            }
            return root;
        } catch (StreamReadException e) {
            reportSyntax(e);
            return null;
        } catch (IOException e) {
            problems.error(new SourceLocation(file, 0, 0), "cannot read: " + e.getMessage());
            return null;
        }
    }

    private YamlNode read(JsonParser p, JsonToken t) throws IOException {
        SourceLocation at = at(p);
        if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
            problems.error(at, "YAML aliases (*" + p.getText() + ") are not supported; write the value out");
            return new YamlScalar("*" + p.getText(), YamlScalar.Type.STRING, at);
        }
        return switch (t) {
            case START_OBJECT -> readMap(p, at);
            case START_ARRAY -> readList(p, at);
            case VALUE_STRING, VALUE_EMBEDDED_OBJECT -> new YamlScalar(p.getText(), YamlScalar.Type.STRING, at);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new YamlScalar(p.getText(), YamlScalar.Type.NUMBER, at);
            case VALUE_TRUE, VALUE_FALSE -> new YamlScalar(p.getText(), YamlScalar.Type.BOOLEAN, at);
            case VALUE_NULL -> new YamlScalar(null, YamlScalar.Type.NULL, at);
            default -> throw new IllegalStateException("unexpected YAML token " + t + " at " + at);
        };
    }

    private YamlMap readMap(JsonParser p, SourceLocation at) throws IOException {
        Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            if (t != JsonToken.FIELD_NAME) {
                throw new IllegalStateException("expected a key, got " + t);
            }
            String key = p.currentName();
            SourceLocation keyAt = at(p);
            YamlNode value = read(p, p.nextToken());
            YamlMap.Entry first = entries.get(key);
            if (first != null) {
                problems.error(keyAt, "duplicate key '" + key + "' (first at line " + first.keyLocation().line()
                        + "); a key may appear once in a mapping");
            } else {
                entries.put(key, new YamlMap.Entry(key, keyAt, value));
            }
        }
        return new YamlMap(entries, at);
    }

    private YamlList readList(JsonParser p, SourceLocation at) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            items.add(read(p, t));
        }
        return new YamlList(items, at);
    }

    private SourceLocation at(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new SourceLocation(file, Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
    }

    private void reportSyntax(StreamReadException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            Mark mark = m.getProblemMark();
            StringBuilder msg = new StringBuilder("invalid YAML: ").append(m.getProblem());
            if (m.getContext() != null && m.getContextMark() != null) {
                msg.append(" (").append(m.getContext()).append(" at line ").append(m.getContextMark().getLine() + 1)
                        .append(", column ").append(m.getContextMark().getColumn() + 1).append(')');
            }
            problems.error(new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1), msg.toString());
            return;
        }
        JsonLocation l = e.getLocation();
        String message = e.getOriginalMessage();
        problems.error(new SourceLocation(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr()),
                "invalid YAML: " + (message == null ? e.toString() : message.lines().findFirst().orElse(message)));
    }
}
