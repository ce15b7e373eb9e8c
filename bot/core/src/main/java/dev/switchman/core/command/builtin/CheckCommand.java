package dev.switchman.core.command.builtin;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Args;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.runbook.CheckSpec;
import java.util.List;

/** {@code check [id]}: re-run checks now. */
public final class CheckCommand implements Command {
    @Override public String name() { return "check"; }
    @Override public String usage() { return "check [id]"; }
    @Override public String description() { return "Re-runs a check now, or without an id the current step's checks (or every check). Answers at once; results follow in the channel and the status message."; }
    @Override public List<String> examples() { return List.of("check", "check www-ttl"); }
    @Override public boolean needsRun() { return true; }

    private static List<String> ids(CommandContext ctx) {
        return ctx.run().map(r -> r.runbook().checks().stream().map(CheckSpec::id).toList()).orElse(List.of());
    }

    @Override
    public void validate(CommandContext ctx) {
        Args.atMost(ctx, 1, usage());
        String id = ctx.invocation().arg(0);
        if (id != null) Args.oneOf(ctx, "check", id, ids(ctx));
    }

    @Override
    public List<String> candidates(CommandContext ctx, int index) {
        return index == 0 ? ids(ctx) : List.of();
    }

    @Override
    public ChatMessage execute(CommandContext ctx) {
        return ctx.requireRun().check(ctx.invocation().arg(0));
    }
}
