package dev.switchman.core.check;

/**
 * One parameter a check kind accepts. {@code defaultValue} is null when there is none.
 * Parameters are strings everywhere (runbook YAML lists are joined with commas).
 */
public record ParamSpec(String name, boolean required, String defaultValue, String description) {

    public static ParamSpec required(String name, String description) {
        return new ParamSpec(name, true, null, description);
    }

    public static ParamSpec optional(String name, String defaultValue, String description) {
        return new ParamSpec(name, false, defaultValue, description);
    }
}
