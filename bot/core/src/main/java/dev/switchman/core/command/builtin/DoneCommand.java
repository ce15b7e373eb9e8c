package dev.switchman.core.command.builtin;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Args;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.run.RunEngine;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import java.util.List;
import java.util.Optional;

/** {@code done <step> [note]}: a person confirms a manual step (or cuts a wait short). */
public final class DoneCommand implements Command {
    @Override public String name() { return "done"; }
    @Override public String usage() { return "done <step> [note]"; }
    @Override public String description() { return "Marks the current manual step done, with an optional note (quote it or just keep typing). Also ends a wait early, on the record. If the step names a role, only its members may."; }
    @Override public String who() { return "anyone, or the members of the step's role when it has one"; }
    @Override public List<String> examples() { return List.of("done lower-ttl", "done backup \"took 4 min, 12 GB\""); }
    @Override public boolean needsRun() { return true; }

    private static List<String> stepIds(CommandContext ctx) {
        return ctx.run().map(r -> r.runbook().allSteps().map(Step::id).toList()).orElse(List.of());
    }

    @Override
    public void validate(CommandContext ctx) {
        String step = Args.required(ctx, 0, "<step>", usage(), ctx.run().flatMap(RunEngine::currentStep).map(s -> List.of(s.id())).orElse(List.of()));
        Args.oneOf(ctx, "step", step, stepIds(ctx));
    }

    @Override
    public List<String> requiredRoles(CommandContext ctx) {
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
        return ctx.requireRun().done(ctx.user(), ctx.invocation().arg(0), ctx.invocation().rest(1));
    }
}
