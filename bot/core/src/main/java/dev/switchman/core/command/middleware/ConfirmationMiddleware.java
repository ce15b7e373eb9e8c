package dev.switchman.core.command.middleware;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.command.Middleware;

/**
 * Commands with side effects ({@code go}, {@code rollback}, {@code abort}, {@code done --override}) run only when confirmed: typed
 * with {@code --yes}, or by pressing the confirm button this middleware answers with (the button sends
 * the same command with {@code --yes}). An unconfirmed command is not recorded and changes nothing.
 */
public final class ConfirmationMiddleware implements Middleware {

    @Override
    public ChatMessage apply(CommandContext ctx, Command command, Chain chain) {
        if (!command.sideEffect(ctx) || ctx.invocation().yes()) {
            return chain.next(ctx);
        }
        String confirmed = ctx.invocation().withoutYes() + " --yes";
        return ChatMessage.builder("Confirm `" + command.name() + "`?")
                .tone(ChatMessage.Tone.WARNING)
                .text(command.description() + "\nPress the button, or type `" + confirmed + "`.")
                .button(new ChatMessage.Button("Confirm " + command.name(), confirmed, !command.name().equals("go"), false))
                .build();
    }
}
