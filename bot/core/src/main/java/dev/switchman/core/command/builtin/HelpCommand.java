package dev.switchman.core.command.builtin;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Args;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import java.util.List;

/** {@code help [command]}: every command's usage, or one command in full. */
public final class HelpCommand implements Command {
    @Override public String name() { return "help"; }
    @Override public String usage() { return "help [command]"; }
    @Override public String description() { return "Lists the commands, or explains one: usage, what it does, who may use it, examples."; }
    @Override public List<String> examples() { return List.of("help", "help rollback"); }

    private static List<String> names(CommandContext ctx) {
        return ctx.registry().all().stream().map(Command::name).toList();
    }

    @Override
    public void validate(CommandContext ctx) {
        Args.atMost(ctx, 1, usage());
        String c = ctx.invocation().arg(0);
        if (c != null) Args.oneOf(ctx, "command", c.toLowerCase(), names(ctx));
    }

    @Override
    public List<String> candidates(CommandContext ctx, int index) {
        return index == 0 ? names(ctx) : List.of();
    }

    @Override
    public ChatMessage execute(CommandContext ctx) {
        String name = ctx.invocation().arg(0);
        if (name == null) {
            ChatMessage.Builder b = ChatMessage.builder("Commands").text("`help <command>` explains one. Commands with side effects ask for confirmation (or add --yes).");
            for (Command c : ctx.registry().all()) {
                String d = c.description();
                int dot = d.indexOf(". ");
                b.field(c.usage(), dot > 0 ? d.substring(0, dot + 1) : d);
            }
            return b.build();
        }
        Command c = ctx.registry().require(name);
        ChatMessage.Builder b = ChatMessage.builder(c.usage()).text(c.description()).field("Who", c.who());
        if (c.sideEffect()) b.field("Confirmation", "asks first; `--yes` confirms in one go");
        if (!c.examples().isEmpty()) b.field("Examples", String.join("\n", c.examples()));
        return b.build();
    }
}
