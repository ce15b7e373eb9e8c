package dev.switchman.core.command;

import dev.switchman.core.chat.ChatMessage;

/** Standard answers: errors, refusals. */
public final class Replies {

    private Replies() {
    }

    public static ChatMessage error(String text) {
        return ChatMessage.of(ChatMessage.Tone.DANGER, "Error", text);
    }

    public static ChatMessage refused(String text) {
        return ChatMessage.of(ChatMessage.Tone.DANGER, "Refused", text);
    }
}
