package dev.switchman.core.yaml;

/**
 * A YAML node with its source position: a {@link YamlMap}, a {@link YamlList} or a {@link YamlScalar}.
 * Produced by {@link LocatedYaml#parse}; read strictly with {@link StrictMap}.
 */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

    /** Where the node starts (for a mapping: its first key; for a scalar: its first character). */
    SourceLocation location();

    /** How messages name this node's type: "a mapping", "a list", "a string", "a number", ... */
    String describe();
}
