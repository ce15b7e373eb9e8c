package dev.switchman.core.command;

import dev.switchman.core.text.Suggestions;
import java.util.Collection;

/** Argument checks shared by commands; every error names the command and the argument. */
public final class Args {

    private Args() {
    }

    /** At most {@code max} positional arguments. */
    public static void atMost(CommandContext ctx, int max, String usage) {
        Invocation inv = ctx.invocation();
        if (inv.args().size() > max) {
            String extra = inv.args().get(max);
            throw new CommandException(inv.name(), extra, "`" + inv.name() + "`: unexpected argument '" + extra + "'; usage: " + usage);
        }
    }

    /** Argument {@code i} must be present. */
    public static String required(CommandContext ctx, int i, String name, String usage, Collection<String> candidates) {
        Invocation inv = ctx.invocation();
        String v = inv.arg(i);
        if (v == null || v.isBlank()) {
            String hint = candidates == null || candidates.isEmpty() ? "" : "; expected one of " + candidates.stream().limit(20).toList();
            throw new CommandException(inv.name(), name, "`" + inv.name() + "`: missing " + name + "; usage: " + usage + hint);
        }
        return v;
    }

    /** {@code value} must be one of {@code known}. */
    public static void oneOf(CommandContext ctx, String what, String value, Collection<String> known) {
        if (!known.contains(value)) {
            Invocation inv = ctx.invocation();
            throw new CommandException(inv.name(), value, "`" + inv.name() + "`: unknown " + what + " '" + value + "'" + Suggestions.hint(value, known));
        }
    }
}
