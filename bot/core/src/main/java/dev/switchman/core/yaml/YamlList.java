package dev.switchman.core.yaml;

import java.util.List;

/** A YAML sequence, its items in order. */
public record YamlList(List<YamlNode> items, SourceLocation location) implements YamlNode {

    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
