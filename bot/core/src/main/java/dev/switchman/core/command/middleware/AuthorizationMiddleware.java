package dev.switchman.core.command.middleware;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.command.Middleware;
import dev.switchman.core.command.Replies;
import dev.switchman.core.run.RunEngine;
import dev.switchman.core.runbook.Roles;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a command through only if the user holds one of the roles it requires in the run's runbook
 * ({@code approve}: the approval step's role; {@code go}, {@code rollback}: rollback-authority). A
 * refusal is answered with the reason, appended to the run's log as REFUSED, and logged.
 */
public final class AuthorizationMiddleware implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationMiddleware.class);

    @Override
    public ChatMessage apply(CommandContext ctx, Command command, Chain chain) {
        if (ctx.run().isEmpty()) {
            return chain.next(ctx);
        }
        RunEngine run = ctx.run().get();
        List<String> roles = command.requiredRoles(ctx);
        if (roles.isEmpty()) {
            return chain.next(ctx);
        }
        Roles defined = run.runbook().roles();
        String user = ctx.user().qualifiedId();
        if (roles.stream().anyMatch(r -> defined.has(r, ctx.user()))) {
            return chain.next(ctx);
        }
        String holders = roles.stream().map(r -> r + " " + (defined.of(r).isEmpty() ? "(nobody: the runbook names no " + r + ")" : defined.of(r)))
                .reduce((a, b) -> a + " or " + b).orElse("");
        String reason = "only " + holders + " may `" + command.name() + "`" + (command.name().equals("approve") ? " this step" : "")
                + "; " + user + " holds none of " + roles;
        run.recordRefusal(ctx.user(), ctx.invocation().text(), reason);
        log.info("refused {} `{}` in run {}: {}", user, ctx.invocation().text(), run.runId(), reason);
        return Replies.refused(reason);
    }
}
