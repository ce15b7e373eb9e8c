package dev.switchman.core.notify;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.runbook.Stakeholder;

/** The built-in {@code chat:<channel>} sink: posts the notification to a channel of the bot's backend. */
public final class ChatNotifier implements Notifier {

    private final ChatBackend backend;

    public ChatNotifier(ChatBackend backend) {
        this.backend = backend;
    }

    @Override
    public String sinkKind() {
        return "chat";
    }

    @Override
    public void deliver(Stakeholder stakeholder, Notification notification) {
        String sink = stakeholder.sink();
        String channel = sink.startsWith("chat:") ? sink.substring("chat:".length()) : sink;
        backend.send(channel.isBlank() ? null : channel,
                ChatMessage.of(ChatMessage.Tone.INFO, notification.subject(), notification.body()));
    }
}
