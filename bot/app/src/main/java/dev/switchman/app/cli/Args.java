package dev.switchman.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small, strict command-line parser: {@code --name value}, {@code --name=value}, flags, and
 * positionals; {@code --} ends the options. Unknown options are errors naming the command.
 */
public final class Args {

    /** What one subcommand accepts: options taking a value, flags without one. */
    public record Spec(String command, Set<String> valued, Set<String> flags) {
        public static Spec of(String command, Set<String> valued, Set<String> flags) {
            return new Spec(command, valued, flags);
        }
    }

    private final String command;
    private final List<String> positionals;
    private final Map<String, List<String>> options;

    private Args(String command, List<String> positionals, Map<String, List<String>> options) {
        this.command = command;
        this.positionals = positionals;
        this.options = options;
    }

    public static Args parse(Spec spec, List<String> args) {
        List<String> positionals = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        boolean onlyPositionals = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (onlyPositionals || !a.startsWith("-") || a.equals("-")) {
                positionals.add(a);
                continue;
            }
            if (a.equals("--")) {
                onlyPositionals = true;
                continue;
            }
            String name = a.startsWith("--") ? a.substring(2) : a.substring(1);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.equals("h")) {
                name = "help";
            }
            if (spec.flags().contains(name) || name.equals("help")) {
                if (value != null) {
                    throw new UsageException(spec.command() + ": option --" + name + " takes no value");
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (spec.valued().contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(spec.command() + ": option --" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                Set<String> known = new TreeSet<>(spec.valued());
                known.addAll(spec.flags());
                known.add("help");
                throw new UsageException(spec.command() + ": unknown option '" + a + "'; expected one of "
                        + known.stream().map(k -> "--" + k).toList());
            }
        }
        return new Args(spec.command(), positionals, options);
    }

    public String command() {
        return command;
    }

    public List<String> positionals() {
        return positionals;
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public boolean help() {
        return flag("help");
    }

    /** The last value given for an option, or the fallback. */
    public String value(String name, String fallback) {
        List<String> v = options.get(name);
        return v == null || v.isEmpty() ? fallback : v.get(v.size() - 1);
    }

    public List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** {@code --format text|json}. */
    public boolean json() {
        String format = value("format", "text");
        return switch (format) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new UsageException(command + ": --format must be text or json, got '" + format + "'");
        };
    }
}
