package dev.switchman.core.command.middleware;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.command.Middleware;

/**
 * Records the command in the run's log (with its idempotency key) before anything acts on it, and makes
 * the command one transition of the run: the COMMAND event and every event the command causes are one
 * atomic append (a redelivery after a crash either finds both or neither).
 */
public final class AuditMiddleware implements Middleware {

    @Override
    public ChatMessage apply(CommandContext ctx, Command command, Chain chain) {
        if (ctx.run().isEmpty()) {
            return chain.next(ctx);
        }
        return ctx.run().get().transition(() -> {
            ctx.commandEvent(ctx.run().get().recordCommand(ctx.user(), ctx.invocation().text(), ctx.channel(),
                    ctx.incoming().idempotencyKey()));
            return chain.next(ctx);
        });
    }
}
