package dev.switchman.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.switchman.core.chat.Capabilities;
import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.ChatUser;
import dev.switchman.core.chat.Interaction;
import dev.switchman.core.chat.InteractionHandler;
import dev.switchman.core.chat.MessageRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeBackendTest {

    /** Records what it was asked to send and update; hands interactions to the handler it was started with. */
    static final class Recording implements ChatBackend {
        final String name;
        final Capabilities caps;
        final List<String> log = new ArrayList<>();
        InteractionHandler handler;

        Recording(String name, Capabilities caps) {
            this.name = name;
            this.caps = caps;
        }

        @Override public String name() { return name; }
        @Override public Capabilities capabilities() { return caps; }
        @Override public void start(InteractionHandler h) { handler = h; }
        @Override public void close() { log.add("closed"); }

        @Override
        public MessageRef send(String channel, ChatMessage message) {
            log.add("send " + channel + " " + message.text());
            return new MessageRef(name, channel, "m1");
        }

        @Override
        public void update(MessageRef ref, ChatMessage message) {
            log.add("update " + ref.channel() + " " + ref.id());
        }
    }

    @Test
    void channelsAreQualifiedByBackendAndRoutedBack() {
        Recording slack = new Recording("slack", Capabilities.slack());
        Recording discord = new Recording("discord", Capabilities.discord());
        CompositeBackend both = new CompositeBackend(List.of(slack, discord));
        List<Interaction> seen = new ArrayList<>();
        both.start((in, reply) -> seen.add(in));
        slack.handler.handle(new Interaction.TypedCommand("status", new ChatUser("slack", "U1", "a"), "C1", "t1", Instant.EPOCH), null);
        discord.handler.handle(new Interaction.ButtonPress("b1", new ChatUser("discord", "9", "b"), "77", null, "i1", Instant.EPOCH), null);
        assertEquals("slack:C1", seen.get(0).channel());
        assertEquals("discord:77", seen.get(1).channel());
        assertEquals("b1", ((Interaction.ButtonPress) seen.get(1)).actionId());

        both.send("discord:77", ChatMessage.text("hi"));
        both.send("slack:C1", ChatMessage.text("yo"));
        both.send("C-unqualified", ChatMessage.text("first"));
        both.update(new MessageRef("discord", "77", "m9"), ChatMessage.text("x"));
        assertEquals(List.of("send 77 hi"), discord.log.subList(0, 1));
        assertEquals(List.of("send C1 yo", "send C-unqualified first"), slack.log);
        assertEquals("update 77 m9", discord.log.get(1));

        // what every backend can do: no native confirm (Discord), the smaller limits
        Capabilities c = both.capabilities();
        assertFalse(c.confirmDialogs());
        assertEquals(3_000, c.maxTextLength());
        assertEquals(100, c.maxActionIdLength());
        assertEquals(Duration.ofSeconds(1), c.minEditInterval());
        assertEquals("slack+discord", both.name());
        both.close();
        assertEquals("closed", slack.log.get(slack.log.size() - 1));
    }
}
