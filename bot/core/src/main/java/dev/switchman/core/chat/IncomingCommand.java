package dev.switchman.core.chat;

import java.time.Instant;

/**
 * A command as a backend received it: the text after the bot's prefix ({@code done backup "took 4m"}),
 * or a button press rendered as the command it stands for. {@code idempotencyKey}: the platform's
 * delivery id (Slack's trigger id, Discord's interaction id) so a retried delivery applies once.
 */
public record IncomingCommand(String text, ChatUser user, String channel, String idempotencyKey, Instant receivedAt) {
}
