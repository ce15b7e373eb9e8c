package dev.switchman.core.command;

import dev.switchman.core.chat.ChatMessage;

/**
 * A link in front of every command, like Bolt's middleware: look at the command, answer it yourself
 * (refuse, ask for confirmation, replay an earlier answer) or pass it on with {@code chain.next(ctx)}.
 */
@FunctionalInterface
public interface Middleware {

    ChatMessage apply(CommandContext ctx, Command command, Chain chain);

    /** The rest of the chain; the last link executes the command. */
    @FunctionalInterface
    interface Chain {
        ChatMessage next(CommandContext ctx);
    }
}
