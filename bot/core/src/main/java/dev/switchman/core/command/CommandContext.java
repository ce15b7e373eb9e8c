package dev.switchman.core.command;

import dev.switchman.core.chat.ChatUser;
import dev.switchman.core.chat.Interaction;
import dev.switchman.core.event.Event;
import dev.switchman.core.run.RunEngine;
import dev.switchman.core.run.RunManager;
import java.util.Optional;

/**
 * Everything a command and the middleware see: the interaction it came from (typed, or a button press
 * resolved to its command), who, where, the parsed command, the runs, the registry.
 */
public final class CommandContext {

    private final Interaction interaction;
    private final Invocation invocation;
    private final RunManager runs;
    private final CommandRegistry registry;
    private RunEngine run;
    private Event commandEvent;
    private boolean statusMessage;

    public CommandContext(Interaction interaction, Invocation invocation, RunManager runs, CommandRegistry registry, RunEngine run) {
        this.interaction = interaction;
        this.invocation = invocation;
        this.runs = runs;
        this.registry = registry;
        this.run = run;
    }

    /** What the backend delivered: a typed command or a button press. */
    public Interaction interaction() { return interaction; }
    public Invocation invocation() { return invocation; }
    public ChatUser user() { return interaction.user(); }
    public String channel() { return interaction.channel(); }
    /** The platform's delivery id (null when it gives none): a retried delivery applies once. */
    public String deliveryId() { return interaction.deliveryId(); }
    public RunManager runs() { return runs; }
    public CommandRegistry registry() { return registry; }

    /** The channel's active run when the command arrived (or the one it started). */
    public Optional<RunEngine> run() {
        return Optional.ofNullable(run);
    }

    /** The active run; only for commands that declare {@link Command#needsRun()}. */
    public RunEngine requireRun() {
        if (run == null) {
            throw new CommandException(invocation.name(), null, "no active run in this channel; `runbooks` lists what you can `start`");
        }
        return run;
    }

    public void run(RunEngine engine) {
        this.run = engine;
    }

    /** The COMMAND event the audit middleware appended (null when there is no run). */
    public Event commandEvent() {
        return commandEvent;
    }

    public void commandEvent(Event e) {
        this.commandEvent = e;
    }

    /** Marks the reply as the run's status message, updated in place from now on. */
    public void replyIsStatus() {
        this.statusMessage = true;
    }

    public boolean statusMessage() {
        return statusMessage;
    }
}
