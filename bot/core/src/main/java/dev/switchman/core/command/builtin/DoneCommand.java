package dev.switchman.core.command.builtin;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Args;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.command.CommandException;
import dev.switchman.core.runbook.Roles;
import dev.switchman.core.run.RunEngine;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code done <step> [note]}: a person confirms a manual step (or cuts a wait short).
 * {@code done <step> --override "reason"}: the rollback authority completes a blocked verify step or gate
 * on the record, with the blockers of that moment; needs confirmation like {@code go}.
 */
public final class DoneCommand implements Command {
    public static final String OVERRIDE = "override";

    @Override public String name() { return "done"; }
    @Override public String usage() { return "done <step> [note] | done <step> --override <reason>"; }
    @Override public String description() { return "Marks the current manual step done, with an optional note (quote it or just keep typing). Also ends a wait early, on the record. If the step names a role, only its members may. "
            + "With --override the rollback authority completes a blocked verify step or gate anyway: the reason is required, the blockers of the moment are recorded with it, the checks keep running; needs confirmation."; }
    @Override public String who() { return "anyone, or the members of the step's role when it has one; --override: rollback-authority"; }
    @Override public List<String> examples() { return List.of("done lower-ttl", "done backup \"took 4 min, 12 GB\"", "done verify-ttl --override --yes \"no network on this laptop\""); }
    @Override public boolean needsRun() { return true; }
    @Override public Set<String> options() { return Set.of(OVERRIDE); }

    private static boolean override(CommandContext ctx) {
        return ctx.invocation().option(OVERRIDE);
    }

    @Override
    public boolean sideEffect(CommandContext ctx) {
        return override(ctx);
    }

    private static List<String> stepIds(CommandContext ctx) {
        return ctx.run().map(r -> r.runbook().allSteps().map(Step::id).toList()).orElse(List.of());
    }

    @Override
    public void validate(CommandContext ctx) {
        String step = Args.required(ctx, 0, "<step>", usage(), ctx.run().flatMap(RunEngine::currentStep).map(s -> List.of(s.id())).orElse(List.of()));
        Args.oneOf(ctx, "step", step, stepIds(ctx));
        String reason = ctx.invocation().rest(1);
        if (override(ctx) && (reason == null || reason.isBlank())) {
            throw new CommandException(name(), "--override", "`done`: --override needs a reason; usage: done " + step + " --override \"why it is safe to go on\"");
        }
    }

    @Override
    public List<String> requiredRoles(CommandContext ctx) {
        if (override(ctx)) {
            return List.of(Roles.ROLLBACK_AUTHORITY);
        }
        return ctx.run().flatMap(r -> r.findStep(ctx.invocation().arg(0))).map(Step::role).map(List::of).orElse(List.of());
    }

    @Override
    public List<String> candidates(CommandContext ctx, int index) {
        if (index != 0 || ctx.run().isEmpty()) return List.of();
        Optional<Step> cur = ctx.run().get().currentStep();
        return cur.filter(s -> s.kind() == StepKind.MANUAL || s.kind() == StepKind.WAIT).map(s -> List.of(s.id())).orElse(List.of());
    }

    @Override
    public ChatMessage execute(CommandContext ctx) {
        if (override(ctx)) {
            return ctx.requireRun().override(ctx.user(), ctx.invocation().arg(0), ctx.invocation().rest(1));
        }
        return ctx.requireRun().done(ctx.user(), ctx.invocation().arg(0), ctx.invocation().rest(1));
    }
}
