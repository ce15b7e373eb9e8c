package dev.switchman.core.command.builtin;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Args;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import java.util.List;

/** {@code status}: the run's one status message. */
public final class StatusCommand implements Command {
    @Override public String name() { return "status"; }
    @Override public String usage() { return "status"; }
    @Override public String description() { return "Shows the run: phases and steps with who did what and when, what is next, what blocks it, the check table, and buttons. The message then updates in place."; }
    @Override public List<String> examples() { return List.of("status"); }

    @Override
    public void validate(CommandContext ctx) {
        Args.atMost(ctx, 0, usage());
    }

    @Override
    public ChatMessage execute(CommandContext ctx) {
        if (ctx.run().isEmpty()) {
            return ChatMessage.of(ChatMessage.Tone.INFO, "No active run", "Nothing is running in this channel. `runbooks` lists what you can `start`.");
        }
        ctx.replyIsStatus();
        return ctx.run().get().status();
    }
}
