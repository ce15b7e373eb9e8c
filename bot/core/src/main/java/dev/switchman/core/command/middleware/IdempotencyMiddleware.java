package dev.switchman.core.command.middleware;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.command.Middleware;
import dev.switchman.core.event.Event;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A command delivered twice with the same idempotency key (Slack and Discord retry) is applied once:
 * the second delivery gets the first's answer, or "already applied" when the answer is no longer
 * remembered (after a restart the log still knows the key).
 */
public final class IdempotencyMiddleware implements Middleware {

    private static final int REMEMBERED = 2000;

    private final Map<String, ChatMessage> answers = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChatMessage> eldest) {
            return size() > REMEMBERED;
        }
    });

    @Override
    public ChatMessage apply(CommandContext ctx, Command command, Chain chain) {
        String key = ctx.deliveryId();
        if (key == null || key.isBlank()) {
            return chain.next(ctx);
        }
        String scoped = ctx.channel() + "|" + key;
        ChatMessage earlier = answers.get(scoped);
        if (earlier != null) {
            return earlier;
        }
        if (ctx.run().isPresent()) {
            Optional<Event> seen = ctx.runs().context().store().findByIdempotencyKey(ctx.run().get().runId(), key);
            if (seen.isPresent()) {
                return ChatMessage.of(ChatMessage.Tone.INFO, "Already applied",
                        "`" + ctx.invocation().text() + "` was already applied (event #" + seen.get().sequence() + " of " + seen.get().runId() + ")");
            }
        }
        ChatMessage answer = chain.next(ctx);
        answers.put(scoped, answer);
        return answer;
    }
}
