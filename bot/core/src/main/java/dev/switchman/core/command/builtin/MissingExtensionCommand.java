package dev.switchman.core.command.builtin;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;

/**
 * Stands in for a command an extension provides ({@code rehearse} and {@code postmortem} come from the
 * simulator) and answers clearly that this build lacks it. Registering the real command replaces it.
 */
public final class MissingExtensionCommand implements Command {

    private final String name;
    private final String usage;
    private final String description;
    private final String module;

    public MissingExtensionCommand(String name, String usage, String description, String module) {
        this.name = name;
        this.usage = usage;
        this.description = description;
        this.module = module;
    }

    public static MissingExtensionCommand rehearse() {
        return new MissingExtensionCommand("rehearse", "rehearse <scenario>",
                "Replays a rehearsal scenario on a virtual clock (provided by the simulator).", "switchman-simulator");
    }

    public static MissingExtensionCommand postmortem() {
        return new MissingExtensionCommand("postmortem", "postmortem",
                "Drafts a post-mortem from the run's log (provided by the simulator).", "switchman-simulator");
    }

    @Override public String name() { return name; }
    @Override public String usage() { return usage; }
    @Override public String description() { return description; }

    @Override
    public ChatMessage execute(CommandContext ctx) {
        return ChatMessage.of(ChatMessage.Tone.WARNING, "Not in this build",
                "This build has no simulator: `" + name + "` needs " + module + " on the class path.");
    }
}
