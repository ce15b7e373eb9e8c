package dev.switchman.core.command.middleware;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.command.Middleware;

/** Appends the command to the run's log (with its idempotency key) before anything acts on it. */
public final class AuditMiddleware implements Middleware {

    @Override
    public ChatMessage apply(CommandContext ctx, Command command, Chain chain) {
        ctx.run().ifPresent(run -> ctx.commandEvent(run.recordCommand(ctx.user(), ctx.invocation().text(), ctx.channel(),
                ctx.deliveryId())));
        return chain.next(ctx);
    }
}
