package dev.switchman.core.chat;

import java.time.Instant;

/**
 * What a chat backend delivers to the bot: a {@link TypedCommand} (text in the bot's grammar, from a
 * slash command, a message or the terminal) or a {@link ButtonPress} (an opaque action id the bot drew
 * the button with). Each carries the acting user, the channel, the message it came from (null for a
 * typed command) and the platform's delivery id (Slack's trigger id, Discord's interaction id), so a
 * delivery retried by the platform applies once. A form submission (Slack modal, Discord modal) will be
 * the next permitted kind.
 */
public sealed interface Interaction permits Interaction.TypedCommand, Interaction.ButtonPress {

    ChatUser user();

    String channel();

    /** The message the interaction came from (a button's message); null for a typed command. */
    MessageRef source();

    /** The platform's delivery id, or null; a second delivery with the same id is applied once. */
    String deliveryId();

    Instant receivedAt();

    /** A command typed in the bot's grammar: {@code done backup "took 4m"}. */
    record TypedCommand(String text, ChatUser user, String channel, MessageRef source, String deliveryId, Instant receivedAt)
            implements Interaction {

        public TypedCommand(String text, ChatUser user, String channel, String deliveryId, Instant receivedAt) {
            this(text, user, channel, null, deliveryId, receivedAt);
        }
    }

    /**
     * A button pressed: {@code actionId} is the id the bot gave the button when it drew it (at most
     * {@link Capabilities#maxActionIdLength()} characters); it means nothing to the backend.
     */
    record ButtonPress(String actionId, ChatUser user, String channel, MessageRef source, String deliveryId, Instant receivedAt)
            implements Interaction {
    }
}
