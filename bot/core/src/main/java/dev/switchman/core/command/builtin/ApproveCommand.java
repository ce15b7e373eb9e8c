package dev.switchman.core.command.builtin;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Args;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import java.util.List;

/** {@code approve [step]}: a member of the approval step's role approves. */
public final class ApproveCommand implements Command {
    @Override public String name() { return "approve"; }
    @Override public String usage() { return "approve [step]"; }
    @Override public String description() { return "Grants an approval step: the one named, else the current one, else the next pending one (approvals may be given ahead, for gates that require them). Only members of the step's role may."; }
    @Override public String who() { return "members of the approval step's role (for example approvers or rollback-authority)"; }
    @Override public List<String> examples() { return List.of("approve", "approve approve-cutover"); }
    @Override public boolean needsRun() { return true; }

    private static List<String> approvalIds(CommandContext ctx) {
        return ctx.run().map(r -> r.runbook().allSteps().filter(s -> s.kind() == StepKind.APPROVAL).map(Step::id).toList()).orElse(List.of());
    }

    @Override
    public void validate(CommandContext ctx) {
        Args.atMost(ctx, 1, usage());
        String step = ctx.invocation().arg(0);
        if (step != null) Args.oneOf(ctx, "approval step", step, approvalIds(ctx));
    }

    @Override
    public List<String> requiredRoles(CommandContext ctx) {
        return ctx.run().flatMap(r -> r.approvalTarget(ctx.invocation().arg(0))).map(Step::approvalRole)
                .map(List::of).orElse(List.of());
    }

    @Override
    public List<String> candidates(CommandContext ctx, int index) {
        if (index != 0 || ctx.run().isEmpty()) return List.of();
        var approved = ctx.run().get().state().approvals().keySet();
        return approvalIds(ctx).stream().filter(id -> !approved.contains(id)).toList();
    }

    @Override
    public ChatMessage execute(CommandContext ctx) {
        return ctx.requireRun().approve(ctx.user(), ctx.invocation().arg(0));
    }
}
