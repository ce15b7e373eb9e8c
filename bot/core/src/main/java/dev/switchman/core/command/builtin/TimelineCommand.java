package dev.switchman.core.command.builtin;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Args;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import java.util.List;

/** {@code timeline}: the log in human terms. */
public final class TimelineCommand implements Command {
    @Override public String name() { return "timeline"; }
    @Override public String usage() { return "timeline"; }
    @Override public String description() { return "Lists what happened in the channel's run (the active one, else the last one), in order: steps, approvals, refusals, check status changes, decisions with their rule and reason."; }
    @Override public List<String> examples() { return List.of("timeline"); }

    @Override
    public void validate(CommandContext ctx) {
        Args.atMost(ctx, 0, usage());
    }

    @Override
    public ChatMessage execute(CommandContext ctx) {
        return ctx.run().or(() -> ctx.runs().latest(ctx.channel())).map(r -> r.actor().call(r::timeline))
                .orElseGet(() -> ChatMessage.of(ChatMessage.Tone.INFO, "No run", "No run in this channel since the bot started; `runbooks` lists what you can `start`."));
    }
}
