package dev.switchman.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.check.CheckStatus;
import org.junit.jupiter.api.Test;

class AnsiRendererTest {

    private final ChatMessage status = ChatMessage.builder("hello-cutover: prepare")
            .tone(ChatMessage.Tone.WARNING)
            .field("Step", "lower-ttl")
            .check(new ChatMessage.CheckRow("www-ttl", CheckStatus.PASS, "ttl 300", "12s"))
            .check(new ChatMessage.CheckRow("cert", CheckStatus.FAIL, "missing SAN", ""))
            .check(new ChatMessage.CheckRow("lag", CheckStatus.UNKNOWN, "timed out", ""))
            .button(new ChatMessage.Button("Done", "done lower-ttl", false, false))
            .button(new ChatMessage.Button("Roll back", "rollback", true, true))
            .build();

    @Test
    void coloursPassGreenFailRedUnknownYellow() {
        String out = new AnsiRenderer(true).render(status);
        assertTrue(out.contains("\u001b[32mPASS"), out);
        assertTrue(out.contains("\u001b[31mFAIL"), out);
        assertTrue(out.contains("\u001b[33mUNKNOWN"), out);
    }

    @Test
    void showsButtonsAsTheCommandsToType() {
        String out = new AnsiRenderer(false).render(status);
        assertTrue(out.contains("[Done] done lower-ttl"), out);
        assertTrue(out.contains("[Roll back] rollback (asks to confirm)"), out);
    }

    @Test
    void plainRenderingHasNoEscapeCodes() {
        String out = new AnsiRenderer(false).render(status);
        assertFalse(out.contains("\u001b"), out);
        assertTrue(out.startsWith("hello-cutover: prepare\n"), out);
        assertTrue(out.contains("Step: lower-ttl"), out);
        assertTrue(out.contains("PASS    www-ttl  ttl 300 (12s)"), out);
    }

    @Test
    void textOnlyMessageIsJustTheText() {
        assertEquals("hi", new AnsiRenderer(true).render(ChatMessage.text("hi")));
    }
}
