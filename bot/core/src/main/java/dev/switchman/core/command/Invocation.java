package dev.switchman.core.command;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed command line: the command name (lower-cased), positional arguments, and the one option the
 * grammar knows, {@code --yes} ({@code -y}), which confirms a command with side effects.
 */
public record Invocation(String text, String name, List<String> args, boolean yes) {

    public Invocation {
        args = List.copyOf(args);
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
        for (Token t : tokens.subList(1, tokens.size())) {
            if (!t.quoted() && (t.text().equals("--yes") || t.text().equals("-y"))) {
                yes = true;
            } else if (!t.quoted() && t.text().startsWith("--") && t.text().length() > 2) {
                throw new CommandException(name, t.text(), "`" + name + "`: unknown option '" + t.text() + "' at column " + t.column()
                        + "; expected --yes (or quote it: \"" + t.text() + "\")");
            } else {
                args.add(t.text());
            }
        }
        return new Invocation(text, name, args, yes);
    }

    public String arg(int i) {
        return i < args.size() ? args.get(i) : null;
    }

    /** Arguments from {@code i} on joined by spaces, or null when there are none. */
    public String rest(int i) {
        return i < args.size() ? String.join(" ", args.subList(i, args.size())) : null;
    }

    /** The command line without --yes, for confirmation buttons and the log. */
    public String withoutYes() {
        StringBuilder b = new StringBuilder(name);
        for (String a : args) {
            b.append(' ').append(a.isEmpty() || a.chars().anyMatch(Character::isWhitespace) || a.contains("\"") || a.startsWith("--")
                    ? "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : a);
        }
        return b.toString();
    }
}
