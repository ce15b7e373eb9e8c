package dev.switchman.simulator.replay;

import dev.switchman.core.chat.Capabilities;
import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.ChatUser;
import dev.switchman.core.chat.Interaction;
import dev.switchman.core.chat.InteractionHandler;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.chat.Reply;
import dev.switchman.core.chat.Visibility;
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
    private volatile InteractionHandler handler;

    public RehearsalChat(Clock clock, String channel, Sink sink) {
        this.clock = clock;
        this.channel = channel;
        this.sink = sink;
    }

    @Override
    public String name() {
        return "rehearsal";
    }

    /**
     * A game day plays in a real channel: its platform's limits, but no buttons (a press there would reach
     * the live bot, not this one): players type the commands the messages show.
     */
    @Override
    public Capabilities capabilities() {
        // at full speed nobody reads the status message: no edits to draw, none to pace
        return sink != null ? sink.backend().capabilities().withButtons(false) : Capabilities.console().withMessageEdits(false);
    }

    @Override
    public void start(InteractionHandler h) {
        this.handler = h;
    }

    /** Types {@code text} as {@code user} (platform:id); returns the replies (also sent to the sink). */
    public List<ChatMessage> exec(String user, String text) {
        InteractionHandler h = handler;
        if (h == null) {
            throw new IllegalStateException("the rehearsal bot has not started");
        }
        int i = user.indexOf(':');
        ChatUser u = i < 0 ? ChatUser.console(user) : new ChatUser(user.substring(0, i), user.substring(i + 1), user.substring(i + 1));
        List<ChatMessage> replies = new ArrayList<>();
        // the rehearsal bot runs every command in the calling thread (DirectExecutorService): answered on return
        h.handle(new Interaction.TypedCommand(text, u, channel, null, clock.instant()), new Reply() {
            @Override
            public void ack(Visibility visibility) {
            }

            @Override
            public MessageRef answer(ChatMessage message) {
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
