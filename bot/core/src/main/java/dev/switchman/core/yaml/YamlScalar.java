package dev.switchman.core.yaml;

/**
 * A scalar as written: {@code text} is the source text of the value (null for a YAML null: {@code ~},
 * {@code null} or nothing), {@code type} what YAML made of it (quoted values are always STRING).
 */
public record YamlScalar(String text, Type type, SourceLocation location) implements YamlNode {

    public enum Type { STRING, NUMBER, BOOLEAN, NULL }

    public boolean isNull() {
        return type == Type.NULL;
    }

    @Override
    public String describe() {
        return switch (type) {
            case STRING -> "the string '" + text + "'";
            case NUMBER -> "the number " + text;
            case BOOLEAN -> "the boolean " + text;
            case NULL -> "nothing (null)";
        };
    }
}
