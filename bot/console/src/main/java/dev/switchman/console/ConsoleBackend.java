package dev.switchman.console;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.Capabilities;
import dev.switchman.core.chat.InteractionHandler;
import dev.switchman.core.chat.MessageRef;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The terminal as a chat platform: one channel, messages printed as they come. A terminal cannot
 * rewrite a message that has scrolled away, so an update prints the message's title and only the
 * lines that changed since it was last printed (nothing when nothing changed).
 */
public final class ConsoleBackend implements ChatBackend {

    public static final String DEFAULT_CHANNEL = "console";

    private final ConsoleOutput output;
    private final AnsiRenderer renderer;
    private final AtomicLong ids = new AtomicLong();
    private volatile InteractionHandler handler;
    /** The last printed text of recent messages (bounded: only recent messages are updated). */
    private final java.util.Map<String, String> lastPrinted = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
                    return size() > 64;
                }
            });

    public ConsoleBackend(ConsoleOutput output, AnsiRenderer renderer) {
        this.output = Objects.requireNonNull(output, "output");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    @Override
    public String name() {
        return "console";
    }

    /** A terminal: no buttons to press (the renderer shows the command to type), edits printed as changes. */
    @Override
    public Capabilities capabilities() {
        return Capabilities.console();
    }

    @Override
    public void start(InteractionHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** The handler given to {@link #start}; null before. */
    public InteractionHandler handler() {
        return handler;
    }

    @Override
    public MessageRef send(String channel, ChatMessage message) {
        String ch = channel == null || channel.isBlank() ? DEFAULT_CHANNEL : channel;
        String prefix = DEFAULT_CHANNEL.equals(ch) ? "" : "[" + ch + "] ";
        String rendered = renderer.render(message);
        output.print(prefix + rendered);
        MessageRef ref = new MessageRef(name(), ch, "m" + ids.incrementAndGet());
        remember(ref, message);
        return ref;
    }

    @Override
    public void update(MessageRef ref, ChatMessage message) {
        String ch = ref == null ? DEFAULT_CHANNEL : ref.channel();
        String prefix = DEFAULT_CHANNEL.equals(ch) ? "" : "[" + ch + "] ";
        String plain = new AnsiRenderer(false).render(message);
        String before = ref == null ? null : lastPrinted.put(ref.id(), plain);
        if (before == null) {
            output.print(prefix + "(updated) " + renderer.render(message));
            return;
        }
        java.util.Set<String> old = new java.util.HashSet<>(before.lines().map(ConsoleBackend::key).toList());
        java.util.List<String> newPlain = plain.lines().toList();
        java.util.List<String> newRendered = renderer.render(message).lines().toList();
        StringBuilder changed = new StringBuilder();
        for (int i = 0; i < newPlain.size() && i < newRendered.size(); i++) {
            if (i == 0 && !message.title().isEmpty()) {
                continue;
            }
            if (!old.contains(key(newPlain.get(i)))) {
                changed.append('\n').append(newRendered.get(i));
            }
        }
        if (changed.length() == 0) {
            return;
        }
        String title = message.title().isEmpty() ? "message" : message.title();
        output.print(prefix + renderer.dim("(updated) " + title) + changed);
    }

    /** A line for comparison: ages ("(12s ago)") and column padding do not count as changes. */
    private static String key(String line) {
        return line.replaceAll("\\((\\S+ ago|just now)\\)", "").replaceAll("\\s+", " ").strip();
    }

    private void remember(MessageRef ref, ChatMessage message) {
        lastPrinted.put(ref.id(), new AnsiRenderer(false).render(message));
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
