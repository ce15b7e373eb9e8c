package dev.switchman.simulator.replay;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.ChatUser;
import dev.switchman.core.chat.CommandHandler;
import dev.switchman.core.chat.IncomingCommand;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.chat.Replier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rehearsal bot's chat backend. Commands typed by responders (automatic or forwarded from a game
 * day channel) go in through {@link #exec}; what the bot sends goes to {@code sink} - a real channel
 * during a game day - or nowhere at full speed. Keeps nothing, so long replays stay flat in memory.
 */
public final class RehearsalChat implements ChatBackend {

    /** Where a game day's messages go: a live backend and its channel. */
    public record Sink(ChatBackend backend, String channel) {
    }

    private final Clock clock;
    private final Sink sink;
    private final String channel;
    private final AtomicLong ids = new AtomicLong();
    private volatile CommandHandler handler;

    public RehearsalChat(Clock clock, String channel, Sink sink) {
        this.clock = clock;
        this.channel = channel;
        this.sink = sink;
    }

    @Override
    public String name() {
        return "rehearsal";
    }

    @Override
    public void start(CommandHandler h) {
        this.handler = h;
    }

    /** Types {@code text} as {@code user} (platform:id); returns the replies (also sent to the sink). */
    public List<ChatMessage> exec(String user, String text) {
        CommandHandler h = handler;
        if (h == null) {
            throw new IllegalStateException("the rehearsal bot has not started");
        }
        int i = user.indexOf(':');
        ChatUser u = i < 0 ? ChatUser.console(user) : new ChatUser(user.substring(0, i), user.substring(i + 1), user.substring(i + 1));
        List<ChatMessage> replies = new ArrayList<>();
        h.handle(new IncomingCommand(text, u, channel, null, clock.instant()), new Replier() {
            @Override
            public void ack() {
            }

            @Override
            public MessageRef reply(ChatMessage message) {
                replies.add(message);
                return send(channel, message);
            }
        });
        return replies;
    }

    @Override
    public MessageRef send(String ch, ChatMessage message) {
        if (sink != null) {
            return sink.backend().send(sink.channel(), message);
        }
        return new MessageRef("rehearsal", ch == null ? channel : ch, "r" + ids.incrementAndGet());
    }

    @Override
    public void update(MessageRef ref, ChatMessage message) {
        if (sink != null && !"rehearsal".equals(ref.backend())) {
            sink.backend().update(ref, message);
        }
    }

    @Override
    public void close() {
    }
}
