package dev.switchman.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.Interaction;
import dev.switchman.core.chat.InteractionHandler;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several backends behind one bot: a backend's autocomplete still reaches the bot, for the channel as the bot names it. */
class CompositeCompletionsTest {

    /** A backend that only keeps the handler it was started with. */
    private static final class Held implements ChatBackend {
        private final String name;
        InteractionHandler handler;

        Held(String name) {
            this.name = name;
        }

        @Override public String name() { return name; }
        @Override public void start(InteractionHandler h) { handler = h; }
        @Override public MessageRef send(String channel, ChatMessage message) { return new MessageRef(name, channel, "1"); }
        @Override public void update(MessageRef ref, ChatMessage message) { }
        @Override public void close() { }
    }

    @Test
    void completionsAreForwardedWithTheQualifiedChannel() {
        Held slack = new Held("slack");
        Held discord = new Held("discord");
        List<String> asked = new ArrayList<>();
        new CompositeBackend(List.of(slack, discord)).start(new InteractionHandler() {
            @Override
            public void handle(Interaction interaction, Reply reply) {
            }

            @Override
            public List<String> completions(String channel, String line) {
                asked.add(channel + " | " + line);
                return List.of("hello-cutover");
            }
        });
        assertEquals(List.of("hello-cutover"), discord.handler.completions("300000000000000001", "start hel"));
        assertEquals(List.of("discord:300000000000000001 | start hel"), asked);
    }
}
