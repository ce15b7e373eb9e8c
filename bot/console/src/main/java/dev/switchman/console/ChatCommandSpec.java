package dev.switchman.console;

import java.util.List;

/** A chat command the console offers as a shell command: its verb, usage line and one-line summary. */
public record ChatCommandSpec(String name, String usage, String summary) {

    /** The grammar every backend shares (docs/console.md lists the same). */
    public static List<ChatCommandSpec> standard() {
        return List.of(
                new ChatCommandSpec("runbooks", "runbooks", "List the runbooks the bot knows"),
                new ChatCommandSpec("start", "start <runbook>", "Start a run of a runbook"),
                new ChatCommandSpec("status", "status", "Show the current run: phase, step, checks, approvals"),
                new ChatCommandSpec("done", "done <step> [note]", "Mark a manual step done, with an optional note"),
                new ChatCommandSpec("check", "check [id]", "Run the current step's checks now, or one check by id"),
                new ChatCommandSpec("approve", "approve [step]", "Approve the pending approval step (if your role may)"),
                new ChatCommandSpec("go", "go", "Proceed past a gate (asks the rules first)"),
                new ChatCommandSpec("rollback", "rollback [reason]", "Order a rollback (rollback authority only)"),
                new ChatCommandSpec("abort", "abort", "Abort the current run"),
                new ChatCommandSpec("notify", "notify <audience> <text>", "Send an update to a stakeholder audience"),
                new ChatCommandSpec("rehearse", "rehearse <scenario>", "Replay a scenario on a virtual clock"),
                new ChatCommandSpec("timeline", "timeline", "Show the run's timeline"),
                new ChatCommandSpec("postmortem", "postmortem", "Draft a post-mortem from the run's log"));
    }
}
