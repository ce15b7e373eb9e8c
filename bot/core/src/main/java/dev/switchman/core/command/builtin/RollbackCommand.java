package dev.switchman.core.command.builtin;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.runbook.Roles;
import java.util.List;

/** {@code rollback [reason]}: walk the rollback steps, newest phase first. */
public final class RollbackCommand implements Command {
    @Override public String name() { return "rollback"; }
    @Override public String usage() { return "rollback [reason]"; }
    @Override public String description() { return "Rolls back: walks the rollback steps of the current phase and every completed phase, newest phase first, like ordinary steps. When the last is done the run ends ROLLED_BACK. Needs confirmation."; }
    @Override public String who() { return "rollback-authority"; }
    @Override public List<String> examples() { return List.of("rollback --yes \"error rate 4% for 10 min\""); }
    @Override public boolean needsRun() { return true; }
    @Override public boolean sideEffect() { return true; }
    @Override public List<String> requiredRoles(CommandContext ctx) { return List.of(Roles.ROLLBACK_AUTHORITY); }

    @Override
    public ChatMessage execute(CommandContext ctx) {
        return ctx.requireRun().rollback(ctx.user(), ctx.invocation().rest(0));
    }
}
