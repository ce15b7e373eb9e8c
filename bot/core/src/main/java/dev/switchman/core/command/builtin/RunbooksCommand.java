package dev.switchman.core.command.builtin;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Args;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.runbook.Runbook;
import java.util.List;

/** {@code runbooks}: what can be started. */
public final class RunbooksCommand implements Command {
    @Override public String name() { return "runbooks"; }
    @Override public String usage() { return "runbooks"; }
    @Override public String description() { return "Lists the runbooks this bot knows: id, title, phases and checks."; }
    @Override public List<String> examples() { return List.of("runbooks"); }

    @Override
    public void validate(CommandContext ctx) {
        Args.atMost(ctx, 0, usage());
    }

    @Override
    public ChatMessage execute(CommandContext ctx) {
        List<Runbook> all = ctx.runs().runbooks();
        if (all.isEmpty()) {
            return ChatMessage.of(ChatMessage.Tone.WARNING, "Runbooks", "No runbooks loaded.");
        }
        ChatMessage.Builder b = ChatMessage.builder("Runbooks").text("`start <id>` starts one.");
        for (Runbook r : all) {
            b.field(r.id(), r.title() + " (" + r.phases().size() + " phases, " + r.checks().size() + " checks)");
        }
        return b.build();
    }
}
