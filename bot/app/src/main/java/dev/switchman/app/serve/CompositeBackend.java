package dev.switchman.app.serve;

import dev.switchman.core.chat.Capabilities;
import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.Interaction;
import dev.switchman.core.chat.InteractionHandler;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.chat.Reply;
import dev.switchman.core.http.HttpEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several chat backends as the one the bot talks to (the bot takes one). Each interaction's channel is
 * qualified with its backend's name ({@code slack:C123}, {@code discord:98765}) so channels of two
 * platforms never collide, and {@link #send} strips it again; {@link #update} routes by
 * {@link MessageRef#backend()}. A channel without a known prefix goes to the first backend.
 * {@link #capabilities()} is what every backend can do: the smallest limits, the slowest edit pace.
 */
final class CompositeBackend implements ChatBackend {

    private final Map<String, ChatBackend> backends = new LinkedHashMap<>();
    private final ChatBackend first;

    CompositeBackend(List<ChatBackend> list) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no backend");
        }
        for (ChatBackend b : list) {
            if (backends.put(b.name(), b) != null) {
                throw new IllegalArgumentException("two backends named " + b.name());
            }
        }
        first = list.get(0);
    }

    @Override
    public String name() {
        return String.join("+", backends.keySet());
    }

    @Override
    public Capabilities capabilities() {
        Capabilities c = null;
        for (ChatBackend b : backends.values()) {
            Capabilities d = b.capabilities();
            c = c == null ? d : new Capabilities(c.buttons() && d.buttons(), c.confirmDialogs() && d.confirmDialogs(),
                    c.threads() && d.threads(), c.messageEdits() && d.messageEdits(), c.ephemeral() && d.ephemeral(),
                    Math.min(c.maxTextLength(), d.maxTextLength()), Math.min(c.maxActionIdLength(), d.maxActionIdLength()),
                    Math.min(c.maxButtons(), d.maxButtons()),
                    c.minEditInterval().compareTo(d.minEditInterval()) >= 0 ? c.minEditInterval() : d.minEditInterval());
        }
        return c;
    }

    @Override
    public void start(InteractionHandler handler) {
        for (ChatBackend b : backends.values()) {
            String prefix = b.name() + ":";
            b.start(new InteractionHandler() {
                @Override
                public void handle(Interaction in, Reply reply) {
                    handler.handle(qualified(in, prefix), reply);
                }

                /** Autocomplete (Discord) asks the bot about the channel as the bot knows it: qualified. */
                @Override
                public List<String> completions(String channel, String line) {
                    return handler.completions(channel == null ? null : prefix + channel, line);
                }
            });
        }
    }

    static Interaction qualified(Interaction in, String prefix) {
        String channel = in.channel() == null ? null : prefix + in.channel();
        if (in instanceof Interaction.TypedCommand t) {
            return new Interaction.TypedCommand(t.text(), t.user(), channel, t.source(), t.deliveryId(), t.receivedAt());
        }
        Interaction.ButtonPress p = (Interaction.ButtonPress) in;
        return new Interaction.ButtonPress(p.actionId(), p.user(), channel, p.source(), p.deliveryId(), p.receivedAt());
    }

    @Override
    public MessageRef send(String channel, ChatMessage message) {
        if (channel != null) {
            int colon = channel.indexOf(':');
            ChatBackend b = colon > 0 ? backends.get(channel.substring(0, colon)) : null;
            if (b != null) {
                return b.send(channel.substring(colon + 1), message);
            }
        }
        return first.send(channel, message);
    }

    @Override
    public void update(MessageRef ref, ChatMessage message) {
        backends.getOrDefault(ref.backend(), first).update(ref, message);
    }

    @Override
    public List<HttpEndpoint> endpoints() {
        List<HttpEndpoint> all = new ArrayList<>();
        backends.values().forEach(b -> all.addAll(b.endpoints()));
        return all;
    }

    @Override
    public void close() {
        RuntimeException failed = null;
        for (ChatBackend b : backends.values()) {
            try {
                b.close();
            } catch (RuntimeException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
