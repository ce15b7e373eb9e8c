package dev.switchman.core.command.builtin;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.runbook.Roles;
import java.util.List;

/** {@code go [reason]}: the rollback authority confirms a gate, or resumes a HOLD with a reason. */
public final class GoCommand implements Command {
    @Override public String name() { return "go"; }
    @Override public String usage() { return "go [reason]"; }
    @Override public String description() { return "The rollback authority's GO. On a go/no-go gate it asks the rules now and completes the gate on GO (on NO_GO it is refused with every blocker; a HOLD from the rules is overridden only with a reason). On a run paused by HOLD it resumes the run; the reason is required and recorded. Needs confirmation."; }
    @Override public String who() { return "rollback-authority"; }
    @Override public List<String> examples() { return List.of("go --yes", "go --yes \"lag spike explained: backup job\""); }
    @Override public boolean needsRun() { return true; }
    @Override public boolean sideEffect() { return true; }
    @Override public List<String> requiredRoles(CommandContext ctx) { return List.of(Roles.ROLLBACK_AUTHORITY); }

    @Override
    public ChatMessage execute(CommandContext ctx) {
        return ctx.requireRun().go(ctx.user(), ctx.invocation().rest(0));
    }
}
