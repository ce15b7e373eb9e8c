package dev.switchman.core.chat.example;

import dev.switchman.core.chat.Capabilities;
import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.ChatUser;
import dev.switchman.core.chat.Interaction;
import dev.switchman.core.chat.InteractionHandler;
import dev.switchman.core.chat.MessageFitter;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.chat.Reply;
import dev.switchman.core.chat.Visibility;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The smallest working chat backend (docs/chat-backends.md): lines in, lines out, one channel. A real
 * platform does the same in its event listener: turn the platform's event into an {@link Interaction},
 * give the bot a {@link Reply} that answers on the platform, and declare what the platform can do.
 */
public final class LineBackend implements ChatBackend {

    private final Consumer<String> out;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private volatile InteractionHandler handler;

    public LineBackend(Consumer<String> out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "lines";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.console(); // no buttons to press: messages show the commands to type
    }

    @Override
    public void start(InteractionHandler h) {
        this.handler = h;
    }

    @Override
    public MessageRef send(String channel, ChatMessage message) {
        out.accept(render(message));
        return new MessageRef(name(), channel == null ? "main" : channel, "m" + ids.incrementAndGet());
    }

    @Override
    public void update(MessageRef ref, ChatMessage message) {
        out.accept("(edited " + ref.id() + ") " + render(message));
    }

    /** Fitted to the platform first: here buttons become the commands to type, long text is cut. */
    private String render(ChatMessage message) {
        return MessageFitter.fit(message, capabilities()).plain();
    }

    @Override
    public void close() {
        handler = null;
    }

    /** What the platform's event listener does with a line {@code user} typed. */
    public void typed(String user, String text) {
        Interaction in = new Interaction.TypedCommand(text, new ChatUser("lines", user, user), "main", null, clock.instant());
        handler.handle(in, new Reply() {
            @Override
            public void ack(Visibility visibility) {
                // a platform with a deadline answers it here: Slack returns the ack, Discord defers the reply
            }

            @Override
            public MessageRef answer(ChatMessage message) {
                return send("main", message);
            }
        });
    }
}
