package dev.switchman.core.command.builtin;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Args;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.run.RunEngine;
import dev.switchman.core.runbook.Runbook;
import java.util.List;

/** {@code start <runbook>}: one active run per channel. */
public final class StartCommand implements Command {
    @Override public String name() { return "start"; }
    @Override public String usage() { return "start <runbook>"; }
    @Override public String description() { return "Starts a run of a runbook in this channel (one active run per channel) and shows its status, which then updates in place."; }
    @Override public List<String> examples() { return List.of("start hello-cutover"); }

    private static List<String> ids(CommandContext ctx) {
        return ctx.runs().runbooks().stream().map(Runbook::id).toList();
    }

    @Override
    public void validate(CommandContext ctx) {
        String id = Args.required(ctx, 0, "<runbook>", usage(), ids(ctx));
        Args.atMost(ctx, 1, usage());
        Args.oneOf(ctx, "runbook", id, ids(ctx));
    }

    @Override
    public List<String> candidates(CommandContext ctx, int index) {
        return index == 0 ? ids(ctx) : List.of();
    }

    @Override
    public ChatMessage execute(CommandContext ctx) {
        if (ctx.run().isPresent()) { // answered here, on the run's actor, without taking the run manager's lock
            throw new dev.switchman.core.run.RunException("channel " + ctx.channel() + " already has an active run: " + ctx.run().get().runId()
                    + " (" + ctx.run().get().runbook().id() + "); `abort` it first or use another channel");
        }
        Runbook rb = ctx.runs().runbook(ctx.invocation().arg(0)).orElseThrow();
        RunEngine engine = ctx.runs().start(rb, ctx.user(), ctx.channel(), ctx.invocation().text(), ctx.deliveryId());
        ctx.run(engine);
        ctx.replyIsStatus();
        return engine.status();
    }
}
