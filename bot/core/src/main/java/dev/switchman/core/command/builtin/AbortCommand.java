package dev.switchman.core.command.builtin;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.runbook.Roles;
import java.util.List;

/** {@code abort [reason]}: end the run without rolling back. */
public final class AbortCommand implements Command {
    @Override public String name() { return "abort"; }
    @Override public String usage() { return "abort [reason]"; }
    @Override public String description() { return "Ends the run now, without walking rollback steps (the channel is then free for another run). Needs confirmation."; }
    @Override public String who() { return "owner or rollback-authority (anyone when the runbook names neither)"; }
    @Override public List<String> examples() { return List.of("abort --yes \"wrong runbook\""); }
    @Override public boolean needsRun() { return true; }
    @Override public boolean sideEffect() { return true; }

    @Override
    public List<String> requiredRoles(CommandContext ctx) {
        return ctx.run().map(r -> List.of(Roles.OWNER, Roles.ROLLBACK_AUTHORITY).stream().filter(r.runbook().roles()::defines).toList())
                .orElse(List.of());
    }

    @Override
    public ChatMessage execute(CommandContext ctx) {
        return ctx.requireRun().abort(ctx.user(), ctx.invocation().rest(0));
    }
}
