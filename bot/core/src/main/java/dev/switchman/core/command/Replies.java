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

    /**
     * True for the bot's {@link #refused} and {@link #error} answers: backends show these to the person who
     * acted only (Slack: ephemeral; Discord: the public "thinking…" placeholder is replaced by an ephemeral
     * follow-up), since a refused press is nobody else's business; the log records it either way.
     */
    public static boolean isRefusalOrError(ChatMessage m) {
        return m.tone() == ChatMessage.Tone.DANGER && (m.title().equals("Refused") || m.title().equals("Error"));
    }
}
