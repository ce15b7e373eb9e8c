package dev.switchman.core.command.builtin;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Args;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.runbook.Stakeholder;
import java.util.ArrayList;
import java.util.List;

/** {@code notify <audience> <text>}: an ad hoc update through the outbox. */
public final class NotifyCommand implements Command {
    @Override public String name() { return "notify"; }
    @Override public String usage() { return "notify <audience> <text>"; }
    @Override public String description() { return "Sends an update to a stakeholder audience of the runbook (or `team`: this channel) through its sinks (chat, e-mail, webhook, status page); delivery is retried until it succeeds."; }
    @Override public List<String> examples() { return List.of("notify execs \"Cutover done, monitoring\"", "notify team starting the DNS switch"); }
    @Override public boolean needsRun() { return true; }

    private static List<String> audiences(CommandContext ctx) {
        List<String> out = new ArrayList<>(List.of("team"));
        ctx.run().ifPresent(r -> r.runbook().stakeholders().stream().map(Stakeholder::audience).distinct().forEach(out::add));
        return out;
    }

    @Override
    public void validate(CommandContext ctx) {
        String audience = Args.required(ctx, 0, "<audience>", usage(), audiences(ctx));
        Args.oneOf(ctx, "audience", audience, audiences(ctx));
        Args.required(ctx, 1, "<text>", usage(), List.of());
    }

    @Override
    public List<String> candidates(CommandContext ctx, int index) {
        return index == 0 ? audiences(ctx) : List.of();
    }

    @Override
    public ChatMessage execute(CommandContext ctx) {
        long seq = ctx.commandEvent() == null ? 0 : ctx.commandEvent().sequence();
        return ctx.requireRun().notifyAudience(ctx.user(), ctx.invocation().arg(0), ctx.invocation().rest(1), seq);
    }
}
