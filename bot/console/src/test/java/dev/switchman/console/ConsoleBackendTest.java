package dev.switchman.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.check.CheckStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleBackendTest {

    private final List<String> printed = new ArrayList<>();
    private final ConsoleBackend backend = new ConsoleBackend(printed::add, new AnsiRenderer(false));

    private static ChatMessage status(String step, CheckStatus ttl) {
        return ChatMessage.builder("run r1").text("  > " + step).field("Next", step)
                .check(new ChatMessage.CheckRow("www-ttl", ttl, "", "")).build();
    }

    @Test
    void updatePrintsOnlyTheLinesThatChanged() {
        MessageRef ref = backend.send(null, status("lower-ttl", CheckStatus.UNKNOWN));
        backend.update(ref, status("verify-ttl", CheckStatus.PASS));
        assertEquals(2, printed.size());
        String update = printed.get(1);
        assertTrue(update.startsWith("(updated) run r1"), update);
        assertTrue(update.contains("> verify-ttl") && update.contains("PASS"), update);
        assertTrue(!update.contains("lower-ttl"), update);
    }

    @Test
    void updateWithoutChangesPrintsNothing() {
        MessageRef ref = backend.send(null, status("lower-ttl", CheckStatus.UNKNOWN));
        backend.update(ref, status("lower-ttl", CheckStatus.UNKNOWN));
        assertEquals(1, printed.size());
    }

    @Test
    void agesAndPaddingAloneAreNoChange() {
        ChatMessage a = ChatMessage.builder("run r1").field("Next", "x")
                .check(new ChatMessage.CheckRow("www-ttl", CheckStatus.ERROR, "nxdomain", "1s ago")).build();
        ChatMessage b = ChatMessage.builder("run r1").field("Next", "x")
                .check(new ChatMessage.CheckRow("www-ttl", CheckStatus.ERROR, "nxdomain", "17s ago")).build();
        MessageRef ref = backend.send(null, a);
        backend.update(ref, b);
        assertEquals(1, printed.size(), printed.toString());
    }

    @Test
    void messagesForOtherChannelsAreLabelled() {
        backend.send("#exec-updates", ChatMessage.text("we moved"));
        assertEquals("[#exec-updates] we moved", printed.get(0));
    }
}
