package dev.switchman.console;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.CommandHandler;
import dev.switchman.core.chat.MessageRef;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The terminal as a chat platform: one channel, messages printed as they come. A terminal cannot
 * rewrite a message that has scrolled away, so an update prints the new version marked as such.
 */
public final class ConsoleBackend implements ChatBackend {

    public static final String DEFAULT_CHANNEL = "console";

    private final ConsoleOutput output;
    private final AnsiRenderer renderer;
    private final AtomicLong ids = new AtomicLong();
    private volatile CommandHandler handler;

    public ConsoleBackend(ConsoleOutput output, AnsiRenderer renderer) {
        this.output = Objects.requireNonNull(output, "output");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void start(CommandHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** The handler given to {@link #start}; null before. */
    public CommandHandler handler() {
        return handler;
    }

    @Override
    public MessageRef send(String channel, ChatMessage message) {
        String ch = channel == null || channel.isBlank() ? DEFAULT_CHANNEL : channel;
        String prefix = DEFAULT_CHANNEL.equals(ch) ? "" : "[" + ch + "] ";
        output.print(prefix + renderer.render(message));
        return new MessageRef(name(), ch, "m" + ids.incrementAndGet());
    }

    @Override
    public void update(MessageRef ref, ChatMessage message) {
        String ch = ref == null ? DEFAULT_CHANNEL : ref.channel();
        String prefix = DEFAULT_CHANNEL.equals(ch) ? "" : "[" + ch + "] ";
        output.print(prefix + "(updated) " + renderer.render(message));
    }

    public ConsoleOutput output() {
        return output;
    }

    public AnsiRenderer renderer() {
        return renderer;
    }

    @Override
    public void close() {
        handler = null;
    }
}
