package dev.switchman.core.chat;

/**
 * How a command answers its sender. {@link #ack()} acknowledges at once (Slack's and Discord's
 * 3 s rule); {@link #reply} may come later. Replies go to the channel the command came from.
 */
public interface Replier {

    /** Acknowledge receipt now; idempotent. */
    void ack();

    /** Answer visibly in the channel. */
    MessageRef reply(ChatMessage message);

    /** Answer only the sender where the platform allows it (ephemeral), else like {@link #reply}. */
    default MessageRef replyPrivately(ChatMessage message) {
        return reply(message);
    }
}
