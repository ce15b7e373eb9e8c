package dev.switchman.core.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed command line: the command name (lower-cased), positional arguments, {@code --yes} ({@code -y}),
 * which confirms a command with side effects, and the other options the grammar knows ({@link #OPTIONS}:
 * {@code --override}), as words without their dashes. Whether a command accepts an option is the
 * command's business ({@link Command#options()}).
 */
public record Invocation(String text, String name, List<String> args, boolean yes, Set<String> options) {

    /** Options besides {@code --yes}: {@code done <step> --override "reason"}. */
    public static final Set<String> OPTIONS = Set.of("override");

    public Invocation {
        args = List.copyOf(args);
        options = options == null ? Set.of() : Set.copyOf(options);
    }

    public Invocation(String text, String name, List<String> args, boolean yes) {
        this(text, name, args, yes, Set.of());
    }

    /** True when {@code --option} was given. */
    public boolean option(String option) {
        return options.contains(option);
    }

    public static Invocation parse(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        if (tokens.isEmpty()) {
            throw new CommandException(null, null, "empty command; try `help`");
        }
        String name = tokens.get(0).text().toLowerCase();
        if (name.startsWith("!") || name.startsWith("/")) {
            name = name.substring(1);
        }
        List<String> args = new ArrayList<>();
        boolean yes = false;
        Set<String> options = new LinkedHashSet<>();
        for (Token t : tokens.subList(1, tokens.size())) {
            if (!t.quoted() && (t.text().equals("--yes") || t.text().equals("-y"))) {
                yes = true;
            } else if (!t.quoted() && t.text().startsWith("--") && OPTIONS.contains(t.text().substring(2).toLowerCase())) {
                options.add(t.text().substring(2).toLowerCase());
            } else if (!t.quoted() && t.text().startsWith("--") && t.text().length() > 2) {
                throw new CommandException(name, t.text(), "`" + name + "`: unknown option '" + t.text() + "' at column " + t.column()
                        + "; expected --yes" + (name.equals("done") ? " or --override" : "") + " (or quote it: \"" + t.text() + "\")");
            } else {
                args.add(t.text());
            }
        }
        return new Invocation(text, name, args, yes, options);
    }

    public String arg(int i) {
        return i < args.size() ? args.get(i) : null;
    }

    /** Arguments from {@code i} on joined by spaces, or null when there are none. */
    public String rest(int i) {
        return i < args.size() ? String.join(" ", args.subList(i, args.size())) : null;
    }

    /** The command line without --yes, options after the first argument, for confirmation buttons and the log. */
    public String withoutYes() {
        StringBuilder b = new StringBuilder(name);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            b.append(' ').append(a.isEmpty() || a.chars().anyMatch(Character::isWhitespace) || a.contains("\"") || a.startsWith("--")
                    ? "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : a);
            if (i == 0) {
                options.stream().sorted().forEach(o -> b.append(" --").append(o));
            }
        }
        if (args.isEmpty()) {
            options.stream().sorted().forEach(o -> b.append(" --").append(o));
        }
        return b.toString();
    }
}
